package io.logisync.shipment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.masterdata.CustomerSync;
import io.logisync.masterdata.OdooDirectory;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;
import io.logisync.store.BindingStore;
import io.logisync.store.ShipmentStore;
import io.logisync.store.ShipmentStore.Shipment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and posts the one customer invoice of a delivered shipment. Each step first finds what an earlier attempt
 * may have done (binding table, then Odoo by load reference), so a retry or a replay never makes a second invoice.
 */
public class CustomerInvoicing {

    public static final String KIND = "customer-invoice";

    private static final Logger LOG = LoggerFactory.getLogger(CustomerInvoicing.class);
    private static final String MODEL = "account.move";
    private static final List<String> OUTCOME_FIELDS = List.of("name", "state", "amount_untaxed", "amount_total",
            "currency_id");

    private final OdooClient odoo;
    private final ShipmentStore shipments;
    private final BindingStore bindings;
    private final CustomerSync customers;
    private final ChargeCatalog catalog;
    private final OdooDirectory directory;
    private final ObjectMapper mapper;
    private final boolean post;
    private final InvoiceLedger ledger;
    private final InvoiceTerms terms;

    public CustomerInvoicing(OdooClient odoo, ShipmentStore shipments, BindingStore bindings, CustomerSync customers,
            ChargeCatalog catalog, OdooDirectory directory, ObjectMapper mapper, boolean post, InvoiceLedger ledger,
            InvoiceTerms terms) {
        this.odoo = odoo;
        this.shipments = shipments;
        this.bindings = bindings;
        this.customers = customers;
        this.catalog = catalog;
        this.directory = directory;
        this.mapper = mapper;
        this.post = post;
        this.ledger = ledger;
        this.terms = terms;
    }

    /** Returns the id of the shipment's invoice, creating it when neither logisync nor Odoo has one. */
    public long ensureInvoice(JsonNode event) {
        Shipment shipment = shipment(event);
        long partnerId = customers.partnerOf(shipment.customerCode()).orElseThrow(() -> new ParkException(
                ParkReasons.AWAITING_CUSTOMER, "customer:" + shipment.customerCode(), "customer "
                        + shipment.customerCode() + " of load " + shipment.loadRef() + " is not known in Odoo"));
        InvoiceTerms.Terms invoiceTerms = terms.of(shipment.loadRef());
        // Known gap: a contract's DAILY or WEEKLY invoice grouping is stored, but each shipment is invoiced alone.
        Optional<Long> existing = bindings.find(KIND, shipment.loadRef()).map(BindingStore.Binding::odooId)
                .or(() -> findInOdoo(shipment.loadRef(), partnerId, invoiceTerms.context()));
        if (existing.isPresent()) {
            bindings.bind(KIND, shipment.loadRef(), MODEL, existing.get(), null);
            return existing.get();
        }
        long answer = odoo.create(MODEL, List.of(invoiceValues(shipment, partnerId, invoiceTerms)),
                invoiceTerms.context()).get(0);
        bindings.bind(KIND, shipment.loadRef(), MODEL, answer, null);
        ledger.created();
        LOG.debug("Invoice for load {} created in Odoo as account.move {}{}", shipment.loadRef(), answer,
                invoiceTerms.contract() == null ? "" : " under contract " + invoiceTerms.contract().label());
        return answer;
    }

    /** Posts the invoice unless it is posted already or finance reviews drafts; reads the state first. */
    public void ensurePosted(JsonNode event, long invoiceId) {
        if (!post) {
            return;
        }
        OdooContext context = terms.of(shipment(event).loadRef()).context();
        List<OdooRecord> read = odoo.read(MODEL, List.of(invoiceId), List.of("state"), context);
        if (read.isEmpty()) {
            throw new IllegalStateException("account.move " + invoiceId + " is bound but no longer exists in Odoo");
        }
        if ("draft".equals(read.get(0).getString("state"))) {
            odoo.callOnRecords(MODEL, "action_post", List.of(invoiceId), context);
            ledger.posted();
        }
    }

