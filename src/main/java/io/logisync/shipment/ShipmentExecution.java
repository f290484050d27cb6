package io.logisync.shipment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.contract.ContractRating;
import io.logisync.contract.ShipmentContracts;
import io.logisync.flow.Times;
import io.logisync.masterdata.CustomerSync;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;
import io.logisync.store.ShipmentStore;
import io.logisync.store.ShipmentStore.Milestone;
import io.logisync.store.ShipmentStore.Shipment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies shipment events to the shipment's state and tells when a shipment is ready to invoice. */
public class ShipmentExecution {

    private static final Logger LOG = LoggerFactory.getLogger(ShipmentExecution.class);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final ShipmentStore store;
    private final CustomerSync customers;
    private final ChargeCatalog catalog;
    private final ContractRating rating;
    private final ShipmentContracts shipmentContracts;

    public ShipmentExecution(ShipmentStore store, CustomerSync customers, ChargeCatalog catalog, ContractRating rating,
            ShipmentContracts shipmentContracts) {
        this.store = store;
        this.customers = customers;
        this.catalog = catalog;
        this.rating = rating;
        this.shipmentContracts = shipmentContracts;
    }

    /**
     * Records what the customer is billed for, once the customer is known and every charge can be billed: a charge
     * without rate or amount is rated by the contract version in force at the pickup date.
     */
    public void created(JsonNode event) {
        JsonNode data = event.get("data");
        String loadRef = data.get("loadRef").asText();
        String customerCode = data.get("customerCode").asText();
        if (customers.partnerOf(customerCode).isEmpty()) {
            throw new ParkException(ParkReasons.AWAITING_CUSTOMER, "customer:" + customerCode,
                    "customer " + customerCode + " of load " + loadRef + " is not known in Odoo yet");
        }
        ContractRating.Rated rated = rating.rate(event);
        List<String> codes = new ArrayList<>();
        for (JsonNode node : rated.charges()) {
            codes.add(Charge.from(node).chargeCode());
        }
        catalog.requireMapped(codes);
        refuseChangeAfterInvoicing(loadRef, rated.charges());
        String currency = rated.contractVersion().map(c -> c.currency()).orElse(text(data, "currency"));
        store.recordCreated(loadRef, customerCode, currency, text(data, "customerReference"),
                rated.charges().toString(), event.get("id").asText());
        shipmentContracts.assign(loadRef, rated.contract(), rated.pickupDate());
        LOG.debug("Load {} recorded for customer {} with {} charge(s){}", loadRef, customerCode, codes.size(),
                rated.contractVersion().map(c -> ", under contract " + c.label()).orElse(""));
    }

    /** A posted invoice is never edited: new charges for an invoiced load are parked for a person to decide. */
    private void refuseChangeAfterInvoicing(String loadRef, JsonNode charges) {
        Optional<Shipment> known = store.find(loadRef).filter(s -> s.invoiceId() != null);
        if (known.isEmpty() || readTree(known.get().charges()).equals(charges)) {
            return;
        }
        // Known gap: supplemental invoices and credit notes for charges changed after invoicing are not built yet.
        throw new ParkException(ParkReasons.CHANGED_AFTER_INVOICING, null, "load " + loadRef + " was invoiced as "
                + (known.get().invoiceNumber() == null ? "a draft" : known.get().invoiceNumber()) + " (account.move "
                + known.get().invoiceId() + "); its charges changed afterwards and need a supplemental invoice"
                + " or a credit note");
    }

    private static JsonNode readTree(String json) {
        try {
            return json == null ? null : MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored charges cannot be read", e);
        }
    }

    public void milestone(JsonNode event) {
        JsonNode data = event.get("data");
        String loadRef = data.get("loadRef").asText();
        Milestone milestone = new Milestone(data.get("code").asText(),
                Times.parseInstant("data.occurredAt", data.get("occurredAt").asText()),
                data.hasNonNull("stopSequence") ? data.get("stopSequence").asInt() : null, text(data, "sourceCode"));
        store.recordMilestone(loadRef, milestone, event.get("id").asText());
        LOG.debug("Load {} milestone {} at {}", loadRef, milestone.code(), milestone.occurredAt());
    }

    public void pod(JsonNode event) {
        JsonNode data = event.get("data");
        store.recordPod(data.get("loadRef").asText(),
                Times.parseInstant("data.signedAt", data.get("signedAt").asText()), event.get("id").asText());
    }

    /** True when the shipment is delivered, has its proof of delivery, and has no posted invoice yet. */
    public boolean readyToInvoice(JsonNode event) {
        String loadRef = event.get("data").get("loadRef").asText();
        return store.find(loadRef).map(ShipmentExecution::isReady).orElse(false);
    }

    static boolean isReady(Shipment shipment) {
        return shipment.isCreated() && shipment.hasPod() && shipment.deliveredAt().isPresent()
                && !"posted".equals(shipment.invoiceState());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
