package io.logisync.ops;

import io.logisync.flow.EventHeaders;
import io.logisync.ingress.IncomingEvent;
import io.logisync.ingress.OutcomeListener;
import io.logisync.store.BindingStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
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

    /** The value of a tag that is not one of its known values. */
    static final String UNKNOWN = "unknown";
    /** Most sources learnt from accepted events; past it, new ones are counted as unknown. */
    static final int MAX_LEARNT_SOURCES = 200;

    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9._/-]{1,80}");

    private final MeterRegistry meters;
    private final BindingStore bindings;
    private final Set<String> types;
    private final Predicate<String> configuredSource;
    private final Set<String> learntSources = ConcurrentHashMap.newKeySet();

    /**
     * Tag values come from a bounded set, never straight from a request: {@code type} is one of {@code types} (the
     * types logisync accepts), {@code source} one that {@code configuredSource} knows (credentials, webhook
     * secrets) or one that events the door accepted came from (a carrier's Pipe, the inbox, logisync's own
     * sources), at most {@value #MAX_LEARNT_SOURCES} of those; anything else is {@code unknown}.
     */
    public EventOutcomes(MeterRegistry meters, BindingStore bindings, Set<String> types,
            Predicate<String> configuredSource) {
        this.meters = meters;
        this.bindings = bindings;
        this.types = Set.copyOf(types);
        this.configuredSource = configuredSource;
    }

    @Override
    public void applied(Exchange exchange, IncomingEvent incoming) {
        learn(incoming.getSource());
        count(incoming.getType(), incoming.getSource(), "applied");
        if (!LOG.isInfoEnabled()) {
            // the Odoo record is looked up for this line alone
            return;
        }
        String odoo = odooRecordOf(incoming.getType(), incoming.getSubject()).orElse("no Odoo record yet");
        LOG.info("Event {} ({} from {}) subject {} applied: {}", incoming.getId(), incoming.getType(),
                incoming.getSource(), incoming.getSubject(), odoo);
    }

    @Override
    public void parked(Exchange exchange, String reason) {
        learn(exchange.getMessage().getHeader(EventHeaders.SOURCE, String.class));
        count(exchange.getMessage().getHeader(EventHeaders.TYPE, String.class),
                exchange.getMessage().getHeader(EventHeaders.SOURCE, String.class), "parked");
    }

    @Override
    public void duplicate(IncomingEvent incoming) {
        learn(incoming.getSource());
        count(incoming.getType(), incoming.getSource(), "duplicate");
        Counter.builder("logisync.duplicate.events").description("Events received again under an id already taken")
                .tag("source", sourceTag(incoming.getSource())).register(meters).increment();
    }

    @Override
    public void rejected(IncomingEvent incoming) {
        count(incoming.getType(), incoming.getSource(), "rejected");
    }

    private void count(String type, String source, String outcome) {
        Counter.builder("logisync.events").description("Events by type, source and what became of them")
                .tag("type", typeTag(type)).tag("source", sourceTag(source)).tag("outcome", outcome)
                .register(meters).increment();
    }

    /** An event that passed the door came from a source the door lets in (a key's, a Pipe's, the inbox's). */
    private void learn(String source) {
        if (source != null && learntSources.size() < MAX_LEARNT_SOURCES && TAG_VALUE.matcher(source).matches()) {
            learntSources.add(source);
        }
    }

    private String typeTag(String type) {
        return type != null && types.contains(type) ? type : UNKNOWN;
    }

    private String sourceTag(String source) {
        if (source == null) {
            return UNKNOWN;
        }
        return learntSources.contains(source) || TAG_VALUE.matcher(source).matches() && configuredSource.test(source)
                ? source : UNKNOWN;
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
}
