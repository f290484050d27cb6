package io.logisync.masterdata;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import io.logisync.store.BindingStore;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a customer's company partner in Odoo in step with dispatch: bound by customer code ({@code ref}) or tax
 * id, found in Odoo before any create, and written only the fields that changed and that dispatch owns.
 */
public class CustomerSync {

    /** Property holding the customer code the exchange is about. */
    public static final String CUSTOMER_CODE = "LogisyncCustomerCode";
    public static final String KIND = "customer";

    private static final Logger LOG = LoggerFactory.getLogger(CustomerSync.class);
    private static final String MODEL = "res.partner";

    private final OdooClient odoo;
    private final BindingStore bindings;
    private final PartnerSync partners;

    public CustomerSync(OdooClient odoo, BindingStore bindings, PartnerSync partners) {
        this.odoo = odoo;
        this.bindings = bindings;
        this.partners = partners;
    }

    /**
     * Applies a customer.upserted event; a record that cannot be applied throws what it failed with, so that the
     * event is parked whole with the field named.
     */
    public long apply(JsonNode event, Exchange exchange) {
        MasterRecord record = MasterRecordReader.read(PartnerKind.CUSTOMER, event.get("data"));
        exchange.setProperty(CUSTOMER_CODE, record.code());
        PartnerSync.Outcome outcome = partners.apply(PartnerKind.CUSTOMER, List.of(record)).get(0);
        if (outcome.failed()) {
            throw outcome.error();
        }
        LOG.debug("Customer {} {} as res.partner {}", record.code(), outcome.action(), outcome.partnerId());
        return outcome.partnerId();
    }

    /** The partner bound to a customer code, looked up in Odoo by {@code ref} when logisync has no binding yet. */
    public Optional<Long> partnerOf(String customerCode) {
        Optional<Long> bound = bindings.find(KIND, customerCode).map(BindingStore.Binding::odooId);
        if (bound.isPresent()) {
            return bound;
        }
        Optional<Long> found = findInOdoo(customerCode);
        found.ifPresent(id -> bindings.bind(KIND, customerCode, MODEL, id, null));
        return found;
    }

    private Optional<Long> findInOdoo(String code) {
        List<OdooRecord> found = odoo.searchRead(MODEL, List.of(List.of("ref", "=", code), List.of("is_company", "=",
                true)), List.of("id", "ref"), 2, "id", OdooContext.DEFAULT);
        if (found.size() > 1) {
            LOG.warn("Odoo has several company partners with reference {}; customer {} binds to the oldest, id {}",
                    code, code, found.get(0).id());
        }
        return found.stream().findFirst().map(OdooRecord::id);
    }
}
