package io.logisync.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.flow.EventHeaders;
import io.logisync.ingress.EventValidator;
import io.logisync.ingress.IncomingEvent;
import io.logisync.parking.ParkReasons;
import io.logisync.store.ParkingStore;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps on either side of the event bus. They read the same on both buses: on {@code direct} the event travels
 * as it is, on Kafka as its CloudEvent JSON (structured mode), keyed by subject, and its offset is committed only
 * once it was applied or parked.
 */
public class EventBus {

    /** Kafka's structured-mode content type for a whole CloudEvent in the record's value. */
    static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final ObjectMapper mapper;
    private final EventValidator validator;
    private final ParkingStore parking;

    public EventBus(ObjectMapper mapper, EventValidator validator, ParkingStore parking) {
        this.mapper = mapper;
        this.validator = validator;
        this.parking = parking;
    }

    /**
     * Keys the event by subject, so one subject's events share a partition and keep their order. The sender's own
     * headers (its Authorization among them) stay behind: only the event travels.
     */
    public void outgoing(Exchange exchange) {
        Message message = exchange.getMessage();
        IncomingEvent incoming = message.getBody(IncomingEvent.class);
        message.removeHeaders("*");
        message.setHeader(KafkaConstants.KEY, incoming.getSubject());
        message.setHeader("content-type", CLOUDEVENTS_JSON);
    }

    /**
     * Prepares one of logisync's outbound CloudEvents (a JSON object or its text) for the outbound topic: checked
     * for the attributes every CloudEvent has, keyed by subject, and nothing but the event travels.
     */
    public void outbound(Exchange exchange) throws java.io.IOException {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        JsonNode event = body instanceof JsonNode node ? node : mapper.readTree(message.getBody(String.class));
        for (String attribute : List.of("specversion", "id", "source", "type", "subject")) {
            if (event == null || !event.hasNonNull(attribute)) {
                throw new IllegalArgumentException("an outbound event must have '" + attribute + "', but "
                        + (event == null ? "there was no event" : "it has none: type " + event.path("type")));
            }
        }
        message.removeHeaders("*");
        message.setHeader(KafkaConstants.KEY, event.get("subject").asText());
        message.setHeader("content-type", CLOUDEVENTS_JSON);
        message.setBody(mapper.writeValueAsString(event));
    }

    /** An event the bus took but has not applied yet (Kafka) is answered as accepted and queued. */
    public void published(Exchange exchange) {
        // on the direct bus the event was applied on this exchange, which now carries it as a property
        IncomingEvent incoming = exchange.getProperty(EventHeaders.INCOMING, IncomingEvent.class);
        if (incoming == null) {
            incoming = exchange.getMessage().getBody(IncomingEvent.class);
        }
        if (incoming != null && incoming.getStatus() == IncomingEvent.Status.PENDING) {
            incoming.markQueued();
        }
    }

    /**
     * Reads an event taken off the bus. From Kafka it is checked again, as anyone who may write to the topic can put
     * a record there: one that is not a valid event is parked as INVALID_DATA, never dropped, and the body is empty.
     */
    public void incoming(Exchange exchange) {
        Message message = exchange.getMessage();
        if (message.getBody() instanceof IncomingEvent) {
            return;
        }
        String text = message.getBody(String.class);
        String where = "kafka:" + message.getHeader(KafkaConstants.TOPIC) + "/" + message.getHeader(
                KafkaConstants.PARTITION) + "@" + message.getHeader(KafkaConstants.OFFSET);
        JsonNode node;
        try {
            node = text == null ? null : mapper.readTree(text);
        } catch (java.io.IOException e) {
            park(message, where, null, List.of("the record is not JSON: " + e.getMessage().lines().findFirst().orElse("")), text);
            return;
        }
        List<String> problems = node == null ? List.of("the record is empty") : validator.validate(node);
        if (!problems.isEmpty()) {
            park(message, where, node, problems, text);
            return;
        }
        message.setBody(IncomingEvent.valid(0, (ObjectNode) node));
    }

    /**
     * Commits the Kafka offset once the last record of its partition in this poll was applied or parked; the records
     * before it were too, as one partition's records are taken one at a time. A replica that dies before the commit
     * leaves those records to be taken again, and the idempotent consumer answers them as duplicates.
     */
    public void acknowledge(Exchange exchange) {
        Message message = exchange.getMessage();
        KafkaManualCommit commit = message.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit != null && message.getHeader(KafkaConstants.LAST_RECORD_BEFORE_COMMIT, true, Boolean.class)) {
            commit.commit();
        }
    }

    private void park(Message message, String where, JsonNode node, List<String> problems, String text) {
        String id = node != null && node.hasNonNull("id") ? node.get("id").asText() : where;
        String source = node != null && node.hasNonNull("source") ? node.get("source").asText() : where;
        String type = node != null && node.hasNonNull("type") ? node.get("type").asText() : "(unreadable)";
        String subject = node != null && node.hasNonNull("subject") ? node.get("subject").asText() : null;
        String detail = "taken from " + where + ": " + String.join("; ", problems);
        long parkedId = parking.park(id, source, type, subject, ParkReasons.INVALID_DATA, null, detail,
                text == null ? "" : text);
        LOG.warn("Parked record {} from the bus as {} (parked id {}): {}", id, ParkReasons.INVALID_DATA, parkedId,
                detail);
        message.setBody(null);
    }
}
