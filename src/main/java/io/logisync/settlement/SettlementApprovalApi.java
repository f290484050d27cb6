package io.logisync.settlement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.flow.EventHeaders;
import io.logisync.security.ApiAnswers;
import io.logisync.security.ApiRequestException;
import io.logisync.security.Authenticator;
import io.logisync.security.Principal;
import io.logisync.settlement.VendorBillStore.Bill;
import io.logisync.settlement.VendorBillStore.Status;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approvers' side of settlements: a carrier's bill outside the tolerance (or without an assignment) is approved,
 * and then made, or rejected, and then never made; who decided, when and why is kept with the bill.
 */
public class SettlementApprovalApi {

    private static final Logger LOG = LoggerFactory.getLogger(SettlementApprovalApi.class);

    private final VendorBillStore store;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SettlementApprovalApi(VendorBillStore store, ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * {@code POST /api/v1/carrier-invoices/{carrierCode}/{invoiceNumber}/approve} or {@code /reject} with a
     * {@code reason}; leaves in {@code LogisyncWaitingFor} the key of the bill's parked events, to replay them.
     */
    public String decide(String decision, Exchange exchange) throws JsonProcessingException {
        Principal approver = Authenticator.principalOf(exchange);
        Bill bill = require(exchange);
        boolean approve = "approve".equals(decision);
        JsonNode body = read(exchange);
        ApiAnswers.requireOnlyKeys(body, "reason");
        String reason = body.path("reason").isTextual() ? body.get("reason").asText().strip() : "";
        if (reason.isEmpty()) {
            throw new ApiRequestException(400, "$.reason: say why carrier invoice " + bill.vendorRef() + " of "
                    + bill.carrierCode() + " is " + (approve ? "approved" : "rejected") + " (rule: required)");
        }
        boolean decided = store.decide(bill.billKey(), approve, approver.name(), clock.instant(), reason);
        Bill now = store.find(bill.billKey()).orElseThrow();
        if (!decided && now.status() != (approve ? Status.APPROVED : Status.REJECTED)
                && !(approve && now.status() == Status.CREATED && now.decidedBy() != null)) {
            throw new ApiRequestException(409, "carrier invoice " + bill.vendorRef() + " of " + bill.carrierCode()
                    + " does not wait for approval: it is " + now.status()
                    + (now.decidedBy() == null ? "" : ", decided by " + now.decidedBy()));
        }
        exchange.getMessage().setHeader(EventHeaders.WAITING_FOR, VendorBills.APPROVAL_KEY + bill.billKey());
        LOG.info("Carrier invoice {} of {} {} by {} through the approval API", bill.vendorRef(), bill.carrierCode(),
                approve ? "approved" : "rejected", approver.name());
        ObjectNode answer = view(now);
        answer.put("alreadyDecided", !decided);
        return json(exchange, 200, answer);
    }

    /** {@code GET /api/v1/carrier-invoices/{carrierCode}/{invoiceNumber}}: the bill, its lines and how it matched. */
    public String show(Exchange exchange) throws JsonProcessingException {
        Bill bill = require(exchange);
        ObjectNode answer = view(bill);
        ArrayNode lines = answer.putArray("lines");
        store.lines(bill.billKey()).forEach(l -> lines.addObject().put("loadRef", l.loadRef())
                .put("chargeCode", l.chargeCode()).put("label", l.label()).put("amount", l.amount()));
        return json(exchange, 200, answer);
    }

    /** {@code GET /api/v1/carrier-invoices?status=AWAITING_APPROVAL} (the default): the bills with that status. */
    public String list(Exchange exchange) throws JsonProcessingException {
        String wanted = exchange.getMessage().getHeader("status", "AWAITING_APPROVAL", String.class);
        Status status;
        try {
            status = Status.valueOf(wanted);
        } catch (IllegalArgumentException e) {
            throw new ApiRequestException(400, "status: '" + wanted + "' is none of "
                    + java.util.Arrays.toString(Status.values()));
        }
        ArrayNode answer = mapper.createArrayNode();
        store.withStatus(status).forEach(b -> answer.add(view(b)));
        return json(exchange, 200, answer);
    }

    private ObjectNode view(Bill bill) {
        ObjectNode item = mapper.createObjectNode();
        item.put("carrierCode", bill.carrierCode()).put("vendorRef", bill.vendorRef()).put("kind", bill.kind().name())
                .put("invoiceDate", bill.invoiceDate().toString()).put("currency", bill.currency())
                .put("total", bill.total()).put("status", bill.status().name()).put("match", bill.matchDetail())
                .put("decidedBy", bill.decidedBy())
                .put("decidedAt", bill.decidedAt() == null ? null : bill.decidedAt().toString())
                .put("decisionReason", bill.decisionReason()).put("odooId", bill.odooId())
                .put("number", bill.number()).put("state", bill.state());
        return item;
    }

    private Bill require(Exchange exchange) {
        String carrier = exchange.getMessage().getHeader("carrierCode", String.class);
        String number = exchange.getMessage().getHeader("invoiceNumber", String.class);
        return store.find(VendorBillStore.keyOf(carrier, number)).orElseThrow(() -> new ApiRequestException(404,
                "no carrier invoice " + number + " of carrier " + carrier + " is known to logisync"));
    }

    private JsonNode read(Exchange exchange) {
        return ApiAnswers.readObject(mapper, exchange);
    }

    private String json(Exchange exchange, int status, JsonNode body) throws JsonProcessingException {
        return ApiAnswers.json(mapper, exchange, status, body);
    }
}
