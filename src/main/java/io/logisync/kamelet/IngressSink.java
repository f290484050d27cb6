package io.logisync.kamelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.ingress.EventIntake;
import io.logisync.ingress.IncomingEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logic of the logisync-ingress-sink Kamelet: whatever a source hands over (events it mapped, or CloudEvents as
 * JSON text) is checked like an HTTP or inbox event, then each good one enters the idempotent consumer and router.
 */
public class IngressSink {

    /** Exchange property holding the events of this message, as checked. */
    public static final String EVENTS = "LogisyncIngestEvents";

    private static final Logger LOG = LoggerFactory.getLogger(IngressSink.class);

    private final EventIntake intake;
    private final ObjectMapper mapper;
    private final int maxEvents;

    public IngressSink(EventIntake intake, ObjectMapper mapper, int maxEvents) {
        this.intake = intake;
        this.mapper = mapper;
        this.maxEvents = maxEvents;
    }

    /**
     * Checks the message's events; an event whose source is not {@code expectedSource} (when one is given) is
     * rejected, so that a carrier's feed cannot speak for another sender.
     */
    public List<IncomingEvent> check(Exchange exchange, String expectedSource) {
        List<IncomingEvent> answer;
        try {
            List<JsonNode> events = eventsOf(exchange.getMessage().getBody());
            if (events.size() > maxEvents) {
                throw new IllegalArgumentException("the message holds " + events.size() + " events; the limit is "
                        + maxEvents + " (logisync.ingress.max-events)");
            }
            answer = new ArrayList<>(intake.check(events));
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            answer = List.of(IncomingEvent.invalid(0, null, List.of("$: the message is not valid JSON: " + reason)));
        }
        if (expectedSource != null && !expectedSource.isBlank()) {
            for (int i = 0; i < answer.size(); i++) {
                IncomingEvent incoming = answer.get(i);
                if (!incoming.isRejected() && !expectedSource.equals(incoming.getSource())) {
                    answer.set(i, IncomingEvent.invalid(i, incoming.getEvent(), List.of("$.source: '"
                            + incoming.getSource() + "' is not the source this feed may send for ('" + expectedSource
                            + "')")));
                }
            }
        }
        exchange.setProperty(EVENTS, answer);
        return answer;
    }

    /** What became of each event, once the accepted ones were applied or parked. */
    @SuppressWarnings("unchecked")
    public IngestOutcome outcome(Exchange exchange) {
        List<IncomingEvent> events = exchange.getProperty(EVENTS, List.class);
        IngestOutcome outcome = new IngestOutcome(events == null ? List.of() : events);
        LOG.debug("Ingress sink took {} event(s): {} accepted, {} duplicate(s), {} rejected", outcome.events().size(),
                outcome.accepted(), outcome.duplicates(), outcome.rejected());
        return outcome;
    }

    // Known gap: CloudEvents in binary mode (attributes in ce-* headers) are not read; structured JSON only.
    private List<JsonNode> eventsOf(Object body) throws IOException {
        JsonNode parsed;
        if (body == null) {
            return List.of();
        } else if (body instanceof List<?> items) {
            List<JsonNode> answer = new ArrayList<>(items.size());
            for (Object item : items) {
                answer.add(item instanceof JsonNode node ? node : mapper.valueToTree(item));
            }
            return answer;
        } else if (body instanceof JsonNode node) {
            parsed = node;
        } else if (body instanceof byte[] bytes) {
            parsed = bytes.length == 0 ? null : mapper.readTree(bytes);
        } else if (body instanceof String text) {
            parsed = text.isBlank() ? null : mapper.readTree(text);
        } else if (body instanceof InputStream in) {
            parsed = mapper.readTree(in);
        } else {
            parsed = mapper.valueToTree(body);
        }
        if (parsed == null || parsed.isMissingNode()) {
            return List.of();
        }
        return parsed.isArray() ? toList(parsed) : List.of(parsed);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> answer = new ArrayList<>(array.size());
        array.forEach(answer::add);
        return answer;
    }
}
