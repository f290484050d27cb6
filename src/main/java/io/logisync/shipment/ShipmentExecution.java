package io.logisync.shipment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.accessorial.Accessorials;
import io.logisync.contract.AccessorialRule;
import io.logisync.contract.ContractRating;
import io.logisync.contract.ContractVersion;
import io.logisync.contract.ShipmentContracts;
import io.logisync.flow.EventHeaders;
import io.logisync.flow.Times;
import io.logisync.invoicing.BillLine;
import io.logisync.invoicing.BillingStore;
import io.logisync.invoicing.BillingStore.ShipmentBilling;
import io.logisync.invoicing.FuelSurcharge;
import io.logisync.invoicing.PodAttachments;
import io.logisync.masterdata.CustomerSync;
import io.logisync.masterdata.OdooDirectory;
import io.logisync.odoo.OdooException;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;
import io.logisync.store.ShipmentStore;
import io.logisync.store.ShipmentStore.Milestone;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies shipment events to the shipment's state: what it is billed for, its milestones, POD and cancellation. */
public class ShipmentExecution {

    /** Property: the keys parked events may wait for that this event satisfies. */
    public static final String ARRIVED_KEYS = "LogisyncArrivedKeys";
    private static final Logger LOG = LoggerFactory.getLogger(ShipmentExecution.class);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String TONU = "TONU";

    private final ShipmentStore store;
    private final CustomerSync customers;
    private final ChargeCatalog catalog;
    private final ContractRating rating;
    private final ShipmentContracts shipmentContracts;
    private final BillingStore billing;
    private final FuelSurcharge fuel;
    private final OdooDirectory directory;
    private final PodAttachments pods;
    private final InvoiceTerms terms;
    private final MeterRegistry meters;

    public ShipmentExecution(ShipmentStore store, CustomerSync customers, ChargeCatalog catalog, ContractRating rating,
            ShipmentContracts shipmentContracts, BillingStore billing, FuelSurcharge fuel, OdooDirectory directory,
            PodAttachments pods, InvoiceTerms terms, MeterRegistry meters) {
        this.meters = meters;
        this.store = store;
        this.customers = customers;
        this.catalog = catalog;
        this.rating = rating;
        this.shipmentContracts = shipmentContracts;
        this.billing = billing;
        this.fuel = fuel;
        this.directory = directory;
        this.pods = pods;
        this.terms = terms;
    }

    /**
     * Records what the customer is billed for, once the customer is known and every charge can be billed: a charge
     * without rate or amount is rated by the contract version in force at the pickup date, and the contract's fuel
     * table adds a surcharge. A load sent again after it was billed has its invoice adjusted. An event older than
     * the facts the load is billed on already is kept as history and changes nothing.
     */
    public void created(JsonNode event, Exchange exchange) {
        String loadRef = event.get("data").get("loadRef").asText();
        exchange.setProperty(ARRIVED_KEYS, List.of(Accessorials.SHIPMENT_KEY + loadRef));
        if (superseded(event, billing.shipment(loadRef), exchange)) {
            return;
        }
        apply(event, null, eventTime(event));
    }

    /**
     * Applies shipment.updated: its charges replace the list, its stops and customer reference those it names. An
     * update older than the facts the load is billed on already is kept as history and changes nothing.
     */
    public void updated(JsonNode event, Exchange exchange) {
        JsonNode data = event.get("data");
        String loadRef = data.get("loadRef").asText();
        ShipmentBilling known = billing.shipment(loadRef).filter(s -> s.shipmentData() != null)
                // Known gap: a shipment recorded before logisync kept its rating data cannot take an update.
                .orElseThrow(() -> new ParkException(ParkReasons.AWAITING_SHIPMENT, Accessorials.SHIPMENT_KEY
                        + loadRef, "shipment.updated names load " + loadRef + ", whose shipment.created has not been"
                        + " applied yet"));
        if (known.isCancelled()) {
            throw new IllegalArgumentException("data.loadRef: load " + loadRef + " was cancelled ("
                    + known.cancelReason() + "); shipment.updated cannot change it");
        }
        if (superseded(event, Optional.of(known), exchange)) {
            return;
        }
        ObjectNode merged = (ObjectNode) readTree(known.shipmentData());
        for (String field : List.of("charges", "stops", "customerReference")) {
            if (data.has(field)) {
                merged.set(field, data.get(field));
            }
        }
        ObjectNode rerated = MAPPER.createObjectNode();
        rerated.put("id", event.get("id").asText());
        // rated as of the shipment's own time; the update's time says how recent its facts are
        rerated.put("time", known.eventTime());
        rerated.set("data", merged);
        apply(rerated, data.get("reason").asText(), eventTime(event));
        LOG.debug("Load {} updated ({})", loadRef, data.get("reason").asText());
    }

