package io.logisync.exceptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.exceptions.ExceptionStore.Row;
import io.logisync.ingress.Echo;
import io.logisync.ingress.EventValidator;
import io.logisync.parking.ParkingDesk;
import io.logisync.security.ApiAnswers;
import io.logisync.security.Authenticator;
import io.logisync.security.Principal;
import io.logisync.security.Redaction;
import io.logisync.store.ParkingStore;
import io.logisync.store.ParkingStore.ParkedMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exceptions console behind {@code /api/v1/exceptions}: lists and shows parked messages, and replays, discards
 * or edits them, recording each action in the audit trail. Payloads are shown redacted unless an admin asks for
 * them in full ({@code ?full=true}).
 */
public class ExceptionsConsole {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionsConsole.class);
    /** Exchange property: the subject of the message just discarded, for the release check that follows. */
    public static final String SETTLED_SUBJECT = "LogisyncSettledSubject";
    /** Exchange property: the event type of the message just discarded. */
    public static final String SETTLED_TYPE = "LogisyncSettledType";

    private final ExceptionStore store;
    private final AuditTrail audit;
    private final ParkingDesk desk;
    private final EventValidator validator;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ExceptionsConsole(ExceptionStore store, AuditTrail audit, ParkingDesk desk, EventValidator validator,
            ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.desk = desk;
        this.validator = validator;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** {@code GET /api/v1/exceptions}: one page of the messages the query's filter selects. */
    public String list(Exchange exchange) throws JsonProcessingException {
        ExceptionFilter filter = ExceptionFilter.fromQuery(query(exchange));
        boolean full = showsFull(exchange);
        ObjectNode answer = mapper.createObjectNode();
        answer.put("total", store.count(filter)).put("limit", filter.limit()).put("offset", filter.offset());
        ArrayNode items = answer.putArray("items");
        store.search(filter).forEach(row -> items.add(summary(row, full)));
        ArrayNode reasons = answer.putArray("reasons");
        io.logisync.parking.ParkReasons.all().forEach(reasons::add);
        return json(exchange, 200, answer);
    }

    /** {@code GET /api/v1/exceptions/{id}}: one message with its payload and audit trail. */
    public String show(Exchange exchange) throws JsonProcessingException {
        return json(exchange, 200, view(find(idOf(exchange)), showsFull(exchange)));
    }

    /** {@code POST /api/v1/exceptions/{id}/replay}: sends the message through the domain routes again. */
    public String replay(Exchange exchange) throws JsonProcessingException {
        Principal actor = Authenticator.principalOf(exchange);
        long id = idOf(exchange);
        Row row = requireParked(find(id));
        boolean applied;
        try {
            // one replay at a time, as the desk's own replays of waiting messages are
            synchronized (desk) {
                applied = desk.replay(requireParked(find(id)).message());
            }
        } catch (RuntimeException failed) {
            audit.record(id, AuditTrail.REPLAYED, actor.name(), null, "FAILED", null);
            throw failed;
        }
        Row after = find(id);
        boolean superseded = ParkingStore.SUPERSEDED.equals(after.message().status());
        String outcome = superseded ? "SUPERSEDED"
                : applied ? "APPLIED" : "PARKED AGAIN as " + after.message().reason();
        audit.record(id, AuditTrail.REPLAYED, actor.name(), null, outcome, null);
        LOG.info("Parked message {} (event {} subject {}) replayed by {}: {}", id, row.message().eventId(),
                row.message().subject(), actor.name(), outcome);
        ObjectNode answer = view(after, showsFull(exchange));
        answer.put("outcome", superseded ? "superseded" : applied ? "applied" : "parked");
        return json(exchange, 200, answer);
    }

    /** {@code POST /api/v1/exceptions/{id}/discard}: gives the message up, with an optional {@code note} why. */
    public String discard(Exchange exchange) throws JsonProcessingException {
        Principal actor = Authenticator.principalOf(exchange);
        long id = idOf(exchange);
        Row row = requireParked(find(id));
        JsonNode body = ApiAnswers.readObject(mapper, exchange,
                "the body must be a JSON object, e.g. {\"note\": \"why\"}");
        ApiAnswers.requireOnlyKeys(body, "note");
        JsonNode given = body.get("note");
        if (given != null && !given.isNull() && !given.isTextual()) {
            throw new ConsoleRequestException(400, "$.note must be text, but was " + given.getNodeType()
                    .toString().toLowerCase(java.util.Locale.ROOT));
        }
        String note = body.path("note").asText(null);
        if (!store.discard(id)) {
            throw conflict(find(id));
        }
        audit.record(id, AuditTrail.DISCARDED, actor.name(), null, "DISCARDED", note);
        // what the message held back (a load's release) is checked again by the route
        exchange.setProperty(SETTLED_SUBJECT, row.message().subject());
        exchange.setProperty(SETTLED_TYPE, row.message().eventType());
        LOG.info("Parked message {} (event {} subject {}) discarded by {}", id, row.message().eventId(),
                row.message().subject(), actor.name());
        return json(exchange, 200, view(find(id), showsFull(exchange)));
    }

    /**
     * {@code PUT /api/v1/exceptions/{id}/payload}: replaces the parked event with a corrected one, to be replayed
     * next. The event keeps its id, source and type, and must pass the same checks as at the door.
     */
    public String edit(Exchange exchange) throws JsonProcessingException {
        Principal actor = Authenticator.principalOf(exchange);
        long id = idOf(exchange);
        ParkedMessage parked = requireParked(find(id)).message();
        JsonNode edited = ApiAnswers.readObject(mapper, exchange,
                "the body must be the corrected event, a JSON object");
        JsonNode original = mapper.readTree(parked.payload());
        for (String fixed : List.of("id", "source", "type")) {
            if (!original.path(fixed).equals(edited.path(fixed))) {
                throw new ConsoleRequestException(400, "$." + fixed + " must stay '" + original.path(fixed).asText()
                        + "'; an edit corrects the event, it does not make another one");
            }
        }
        List<String> masked = new ArrayList<>();
        stillRedacted(edited, original, "$", masked);
        if (!masked.isEmpty()) {
            throw new ConsoleRequestException(400, "the payload holds redacted values (" + String.join(", ",
                    masked.subList(0, Math.min(5, masked.size()))) + (masked.size() > 5 ? " and " + (masked.size() - 5)
                    + " more" : "") + " still read " + Redaction.MASK + "); fetch the message with ?full=true (as an"
                    + " admin) and edit that, so that the values hidden from view are kept");
        }
        List<String> problems = validator.validate(edited);
        if (!problems.isEmpty()) {
            throw new ConsoleRequestException(400, "the edited event is not valid: " + String.join("; ", problems));
        }
        ArrayNode changes = PayloadChanges.between(original, edited, mapper);
        if (changes.isEmpty()) {
            throw new ConsoleRequestException(400, "the edited event is the same as the parked one");
        }
        if (!store.replacePayload(id, mapper.writeValueAsString(edited), edited.path("subject").asText(null))) {
            throw conflict(find(id));
        }
        audit.record(id, AuditTrail.EDITED, actor.name(), mapper.writeValueAsString(changes), null, null);
        LOG.info("Parked message {} (event {} subject {}) edited by {}: {} change(s)", id, parked.eventId(),
                parked.subject(), actor.name(), changes.size());
        return json(exchange, 200, view(find(id), true));
    }

    /**
     * The fields of an edited event that hold the redaction placeholder where the parked event holds a value: an
     * edit made from the redacted view would otherwise write the placeholder over a price or an address.
     */
    private static void stillRedacted(JsonNode edited, JsonNode original, String path, List<String> found) {
        if (edited.isTextual() && Redaction.MASK.equals(edited.asText())
                && !(original.isTextual() && Redaction.MASK.equals(original.asText()))) {
            found.add(path);
        } else if (edited.isObject()) {
            edited.fields().forEachRemaining(field -> stillRedacted(field.getValue(), original.path(field.getKey()),
                    path + "." + field.getKey(), found));
        } else if (edited.isArray()) {
            for (int i = 0; i < edited.size(); i++) {
                stillRedacted(edited.get(i), original.path(i), path + "[" + i + "]", found);
            }
        }
    }

    /** Answers a refused console request with its status and a message naming what is wrong. */
    public String refuse(Exchange exchange) throws JsonProcessingException {
        return ApiAnswers.refusal(mapper, exchange, LOG,
                "the request failed inside logisync; nothing was changed unless the audit trail says so");
    }

    private ObjectNode view(Row row, boolean full) {
        ObjectNode answer = summary(row, full);
        try {
            JsonNode payload = mapper.readTree(row.message().payload());
            answer.set("payload", full ? payload : Redaction.redact(payload));
        } catch (JsonProcessingException e) {
            answer.put("payload", "(the stored payload is not valid JSON)");
        }
        answer.put("redacted", !full);
        ArrayNode trail = answer.putArray("audit");
        for (AuditTrail.Action action : audit.of(row.message().id())) {
            ObjectNode entry = trail.addObject();
            entry.put("action", action.action()).put("actor", action.actor())
                    .put("at", action.actedAt().toString());
            if (action.changes() != null) {
                entry.set("changes", changes(action.changes(), full));
            }
            entry.put("outcome", action.outcome());
            entry.put("note", action.note());
        }
        return answer;
    }

    private ObjectNode summary(Row row, boolean full) {
        ParkedMessage message = row.message();
        ObjectNode item = mapper.createObjectNode();
        item.put("id", message.id()).put("eventId", message.eventId()).put("source", message.source())
                .put("type", message.eventType()).put("subject", message.subject()).put("reason", message.reason())
                .put("waitingFor", message.waitingFor())
                .put("detail", full ? message.detail() : Redaction.redactText(message.detail()))
                .put("status", message.status()).put("attempts", message.attempts())
                .put("parkedAt", message.parkedAt().toString()).put("updatedAt", row.updatedAt().toString())
                .put("ageSeconds", Duration.between(message.parkedAt(), clock.instant()).toSeconds());
        return item;
    }

    private JsonNode changes(String stored, boolean full) {
        try {
            JsonNode changes = mapper.readTree(stored);
            if (full) {
                return changes;
            }
            for (JsonNode change : changes) {
                boolean sensitive = Redaction.isSensitive(PayloadChanges.fieldOf(change.path("path").asText()));
                for (String side : List.of("before", "after")) {
                    JsonNode value = change.get(side);
                    ((ObjectNode) change).set(side, sensitive && !value.isNull()
                            ? mapper.getNodeFactory().textNode(Redaction.MASK) : Redaction.redact(value));
                }
            }
            return changes;
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode("(unreadable)");
        }
    }

    private Row find(long id) {
        return store.find(id).orElseThrow(() -> ConsoleRequestException.notFound(id));
    }

    private static Row requireParked(Row row) {
        if (!ParkingStore.PARKED.equals(row.message().status())) {
            throw conflict(row);
        }
        return row;
    }

    private static ConsoleRequestException conflict(Row row) {
        return new ConsoleRequestException(409, "parked message " + row.message().id() + " is "
                + row.message().status() + ", no longer PARKED; only parked messages can be replayed, edited or"
                + " discarded");
    }

    private static long idOf(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ConsoleRequestException(400, "the id in the path must be a number, but was '" + Echo.cut(id)
                    + "'");
        }
    }

    /** Admins see payloads in full when they ask; everyone else always sees them redacted. */
    private static boolean showsFull(Exchange exchange) {
        Principal principal = Authenticator.principalOf(exchange);
        String full = query(exchange).getOrDefault("full", "").trim();
        if (!full.isEmpty() && !"true".equalsIgnoreCase(full) && !"false".equalsIgnoreCase(full)) {
            // read as false, a typo would show redacted values as if they were all there is
            throw new ConsoleRequestException(400, "full must be true or false, but was '" + Echo.cut(full) + "'");
        }
        return principal != null && principal.isAdmin() && "true".equalsIgnoreCase(full);
    }

    private static Map<String, String> query(Exchange exchange) {
        Map<String, String> answer = new LinkedHashMap<>();
        String raw = exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
        if (raw == null || raw.isBlank()) {
            return answer;
        }
        for (String pair : raw.split("&")) {
            int split = pair.indexOf('=');
            String name = URLDecoder.decode(split < 0 ? pair : pair.substring(0, split), StandardCharsets.UTF_8);
            String value = split < 0 ? "" : URLDecoder.decode(pair.substring(split + 1), StandardCharsets.UTF_8);
            answer.put(name, value);
        }
        return answer;
    }

    private String json(Exchange exchange, int status, JsonNode body) throws JsonProcessingException {
        return ApiAnswers.json(mapper, exchange, status, body);
    }
}