    /** Reads the invoice's number, state and total back from Odoo and records them on the shipment. */
    public void recordOutcome(JsonNode event, long invoiceId) {
        Shipment shipment = shipment(event);
        OdooRecord invoice = odoo.read(MODEL, List.of(invoiceId), OUTCOME_FIELDS,
                terms.of(shipment.loadRef()).context()).get(0);
        BigDecimal total = invoice.getDecimal("amount_total");
        shipments.recordInvoice(shipment.loadRef(), invoiceId, invoice.getString("name"),
                invoice.getString("state"), total);
        String currency = invoice.getMany2one("currency_id") == null ? "" : invoice.getMany2one("currency_id")
                .displayName();
        ledger.record(shipment.loadRef(), invoiceId, invoice.getString("name"), invoice.getString("state"), total,
                currency);
        LOG.info("Invoice {} for load {} is {} in Odoo (account.move {}) on event {}",
                invoice.getString("name") == null ? "(draft)" : invoice.getString("name"), shipment.loadRef(),
                invoice.getString("state"), invoiceId, event.path("id").asText());
    }

    private Shipment shipment(JsonNode event) {
        String loadRef = event.get("data").get("loadRef").asText();
        return shipments.find(loadRef).orElseThrow(() -> new IllegalStateException("load " + loadRef
                + " has no shipment state"));
    }

    private Optional<Long> findInOdoo(String loadRef, long partnerId, OdooContext context) {
        List<OdooRecord> found = odoo.searchRead(MODEL, List.of(List.of("move_type", "=", "out_invoice"),
                List.of("ref", "=", loadRef), List.of("partner_id", "=", partnerId),
                List.of("state", "!=", "cancel")), List.of("id", "state"), 2, "id", context);
        if (found.size() > 1) {
            LOG.warn("Odoo has several invoices for load {}; logisync binds to the oldest, account.move {}",
                    loadRef, found.get(0).id());
        }
        return found.stream().findFirst().map(OdooRecord::id);
    }

    private Map<String, Object> invoiceValues(Shipment shipment, long partnerId, InvoiceTerms.Terms invoiceTerms) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("move_type", "out_invoice");
        values.put("partner_id", partnerId);
        if (invoiceTerms.companyId() != null) {
            values.put("company_id", invoiceTerms.companyId());
        }
        if (invoiceTerms.paymentTermId() != null) {
            values.put("invoice_payment_term_id", invoiceTerms.paymentTermId());
        }
        values.put("ref", shipment.loadRef());
        values.put("invoice_origin", shipment.loadRef());
        if (shipment.currency() != null) {
            values.put("currency_id", directory.currencyId(shipment.currency()).orElseThrow(() ->
                    new IllegalArgumentException("data.currency: Odoo has no currency " + shipment.currency())));
        }
        List<Object> lines = new ArrayList<>();
        for (JsonNode node : readCharges(shipment)) {
            Charge charge = Charge.from(node);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("product_id", catalog.productId(charge.chargeCode()));
            String label = charge.description() != null ? charge.description()
                    : charge.chargeCode() + " - load " + shipment.loadRef();
            // one unit at the line total: the label keeps what the customer was rated on
            line.put("name", charge.isBilledAsOneUnit() ? label + " (" + charge.quantity().toPlainString()
                    + (charge.rate() != null ? " x " + charge.rate().toPlainString() : "") + ")" : label);
            line.put("quantity", charge.billedQuantity());
            line.put("price_unit", charge.unitPrice());
            lines.add(List.of(0, 0, line));
        }
        values.put("invoice_line_ids", lines);
        return values;
    }

    private JsonNode readCharges(Shipment shipment) {
        try {
            return mapper.readTree(shipment.charges());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("charges of load " + shipment.loadRef() + " cannot be read", e);
        }
    }
}
