package io.logisync.accessorial;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.accessorial.Accessorial.Status;
import io.logisync.accessorial.AccessorialRating.Proposal;
import io.logisync.accessorial.AccessorialRating.Rated;
import io.logisync.accessorial.AccessorialStore.Decision;
import io.logisync.contract.ContractVersion;
import io.logisync.contract.Contracts;
import io.logisync.contract.ShipmentContracts;
import io.logisync.flow.Times;
import io.logisync.ingress.ApiKeys;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;
import io.logisync.shipment.ChargeCatalog;
import io.logisync.store.ShipmentStore;
import io.logisync.store.ShipmentStore.Shipment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies accessorial events: a proposal is rated by the shipment's contract and approved on its own when the
 * contract lets it (under its auto-approval threshold, nothing flagged); approvals and rejections record who decided
 * and when. A decision may be changed: what was billed follows, as a supplemental invoice or a credit note.
 */
public class Accessorials {

    /** Property: the keys parked events may wait for that this event satisfies. */
    public static final String ARRIVED_KEYS = "LogisyncArrivedKeys";
    /** Who approves what the contract lets through on its own. */
    public static final String AUTO_APPROVER = "logisync (contract auto-approval)";
    /** What a decision that arrives before its proposal waits for. */
    public static final String ACCESSORIAL_KEY = "accessorial:";
    /** What an overdue pending accessorial's parked row waits for. */
    public static final String DECISION_KEY = "decision:";
    /** What an event for a load whose shipment.created has not arrived waits for. */
    public static final String SHIPMENT_KEY = "shipment:";

    private static final Logger LOG = LoggerFactory.getLogger(Accessorials.class);

    private final AccessorialStore store;
    private final AccessorialRating rating;
    private final ShipmentStore shipments;
    private final ShipmentContracts shipmentContracts;
    private final Contracts contracts;
    private final ChargeCatalog catalog;

    public Accessorials(AccessorialStore store, AccessorialRating rating, ShipmentStore shipments,
            ShipmentContracts shipmentContracts, Contracts contracts, ChargeCatalog catalog) {
        this.store = store;
        this.rating = rating;
        this.shipments = shipments;
        this.shipmentContracts = shipmentContracts;
        this.contracts = contracts;
        this.catalog = catalog;
    }

    /** Applies accessorial.proposed: rates it and records it pending, or approved when it approves itself. */
    public void proposed(JsonNode event, Exchange exchange) {
        JsonNode data = event.get("data");
        String id = data.get("accessorialId").asText();
        String loadRef = data.get("loadRef").asText();
        String code = data.get("code").asText();
        exchange.setProperty(ARRIVED_KEYS, List.of(ACCESSORIAL_KEY + id));
        Shipment shipment = requireShipment(loadRef, "accessorial " + id);
        Optional<Accessorial> known = store.find(id);
        if (known.isPresent() && !known.get().loadRef().equals(loadRef)) {
            throw new IllegalArgumentException("data.accessorialId: " + id + " belongs to load "
                    + known.get().loadRef() + ", not " + loadRef);
        }
        String hash = ApiKeys.sha256(data.toString());
        if (known.isPresent() && known.get().contentHash().equals(hash)) {
            LOG.debug("Accessorial {} of load {} proposed again unchanged", id, loadRef);
            return;
        }
        catalog.requireMapped(List.of(code));
        String currency = text(data, "currency");
        if (currency != null && shipment.currency() != null && !currency.equals(shipment.currency())) {
            throw new IllegalArgumentException("data.currency: accessorial " + id + " is in " + currency + " but load "
                    + loadRef + " is billed in " + shipment.currency());
        }
        ContractVersion contract = contractOf(loadRef);
        Proposal proposal = new Proposal(id, loadRef, code, data.hasNonNull("stopSequence")
                ? data.get("stopSequence").asInt() : null, time(data, "arrivedAt"), time(data, "departedAt"),
                decimal(data, "quantity"), decimal(data, "amount"));
        Rated rated = rating.rate(proposal, contract);
        Instant at = Times.parseInstant("time", event.get("time").asText());
        boolean approved = rated.approvesItself();
        Accessorial accessorial = new Accessorial(id, loadRef, code, proposal.stopSequence(), proposal.arrivedAt(),
                proposal.departedAt(), proposal.quantity(), proposal.amount(), rated.ratedAmount(), rated.amount(),
                rated.quantity(), rated.unitPrice(), rated.label(), rated.explanation(), rated.flag(),
                currency != null ? currency : shipment.currency(), approved ? Status.APPROVED : Status.PENDING,
                approved ? AUTO_APPROVER : null, approved ? at : null,
                approved ? "at or under " + rated.autoApproveUpTo().toPlainString() + " under contract "
                        + contract.label() : null, approved ? event.get("source").asText() : null, hash,
                event.get("id").asText(), event.get("source").asText(), event.toString(), at);
        store.save(accessorial);
        if (approved) {
            store.record(new Decision(id, Status.APPROVED, rated.amount(), AUTO_APPROVER, at,
                    accessorial.decisionReason(), event.get("source").asText(), event.get("id").asText()));
        }
        LOG.info("Accessorial {} ({}) of load {} {}{}", id, code, loadRef, known.isPresent() ? "proposed again, "
                : "proposed, ", approved ? "approved on its own under contract " + contract.label()
                : "waits for approval" + (rated.flag() != null ? " (flagged)" : ""));
    }

