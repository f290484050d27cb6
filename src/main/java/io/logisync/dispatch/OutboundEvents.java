package io.logisync.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

/** Builds logisync's own CloudEvents for dispatch, in the shapes of EVENTS.md "Outbound". */
public final class OutboundEvents {

    /** The source of every event logisync emits. */
    public static final String SOURCE = "logisync";
    public static final String INVOICE_POSTED = "logistics.invoice.posted.v1";
    public static final String PAYMENT_UPDATED = "logistics.payment.updated.v1";
    public static final String SHIPMENT_EXCEPTION = "logistics.shipment.exception.v1";

    private final ObjectMapper mapper;
    private final Clock clock;

    public OutboundEvents(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** An event with its envelope and an empty data object to fill. */
    public ObjectNode event(String id, String type, String subject) {
        ObjectNode event = mapper.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", SOURCE);
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(clock.instant().atOffset(
                java.time.ZoneOffset.UTC).withNano(0)));
        event.put("datacontenttype", "application/json");
        event.putObject("data");
        return event;
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
