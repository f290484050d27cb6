package io.logisync.shipment;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;
import io.logisync.store.BindingStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charge mapping table: which Odoo service product (by its internal reference, {@code default_code}) bills each
 * charge code. The product ids found in Odoo are kept in the binding table.
 */
public class ChargeCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ChargeCatalog.class);
    private static final String KIND = "product";

    private final Map<String, String> productCodeByCharge;
    private final OdooClient odoo;
    private final BindingStore bindings;

    public ChargeCatalog(Map<String, String> productCodeByCharge, OdooClient odoo, BindingStore bindings) {
        this.productCodeByCharge = new TreeMap<>(productCodeByCharge);
        this.odoo = odoo;
        this.bindings = bindings;
    }

    public boolean isMapped(String chargeCode) {
        return productCodeByCharge.containsKey(chargeCode);
    }

    /** Parks the event when a charge code has no mapping, naming the code and what it waits for. */
    public void requireMapped(List<String> chargeCodes) {
        for (String code : chargeCodes) {
            if (!isMapped(code)) {
                throw new ParkException(ParkReasons.AWAITING_CHARGE_MAPPING, "charge:" + code,
                        "charge code " + code + " has no product in the charge mapping table"
                                + " (logisync.charge-mapping." + code + ")");
            }
        }
    }

    /** The Odoo product that bills a charge code; parks when the mapped product does not exist in Odoo. */
    public long productId(String chargeCode) {
        requireMapped(List.of(chargeCode));
        String productCode = productCodeByCharge.get(chargeCode);
        Optional<BindingStore.Binding> bound = bindings.find(KIND, productCode);
        if (bound.isPresent()) {
            return bound.get().odooId();
        }
        List<OdooRecord> found = odoo.searchRead("product.product", List.of(List.of("default_code", "=", productCode)),
                List.of("id", "default_code"), 2, "id", OdooContext.DEFAULT);
        if (found.isEmpty()) {
            throw new ParkException(ParkReasons.AWAITING_CHARGE_MAPPING, "charge:" + chargeCode,
                    "charge code " + chargeCode + " maps to product " + productCode
                            + ", but Odoo has no product with that internal reference");
        }
        if (found.size() > 1) {
            LOG.warn("Odoo has several products with internal reference {}; charge {} uses the oldest, id {}",
                    productCode, chargeCode, found.get(0).id());
        }
        long answer = found.get(0).id();
        bindings.bind(KIND, productCode, "product.product", answer, null);
        return answer;
    }
}
