package io.logisync.ops;

import io.logisync.flow.EventHeaders;
import io.logisync.ingress.IncomingEvent;
import io.logisync.ingress.OutcomeListener;
import io.logisync.store.BindingStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts events by type, source and outcome ({@code logisync.events}), duplicates on their own
 * ({@code logisync.duplicate.events}), and logs one line per applied event with its id, subject and the Odoo record
 * the subject is bound to. Parked events are logged where they are parked.
 */
public class EventOutcomes implements OutcomeListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventOutcomes.class);

    /** The binding kind whose Odoo record an event's subject names, by the event type's domain word. */
    private static final Map<String, String> KIND_BY_DOMAIN = Map.of("customer", "customer", "carrier", "carrier",
            "shipment", "customer-invoice", "milestone", "customer-invoice", "pod", "customer-invoice");

    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9._/-]{1,80}");

    private final MeterRegistry meters;
    private final BindingStore bindings;

    public EventOutcomes(MeterRegistry meters, BindingStore bindings) {
        this.meters = meters;
        this.bindings = bindings;
    }

    @Override
    public void applied(Exchange exchange, IncomingEvent incoming) {
        count(incoming.getType(), incoming.getSource(), "applied");
        String odoo = odooRecordOf(incoming.getType(), incoming.getSubject()).orElse("no Odoo record yet");
        LOG.info("Event {} ({} from {}) subject {} applied: {}", incoming.getId(), incoming.getType(),
                incoming.getSource(), incoming.getSubject(), odoo);
    }

    @Override
    public void parked(Exchange exchange, String reason) {
        count(exchange.getMessage().getHeader(EventHeaders.TYPE, String.class),
                exchange.getMessage().getHeader(EventHeaders.SOURCE, String.class), "parked");
    }

    @Override
    public void duplicate(IncomingEvent incoming) {
        count(incoming.getType(), incoming.getSource(), "duplicate");
        Counter.builder("logisync.duplicate.events").description("Events received again under an id already taken")
                .tag("source", tag(incoming.getSource())).register(meters).increment();
    }

    @Override
    public void rejected(IncomingEvent incoming) {
        count(incoming.getType(), incoming.getSource(), "rejected");
    }

    private void count(String type, String source, String outcome) {
        Counter.builder("logisync.events").description("Events by type, source and what became of them")
                .tag("type", tag(type)).tag("source", tag(source)).tag("outcome", outcome).register(meters)
                .increment();
    }

    private Optional<String> odooRecordOf(String type, String subject) {
        if (type == null || subject == null || !type.startsWith("logistics.")) {
            return Optional.empty();
        }
        String domain = type.substring("logistics.".length()).split("\\.")[0];
        String kind = KIND_BY_DOMAIN.get(domain);
        return kind == null ? Optional.empty()
                : bindings.find(kind, subject).map(b -> b.odooModel() + " " + b.odooId());
    }

    /** Tags come from senders' events: odd values fold into "other", so no sender can flood the registry. */
    private static String tag(String value) {
        if (value == null || value.isBlank()) {
            return "unknown";
        }
        return TAG_VALUE.matcher(value).matches() ? value : "other";
    }
}