    /** Applies accessorial.approved, from dispatch or from logisync's approval API. */
    public void approved(JsonNode event, Exchange exchange) {
        JsonNode data = event.get("data");
        Accessorial accessorial = requireProposed(data);
        BigDecimal amount = decimal(data, "amount");
        decide(event, exchange, accessorial, Status.APPROVED, amount == null ? null
                : amount.setScale(2, RoundingMode.HALF_UP), text(data, "reason"));
    }

    /** Applies accessorial.rejected: the accessorial is not billed, or credited if it was. */
    public void rejected(JsonNode event, Exchange exchange) {
        JsonNode data = event.get("data");
        Accessorial accessorial = requireProposed(data);
        decide(event, exchange, accessorial, Status.REJECTED, null, data.get("reason").asText());
    }

    private void decide(JsonNode event, Exchange exchange, Accessorial accessorial, Status decision,
            BigDecimal amount, String reason) {
        String decidedBy = event.get("data").get("decidedBy").asText();
        Instant at = Times.parseInstant("time", event.get("time").asText());
        exchange.setProperty(ARRIVED_KEYS, List.of(DECISION_KEY + accessorial.accessorialId()));
        BigDecimal billed = amount != null ? amount : accessorial.ratedAmount() != null ? accessorial.ratedAmount()
                : accessorial.proposedAmount();
        boolean sameAmount = billed == null || billed.compareTo(accessorial.amount()) == 0;
        if (accessorial.status() == decision && (decision == Status.REJECTED || sameAmount)) {
            LOG.debug("Accessorial {} of load {} is {} already; nothing changed", accessorial.accessorialId(),
                    accessorial.loadRef(), decision);
            return;
        }
        boolean override = decision == Status.APPROVED && !sameAmount;
        Accessorial decided = new Accessorial(accessorial.accessorialId(), accessorial.loadRef(), accessorial.code(),
                accessorial.stopSequence(), accessorial.arrivedAt(), accessorial.departedAt(),
                accessorial.quantity(), accessorial.proposedAmount(), accessorial.ratedAmount(),
                override ? billed : accessorial.amount(),
                override ? BigDecimal.ONE : accessorial.billedQuantity(),
                override ? billed : accessorial.unitPrice(),
                override ? accessorial.ratedLabel() + Accessorial.APPROVED_AMOUNT : decision == Status.REJECTED
                        ? accessorial.ratedLabel() : accessorial.label(), accessorial.rating(),
                accessorial.flag(), accessorial.currency(), decision, decidedBy, at, reason,
                event.get("source").asText(), accessorial.contentHash(), accessorial.eventId(),
                accessorial.source(), accessorial.eventJson(), accessorial.proposedAt());
        store.decide(decided, new Decision(accessorial.accessorialId(), decision, decision == Status.APPROVED
                ? decided.amount() : null, decidedBy, at, reason, event.get("source").asText(),
                event.get("id").asText()));
        LOG.info("Accessorial {} ({}) of load {} {} by {}", accessorial.accessorialId(), accessorial.code(),
                accessorial.loadRef(), decision == Status.APPROVED ? "approved" : "rejected", decidedBy);
    }

    private Accessorial requireProposed(JsonNode data) {
        String id = data.get("accessorialId").asText();
        String loadRef = data.get("loadRef").asText();
        Accessorial accessorial = store.find(id).orElseThrow(() -> new ParkException(
                ParkReasons.AWAITING_ACCESSORIAL, ACCESSORIAL_KEY + id, "accessorial " + id + " of load " + loadRef
                        + " has not been proposed yet (accessorial.proposed)"));
        if (!accessorial.loadRef().equals(loadRef)) {
            throw new IllegalArgumentException("data.loadRef: accessorial " + id + " belongs to load "
                    + accessorial.loadRef() + ", not " + loadRef);
        }
        return accessorial;
    }

    private Shipment requireShipment(String loadRef, String what) {
        return shipments.find(loadRef).filter(Shipment::isCreated).orElseThrow(() -> new ParkException(
                ParkReasons.AWAITING_SHIPMENT, SHIPMENT_KEY + loadRef, what + " names load " + loadRef
                        + ", whose shipment.created has not been applied yet"));
    }

    private ContractVersion contractOf(String loadRef) {
        return shipmentContracts.find(loadRef).flatMap(a -> contracts.version(a.contractCode(), a.version()))
                .orElse(null);
    }

    private static Instant time(JsonNode data, String field) {
        return data.hasNonNull(field) ? Times.parseInstant("data." + field, data.get(field).asText()) : null;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
