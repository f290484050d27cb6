package io.logisync.invoicing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.accessorial.Accessorial;
import io.logisync.accessorial.AccessorialStore;
import io.logisync.flow.EventHeaders;
import io.logisync.ingress.EventIntake;
import io.logisync.ingress.IncomingEvent;
import io.logisync.invoicing.BillingDocument.Kind;
import io.logisync.security.ApiAnswers;
import io.logisync.security.ApiRequestException;
import io.logisync.security.Authenticator;
import io.logisync.security.Principal;
import io.logisync.security.Redaction;
import io.logisync.store.ShipmentStore;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approvers' HTTP API: an approver's decision on an accessorial, applied as the {@code accessorial.approved} or
 * {@code accessorial.rejected} event dispatch would send (so it is ordered, parked and replayed like one); finance's
 * approval of a load's invoice; and what a load's invoice still waits for.
 */
public class ApprovalApi {

    /** The source of the decisions made through this API. */
    public static final String SOURCE = "logisync/approval-api";

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalApi.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final AccessorialStore accessorials;
    private final EventIntake intake;
    private final InvoiceRelease release;
    private final BillingStore billing;
    private final ShipmentStore shipments;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ApprovalApi(AccessorialStore accessorials, EventIntake intake, InvoiceRelease release,
            BillingStore billing, ShipmentStore shipments, ObjectMapper mapper, Clock clock) {
        this.accessorials = accessorials;
        this.intake = intake;
        this.release = release;
        this.billing = billing;
        this.shipments = shipments;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * {@code POST /api/v1/accessorials/{id}/approve} and {@code /reject}: the approver's decision, with its
     * {@code reason} (and, to approve another amount than the rating, {@code amount}), as an event to apply.
     */
    public List<IncomingEvent> decide(String decision, Exchange exchange) {
        Principal approver = Authenticator.principalOf(exchange);
        String id = exchange.getMessage().getHeader("id", String.class);
        Accessorial accessorial = accessorials.find(id).orElseThrow(() -> new ApiRequestException(404,
                "no accessorial has id " + id));
        JsonNode body = read(exchange);
        boolean approve = "approved".equals(decision);
        if (!approve && body.has("amount")) {
            throw new ApiRequestException(400, "$.amount: a rejection bills nothing, so it takes no amount");
        }
        if (approve) {
            ApiAnswers.requireOnlyKeys(body, "reason", "amount");
        } else {
            ApiAnswers.requireOnlyKeys(body, "reason");
        }
        String reason = body.path("reason").isTextual() ? body.get("reason").asText().strip() : "";
        if (reason.isEmpty()) {
            throw new ApiRequestException(400, "$.reason: say why accessorial " + id + " is "
                    + (approve ? "approved" : "rejected") + " (rule: required)");
        }
        ObjectNode event = mapper.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", "decision-" + UUID.randomUUID());
        event.put("source", SOURCE);
        event.put("type", "logistics.accessorial." + decision + ".v1");
        event.put("subject", accessorial.loadRef());
        event.put("time", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(TIME));
        ObjectNode data = event.putObject("data");
        data.put("accessorialId", id);
        data.put("loadRef", accessorial.loadRef());
        data.put("decidedBy", approver.name());
        data.put("reason", reason);
        if (body.has("amount")) {
            data.set("amount", body.get("amount"));
        }
        List<IncomingEvent> answer = intake.check(List.of(event));
        if (answer.get(0).isRejected()) {
            throw new ApiRequestException(400, String.join("; ", answer.get(0).getErrors()));
        }
        return answer;
    }

    /** Answers a decision: 200 with the accessorial as it now stands, or 202 when it was parked or queued. */
    public String answerDecision(List<IncomingEvent> events, Exchange exchange) throws JsonProcessingException {
        IncomingEvent event = events.get(0);
        String id = event.getEvent().get("data").get("accessorialId").asText();
        ObjectNode answer = accessorialView(accessorials.find(id).orElseThrow());
        answer.put("eventId", event.getId());
        answer.put("outcome", event.getOutcome());
        if (event.getReason() != null) {
            answer.put("reason", event.getReason());
        }
        LOG.info("Decision on accessorial {} by {} through the approval API: {}", id,
                Authenticator.principalOf(exchange).name(), event.getOutcome());
        return json(exchange, "applied".equals(event.getOutcome()) ? 200 : 202, answer);
    }

    /**
     * {@code POST /api/v1/releases/{loadRef}/approve}: finance approves the load's invoice, saying why in
     * {@code reason}; leaves in {@code LogisyncWaitingFor} the key of the events parked for that approval. With
     * finance approval switched off there is nothing to approve: 409.
     */
    public String approveRelease(Exchange exchange) throws JsonProcessingException {
        Principal approver = Authenticator.principalOf(exchange);
        String loadRef = requireLoad(exchange);
        if (!release.requiresFinanceApproval()) {
            throw new ApiRequestException(409, "finance approval is not required: invoices are released without it"
                    + " (logisync.release.require-finance-approval is false), so load " + loadRef
                    + " needs no approval");
        }
        JsonNode body = read(exchange);
        ApiAnswers.requireOnlyKeys(body, "reason");
        String reason = body.path("reason").isTextual() ? body.get("reason").asText().strip() : "";
        if (reason.isEmpty()) {
            throw new ApiRequestException(400, "$.reason: say why the invoice of load " + loadRef
                    + " is approved (rule: required)");
        }
        boolean first = release.approveByFinance(loadRef, approver.name(), clock.instant(), reason);
        BillingStore.ShipmentBilling state = billing.shipment(loadRef).orElseThrow();
        exchange.getMessage().setHeader(EventHeaders.WAITING_FOR, InvoiceRelease.FINANCE_KEY + loadRef);
        ObjectNode answer = mapper.createObjectNode();
        answer.put("loadRef", loadRef).put("approvedBy", state.financeApprovedBy())
                .put("approvedAt", state.financeApprovedAt().toString()).put("reason", state.financeApprovalReason())
                .put("alreadyApproved", !first);
        return json(exchange, 200, answer);
    }

    /** {@code GET /api/v1/releases/{loadRef}}: what the load's invoice waits for, its accessorials and documents. */
    public String showRelease(Exchange exchange) throws JsonProcessingException {
        String loadRef = requireLoad(exchange);
        ReleaseRules.Release status = release.check(loadRef);
        ObjectNode answer = mapper.createObjectNode();
        answer.put("loadRef", loadRef);
        answer.put("released", status.released());
        ArrayNode waiting = answer.putArray("waitingFor");
        status.waitingFor().forEach(waiting::add);
        ArrayNode list = answer.putArray("accessorials");
        accessorials.ofLoad(loadRef).forEach(a -> list.add(accessorialView(a)));
        ArrayNode documents = answer.putArray("documents");
        List<BillingDocument> all = new ArrayList<>();
        billing.originalOf(loadRef).ifPresent(all::add);
        all.addAll(billing.documentsOf(loadRef, Kind.SUPPLEMENT));
        all.addAll(billing.documentsOf(loadRef, Kind.CREDIT_NOTE));
        for (BillingDocument document : all) {
            ObjectNode item = documents.addObject();
            item.put("ref", document.docRef()).put("kind", document.kind().name()).put("number", document.number())
                    .put("state", document.state()).put("odooId", document.odooId());
            if (document.total() != null) {
                item.put("total", document.total());
            }
        }
        return json(exchange, 200, answer);
    }

    /** Answers a refused request with its status and a message naming what is wrong. */
    public String refuse(Exchange exchange) throws JsonProcessingException {
        return ApiAnswers.refusal(mapper, exchange, LOG, "the request failed inside logisync; nothing was decided");
    }

    private ObjectNode accessorialView(Accessorial a) {
        ObjectNode item = mapper.createObjectNode();
        item.put("accessorialId", a.accessorialId()).put("loadRef", a.loadRef()).put("code", a.code())
                .put("status", a.status().name()).put("amount", a.amount());
        if (a.ratedAmount() != null) {
            item.put("ratedAmount", a.ratedAmount());
        }
        item.put("rating", a.rating()).put("flag", a.flag()).put("decidedBy", a.decidedBy())
                .put("decidedAt", a.decidedAt() == null ? null : a.decidedAt().toString())
                .put("decisionReason", a.decisionReason());
        return item;
    }

    private String requireLoad(Exchange exchange) {
        String loadRef = exchange.getMessage().getHeader("loadRef", String.class);
        if (shipments.find(loadRef).filter(ShipmentStore.Shipment::isCreated).isEmpty()) {
            throw new ApiRequestException(404, "no shipment has load reference " + loadRef);
        }
        return loadRef;
    }

    private JsonNode read(Exchange exchange) {
        return ApiAnswers.readObject(mapper, exchange);
    }

    private String json(Exchange exchange, int status, JsonNode body) throws JsonProcessingException {
        return ApiAnswers.json(mapper, exchange, status, body);
    }
}
