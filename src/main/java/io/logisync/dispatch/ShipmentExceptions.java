package io.logisync.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.security.Redaction;
import io.logisync.store.ParkingStore;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells dispatch of every message about a load that is parked: a shipment.exception with the load, the reason and
 * the parked row's id, sent the same way as the finance events. Parking does not wait for it.
 */
public class ShipmentExceptions implements ParkingStore.ParkedListener {

    /** The queue the events wait on before they are sent. */
    public static final String QUEUE = "seda:shipment-exceptions";

    /** The event types whose subject is a load reference. */
    static final Set<String> LOAD_TYPES = Set.of("logistics.shipment.created.v1", "logistics.shipment.assigned.v1",
            "logistics.shipment.updated.v1", "logistics.shipment.cancelled.v1", "logistics.milestone.recorded.v1",
            "logistics.pod.received.v1", "logistics.accessorial.proposed.v1", "logistics.accessorial.approved.v1",
            "logistics.accessorial.rejected.v1");

    private static final Logger LOG = LoggerFactory.getLogger(ShipmentExceptions.class);

    private final OutboundEvents events;
    private final CamelContext camelContext;
    private ProducerTemplate producer;

    public ShipmentExceptions(OutboundEvents events, CamelContext camelContext) {
        this.events = events;
        this.camelContext = camelContext;
    }

    @Override
    public void parked(long parkedId, String source, String eventType, String subject, String reason,
            String detail) {
        if (OutboundEvents.SOURCE.equals(source) || !LOAD_TYPES.contains(eventType) || subject == null
                || subject.isBlank()) {
            return;
        }
        ObjectNode event = events.event("shipment-exception-" + parkedId, OutboundEvents.SHIPMENT_EXCEPTION,
                subject);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("loadRef", subject);
        data.put("reasonCode", reason);
        data.put("detail", Redaction.redactText(detail));
        data.put("parkedId", parkedId);
        try {
            producer().sendBody(QUEUE, event);
        } catch (RuntimeException e) {
            // Known gap: the exception events wait in memory; one not yet sent when the process stops is not sent
            LOG.warn("shipment.exception for parked message {} (load {}) could not be queued: {}", parkedId, subject,
                    e.getMessage());
        }
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = camelContext.createProducerTemplate();
        }
        return producer;
    }
}
