package io.logisync.shipment;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;
import io.logisync.store.BindingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charge mapping table: which Odoo service product (by its internal reference, {@code default_code}) bills each
 * charge code. The table is the {@code logisync.charge-mapping.<CODE>} properties, overridden by the mapping file,
 * which is read again whenever it changes. The product ids found in Odoo are kept in the binding table.
 */
public class ChargeCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ChargeCatalog.class);
    private static final String KIND = "product";

    private final Map<String, String> configured;
    /** Product names by internal reference, as Odoo gave them. */
    // Known gap: a product renamed in Odoo keeps its old name on new invoice lines until logisync restarts.
    private final Map<String, String> productNames = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Map<String, String> productCodeByCharge;
    private final OdooClient odoo;
    private final BindingStore bindings;

    public ChargeCatalog(Map<String, String> productCodeByCharge, OdooClient odoo, BindingStore bindings) {
        this.configured = Map.copyOf(productCodeByCharge);
        this.productCodeByCharge = new TreeMap<>(productCodeByCharge);
        this.odoo = odoo;
        this.bindings = bindings;
    }

    /**
     * Takes the mapping file's entries ({@code CODE = default_code}) over the configured table, replacing what an
     * earlier version of the file said; returns the charge codes that are newly mapped or mapped to another product.
     */
    public synchronized List<String> reload(Map<String, String> fileEntries) {
        Map<String, String> next = new TreeMap<>(configured);
        fileEntries.forEach((code, product) -> next.put(code.trim(), product.trim()));
        List<String> answer = new ArrayList<>();
        next.forEach((code, product) -> {
            if (!Objects.equals(productCodeByCharge.get(code), product)) {
                answer.add(code);
            }
        });
        productCodeByCharge = next;
        LOG.info("Charge mapping table reloaded: {} code(s), {} newly mapped {}", next.size(), answer.size(), answer);
        return answer;
    }

    /** Reads the mapping file's text, in properties format, and reloads the table with it. */
    public List<String> reloadFile(String text) {
        java.util.Properties properties = new java.util.Properties();
        try {
            properties.load(new java.io.StringReader(text == null ? "" : text));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the charge mapping file cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> entries.put(key, properties.getProperty(key)));
        return reload(entries);
    }

    /** True when the code is mapped and its product exists in Odoo: what a parked {@code charge:<code>} waits for. */
    public boolean canBill(String chargeCode) {
        try {
            productId(chargeCode);
            return true;
        } catch (ParkException e) {
            return false;
        }
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

    /**
     * The name of the Odoo product that bills a charge code, which labels a charge that has no description of its
     * own. Empty when the code is not mapped, its product is not in Odoo, or Odoo cannot be asked now.
     */
    public Optional<String> productName(String chargeCode) {
        String productCode = productCodeByCharge.get(chargeCode);
        if (productCode == null) {
            return Optional.empty();
        }
        String known = productNames.get(productCode);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            List<OdooRecord> found = odoo.searchRead("product.product", List.of(List.of("default_code", "=",
                    productCode)), List.of("id", "name"), 1, "id", OdooContext.DEFAULT);
            String name = found.isEmpty() ? null : found.get(0).getString("name");
            if (name == null || name.isBlank()) {
                return Optional.empty();
            }
            productNames.put(productCode, name);
            return Optional.of(name);
        } catch (io.logisync.odoo.OdooException e) {
            LOG.debug("Name of product {} not read from Odoo now ({}); charge {} is labelled by its code",
                    productCode, e.getMessage(), chargeCode);
            return Optional.empty();
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
