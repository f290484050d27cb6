package io.logisync.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.ingress.IncomingEvent;
import io.logisync.ingress.IngressCounters;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps around an accepted event: set its headers, and record whether it was applied, parked or a duplicate. */
public class EventFlow {

    private static final Logger LOG = LoggerFactory.getLogger(EventFlow.class);

    private final IngressCounters counters;

    public EventFlow(IngressCounters counters) {
        this.counters = counters;
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
        message.setHeader(EventHeaders.EVENT_KEY, event.path("source").asText() + " " + event.path("id").asText());
        exchange.setProperty(EventHeaders.EVENT_JSON, event.toString());
        message.setBody(event);
    }

    public void duplicate(Exchange exchange) {
        IncomingEvent incoming = exchange.getProperty(EventHeaders.INCOMING, IncomingEvent.class);
        incoming.markDuplicate();
        counters.duplicate(incoming);
        LOG.debug("Event {} from {} is a duplicate; nothing changed", incoming.getId(), incoming.getSource());
    }

    /** Marks the event applied; a parked event never gets here, as parking ends the exchange's routing. */
    public void applied(Exchange exchange) {
        IncomingEvent incoming = exchange.getProperty(EventHeaders.INCOMING, IncomingEvent.class);
        incoming.markApplied();
        counters.applied(exchange, incoming);
    }
}