    /**
     * Applies shipment.cancelled: the load's charges are no longer billed; when the carrier had been dispatched and
     * the contract prices a truck order not used, that charge is billed instead.
     */
    public void cancelled(JsonNode event) {
        JsonNode data = event.get("data");
        String loadRef = data.get("loadRef").asText();
        if (store.find(loadRef).filter(ShipmentStore.Shipment::isCreated).isEmpty()) {
            throw new ParkException(ParkReasons.AWAITING_SHIPMENT, Accessorials.SHIPMENT_KEY + loadRef,
                    "shipment.cancelled names load " + loadRef + ", whose shipment.created has not been applied yet");
        }
        String reason = data.get("reason").asText();
        boolean dispatched = data.path("truckOrderNotUsed").asBoolean(false);
        BillLine tonu = null;
        if (dispatched) {
            Optional<AccessorialRule> rule = Optional.ofNullable(terms.of(loadRef).contract())
                    .flatMap(c -> c.accessorialRule(TONU)).filter(r -> r.flatAmount() != null);
            if (rule.isPresent()) {
                catalog.requireMapped(List.of(TONU));
                BigDecimal amount = rule.get().capAmount() != null
                        ? rule.get().flatAmount().min(rule.get().capAmount()) : rule.get().flatAmount();
                tonu = BillLine.oneUnit(BillLine.TONU_KEY, loadRef, TONU, "Truck order not used (cancelled: "
                        + reason + ") - load " + loadRef, amount);
            }
        }
        billing.recordCancelled(loadRef, Times.parseInstant("time", event.get("time").asText()), reason, dispatched,
                tonu);
        LOG.debug("Load {} cancelled{}", loadRef, tonu != null ? "; truck order not used is billed"
                : dispatched ? "; its contract prices no truck order not used" : "");
    }

    /**
     * True when the event happened before the facts the load is billed on (the time of the shipment.created or
     * shipment.updated applied last): the charges of the newer event stand, whatever order the two arrived in. The
     * older event is kept in {@code superseded_event}, counted and logged; a replayed parked row is settled as
     * SUPERSEDED. An event of the same time as the applied facts is applied, as the later word.
     */
    // Known gap: an older event parked for another reason stays PARKED until it is replayed, then is settled.
    // Known gap: the sender's answer for a superseded event says applied; the row, log and meter say superseded.
    private boolean superseded(JsonNode event, Optional<ShipmentBilling> known, Exchange exchange) {
        Optional<Instant> factsAt = known.filter(b -> b.shipmentData() != null).map(b -> b.factsAt() != null
                ? b.factsAt() : Times.parseInstant("time", b.eventTime()));
        Instant at = eventTime(event);
        if (factsAt.isEmpty() || !at.isBefore(factsAt.get())) {
            return false;
        }
        String loadRef = event.get("data").get("loadRef").asText();
        String type = event.path("type").asText();
        String factsEvent = known.get().factsEventId();
        String why = "superseded: load " + loadRef + " is billed on facts of " + factsAt.get()
                + (factsEvent != null ? " (event " + factsEvent + ")" : "") + "; this " + type + " of " + at
                + " is older and was kept as history, not applied";
        billing.recordSuperseded(loadRef, event.path("id").asText(), event.path("source").asText(null), type, at,
                factsAt.get(), factsEvent, event.toString());
        Counter.builder("logisync.shipment.superseded.events")
                .description("Shipment events older than the facts already applied for their load, not applied")
                .tag("type", type.startsWith("logistics.shipment.") ? type : "other").register(meters).increment();
        exchange.setProperty(EventHeaders.SUPERSEDED, why);
        LOG.info("Event {} of load {} superseded: its time {} is older than the facts applied ({}{}); not applied",
                event.path("id").asText(), loadRef, at, factsAt.get(), factsEvent != null ? ", event " + factsEvent
                        : "");
        return true;
    }

    private static Instant eventTime(JsonNode event) {
        return Times.parseInstant("time", event.get("time").asText());
    }

    private void apply(JsonNode event, String changeReason, Instant factsAt) {
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
        String currency = rated.contractVersion().map(ContractVersion::currency).orElse(text(data, "currency"));
        if (currency != null && !currencyUsable(currency, loadRef)) {
            throw new IllegalArgumentException("data.currency: Odoo has no active currency " + currency
                    + ", so load " + loadRef + " cannot be invoiced in it");
        }
        Optional<BillLine> surcharge = fuel.of(loadRef, rated.contract(), rated.pickupDate(), rated.charges());
        if (surcharge.isPresent()) {
            catalog.requireMapped(List.of(FuelSurcharge.FUEL_CHARGE));
        }
        store.recordCreated(loadRef, customerCode, currency, text(data, "customerReference"),
                rated.charges().toString(), event.get("id").asText());
        shipmentContracts.assign(loadRef, rated.contract(), rated.pickupDate());
        billing.recordRated(loadRef, data.toString(), event.get("time").asText(), surcharge.orElse(null),
                changeReason, factsAt, event.get("id").asText());
        LOG.debug("Load {} recorded for customer {} with {} charge(s){}{}", loadRef, customerCode, codes.size(),
                rated.contractVersion().map(c -> ", under contract " + c.label()).orElse(""),
                surcharge.isPresent() ? " and a fuel surcharge" : "");
    }

    /**
     * False when Odoo says it has no such active currency. While Odoo cannot be reached, the shipment is recorded
     * anyway, as its other facts need no Odoo: its invoice checks the currency again before it is created.
     */
    private boolean currencyUsable(String currency, String loadRef) {
        try {
            return directory.currencyId(currency).isPresent();
        } catch (OdooException e) {
            if (!e.isRetryable()) {
                throw e;
            }
            LOG.debug("Currency {} of load {} not checked now, Odoo unavailable; its invoice checks it", currency,
                    loadRef);
            return true;
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored shipment data cannot be read", e);
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

    /** Records the proof of delivery and its documents, which go onto the customer invoice as attachments. */
    public void pod(JsonNode event) {
        JsonNode data = event.get("data");
        String loadRef = data.get("loadRef").asText();
        store.recordPod(loadRef, Times.parseInstant("data.signedAt", data.get("signedAt").asText()),
                event.get("id").asText());
        for (JsonNode document : data.path("documents")) {
            pods.record(loadRef, document.get("fileName").asText(), document.get("mimeType").asText(),
                    text(document, "url"), text(document, "contentBase64"));
        }
        billing.recordPodEvent(loadRef, event.toString());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
