package io.logisync.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.ingress.IncomingEvent;
import io.logisync.ingress.IngressCounters;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps around an accepted event: set its headers, and record whether it was applied, parked or a duplicate. */
public class EventFlow {

    private static final Logger LOG = LoggerFactory.getLogger(EventFlow.class);

    private final IngressCounters counters;
    private final IdempotentRepository idempotency;

    public EventFlow(IngressCounters counters, IdempotentRepository idempotency) {
        this.counters = counters;
        this.idempotency = idempotency;
    }

    /** The idempotency key, as the idempotent consumer in routes/ingress.camel.yaml computes it. */
    public static String idempotencyKey(Message message) {
        return message.getHeader(EventHeaders.SOURCE, String.class) + " " + message.getHeader(EventHeaders.ID,
                String.class);
    }

    /** Puts the event in the body and its CloudEvent attributes in headers, keeping its JSON for parking. */
    public void prepare(Exchange exchange) {
        IncomingEvent incoming = exchange.getMessage().getBody(IncomingEvent.class);
        exchange.setProperty(EventHeaders.INCOMING, incoming);
        setEvent(exchange, incoming.getEvent());
    }

    /** Makes an event the body of the exchange, as for a replay of a parked one. */
    public static void setEvent(Exchange exchange, ObjectNode event) {
        Message message = exchange.getMessage();
        message.setHeader(EventHeaders.ID, event.path("id").asText());
        message.setHeader(EventHeaders.SOURCE, event.path("source").asText());
        message.setHeader(EventHeaders.TYPE, event.path("type").asText());
        message.setHeader(EventHeaders.SUBJECT, event.path("subject").asText());
        exchange.setProperty(EventHeaders.EVENT_JSON, event.toString());
        message.setBody(event);
    }

    public void duplicate(Exchange exchange) {
        IncomingEvent incoming = exchange.getProperty(EventHeaders.INCOMING, IncomingEvent.class);
        incoming.markDuplicate();
        counters.duplicate();
        LOG.debug("Event {} from {} is a duplicate; nothing changed", incoming.getId(), incoming.getSource());
    }

    /**
     * Records a parked event as taken. Camel's idempotent consumer counts a failure its error handler handled as a
     * failure and records nothing, yet a parked event is stored and will be replayed: taken again, it would be
     * parked a second time, so parking records it here.
     */
    public void parked(Exchange exchange) {
        if (exchange.getMessage().getHeader(EventHeaders.PARKED_ID) == null) {
            idempotency.add(idempotencyKey(exchange.getMessage()));
        }
    }

    /** Marks the event applied; a parked event never gets here, as parking ends the exchange's routing. */
    public void applied(Exchange exchange) {
        IncomingEvent incoming = exchange.getProperty(EventHeaders.INCOMING, IncomingEvent.class);
        incoming.markApplied();
        counters.accepted();
    }
}
