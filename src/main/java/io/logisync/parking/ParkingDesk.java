package io.logisync.parking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.flow.EventFlow;
import io.logisync.flow.EventHeaders;
import io.logisync.ingress.IncomingEvent;
import io.logisync.ingress.IngressCounters;
import io.logisync.odoo.OdooException;
import io.logisync.security.Redaction;
import io.logisync.store.BindingStore;
import io.logisync.store.ParkingStore;
import io.logisync.store.ParkingStore.ParkedMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parks what cannot be applied, with its reason, and replays parked events when what they wait for arrives. */
public class ParkingDesk {

    /** What an event parked after Odoo stayed unavailable waits for. */
    public static final String WAITING_FOR_ODOO = "odoo";

    /** Tells whether what a parked key waits for has arrived since {@code parkedSince}, for the periodic sweep. */
    @FunctionalInterface
    public interface Arrival {
        boolean hasArrived(String key, Instant parkedSince);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ParkingDesk.class);
    /** Property: the replay found its row no longer parked, and left it alone. */
    private static final String REPLAY_SKIPPED = "LogisyncReplaySkipped";
    private static final String CUSTOMER = "customer:";

    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<ParkedMessage>> settledListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private final ParkingStore store;
    private final ObjectMapper mapper;
    private final CamelContext camelContext;
    private final String dispatchUri;
    private final BindingStore bindings;
    private final IngressCounters counters;
    private final IdempotentRepository idempotency;

    public ParkingDesk(ParkingStore store, BindingStore bindings, IdempotentRepository idempotency,
            ObjectMapper mapper, CamelContext camelContext, String dispatchUri, IngressCounters counters) {
        this.idempotency = idempotency;
        this.counters = counters;
        this.store = store;
        this.bindings = bindings;
        this.mapper = mapper;
        this.camelContext = camelContext;
        this.dispatchUri = dispatchUri;
        onArrival(CUSTOMER, (key, since) -> bindings.find("customer", key.substring(CUSTOMER.length())).isPresent());
    }

    /** Lets the sweep replay keys with this prefix (e.g. {@code contract:}) once the arrival test says so. */
    public void onArrival(String prefix, Arrival arrival) {
        arrivals.put(prefix, arrival);
    }

    /**
     * Tells the listener of each parked message a replay settled (applied or superseded), after its row is marked:
     * what it held back, such as a load's release, may go ahead now.
     */
    public void onSettled(java.util.function.Consumer<ParkedMessage> listener) {
        settledListeners.add(listener);
    }

    /** The dead-letter step: stores the event with the reason its failure stands for. */
    public void park(Exchange exchange) {
        Throwable cause = unwrap(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        String reason = reasonOf(cause);
        if (exchange.getProperty(EventHeaders.EVENT_JSON) == null) {
            // a release check run again without an event (after a discard, a settled replay, the sweep): there is
            // nothing to park, and the load stays as it was; the sweep checks it again
            exchange.setProperty(EventHeaders.PARKED_REASON, reason);
            LOG.warn("Release check of load {} stopped as {}: {}; the sweep checks it again",
                    exchange.getMessage().getHeader(EventHeaders.SUBJECT, String.class), reason,
                    Redaction.redactText(detailOf(cause)));
            return;
        }
        String waitingFor = cause instanceof ParkException park ? park.getWaitingFor()
                : ParkReasons.ODOO_UNAVAILABLE.equals(reason) ? WAITING_FOR_ODOO : null;
        String detail = detailOf(cause);
        var message = exchange.getMessage();
        String eventId = message.getHeader(EventHeaders.ID, String.class);
        String subject = message.getHeader(EventHeaders.SUBJECT, String.class);
        Long replayedId = message.getHeader(EventHeaders.PARKED_ID, Long.class);
        long parkedId;
        if (replayedId != null) {
            store.repark(replayedId, reason, waitingFor, detail);
            parkedId = replayedId;
        } else {
            parkedId = store.park(eventId, message.getHeader(EventHeaders.SOURCE, String.class),
                    message.getHeader(EventHeaders.TYPE, String.class), subject, reason, waitingFor, detail,
                    exchange.getProperty(EventHeaders.EVENT_JSON, String.class));
        }
        exchange.setProperty(EventHeaders.PARKED_REASON, reason);
        // a handled failure ends the calling route too, so the sender's answer is settled here
        IncomingEvent incoming = exchange.getProperty(EventHeaders.INCOMING, IncomingEvent.class);
        if (incoming != null) {
            // Camel's idempotent consumer does not record an exchange whose failure was handled: parking takes it
            idempotency.add(exchange, message.getHeader(EventHeaders.EVENT_KEY, String.class));
            incoming.markParked(reason);
        }
        counters.parked(exchange, reason, incoming != null);
        LOG.warn("Parked event {} subject {} as {} (parked id {}): {}", eventId, subject, reason, parkedId,
                Redaction.redactText(detail));
    }

    /** Replays, oldest first, every parked event waiting for the given key; returns how many were applied. */
    public synchronized int replayWaitingFor(String waitingFor) {
        List<ParkedMessage> waiting = store.waitingFor(waitingFor);
        int applied = 0;
        for (ParkedMessage parked : waiting) {
            if (replay(parked)) {
                applied++;
            }
        }
        if (!waiting.isEmpty()) {
            LOG.info("Replayed {} parked event(s) waiting for {}: {} applied, {} parked again", waiting.size(),
                    waitingFor, applied, waiting.size() - applied);
        }
        return applied;
    }

    /**
     * Replays the parked events whose wait is over (a customer now bound, a contract or a charge mapping that
     * arrived): those parked while it arrived, or before a restart lost the replay signal.
     */
    public int replaySatisfied() {
        int answer = replayWhileOdooAnswers();
        for (Map.Entry<String, Instant> waiting : store.oldestWaiting().entrySet()) {
            String key = waiting.getKey();
            Arrival arrival = arrivals.entrySet().stream().filter(a -> key.startsWith(a.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (arrival != null && arrival.hasArrived(key, waiting.getValue())) {
                answer += replayWaitingFor(key);
            }
        }
        return answer;
    }

    /** The keys among these that parked events wait for, so a batch signals only replays that have work. */
    public List<String> awaited(java.util.Collection<String> keys) {
        Map<String, Instant> waiting = store.oldestWaiting();
        return keys.stream().filter(waiting::containsKey).distinct().toList();
    }

    /**
     * True while the replayed row is still parked. Asked under the subject's lock, so of two replicas replaying the
     * same row (two sweeps, say) only the first applies it.
     */
    public boolean stillParked(Exchange exchange) {
        Long id = exchange.getMessage().getHeader(EventHeaders.PARKED_ID, Long.class);
        boolean answer = id == null || store.isParked(id);
        if (!answer) {
            exchange.setProperty(REPLAY_SKIPPED, true);
            LOG.debug("Parked message {} was replayed elsewhere meanwhile; not applied again", id);
        }
        return answer;
    }

    /**
     * Replays, oldest first, the events parked because Odoo stayed unavailable, and stops at the first that Odoo
     * still cannot take, so that a long outage costs one event's retries per sweep rather than every event's.
     */
    synchronized int replayWhileOdooAnswers() {
        List<ParkedMessage> waiting = store.waitingFor(WAITING_FOR_ODOO);
        int applied = 0;
        for (ParkedMessage parked : waiting) {
            if (replay(parked)) {
                applied++;
            } else if (store.waitingFor(WAITING_FOR_ODOO).stream().anyMatch(p -> p.id() == parked.id())) {
                break;
            }
        }
        if (!waiting.isEmpty()) {
            LOG.info("Replayed {} of {} event(s) parked while Odoo was unavailable", applied, waiting.size());
        }
        return applied;
    }

    /**
     * Sends one parked event through the domain routes again; true when it was applied this time, or settled as
     * superseded by newer facts of its subject.
     */
    public boolean replay(ParkedMessage parked) {
        Exchange exchange = new DefaultExchange(camelContext);
        try {
            EventFlow.setEvent(exchange, (ObjectNode) mapper.readTree(parked.payload()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("parked message " + parked.id() + " holds unreadable JSON", e);
        }
        exchange.getMessage().setHeader(EventHeaders.PARKED_ID, parked.id());
        ProducerTemplate producer = camelContext.createProducerTemplate();
        try {
            producer.send(dispatchUri, exchange);
        } finally {
            closeQuietly(producer);
        }
        if (exchange.getException() != null) {
            throw new IllegalStateException("replay of parked message " + parked.id() + " failed",
                    exchange.getException());
        }
        if (exchange.getProperty(REPLAY_SKIPPED) != null) {
            return false;
        }
        if (exchange.getProperty(EventHeaders.PARKED_REASON) == null) {
            String superseded = exchange.getProperty(EventHeaders.SUPERSEDED, String.class);
            if (superseded != null) {
                store.markSuperseded(parked.id(), superseded);
                LOG.info("Parked message {} (event {}) settled as SUPERSEDED: newer facts of {} were applied",
                        parked.id(), parked.eventId(), parked.subject());
            } else {
                store.markReplayed(parked.id());
            }
            settledListeners.forEach(listener -> listener.accept(parked));
            return true;
        }
        return false;
    }

    /** A route's bean predicate or expression wraps what the bean threw; the reason is the bean's. */
    static Throwable unwrap(Throwable cause) {
        Throwable answer = cause;
        while (answer instanceof org.apache.camel.RuntimeExpressionException && answer.getCause() != null) {
            answer = answer.getCause();
        }
        return answer;
    }

    /** The parked reason a failure stands for. */
    public static String reasonOf(Throwable cause) {
        if (cause instanceof ParkException park) {
            return park.getReason();
        }
        if (cause instanceof OdooException odoo) {
            return odoo.isRetryable() ? ParkReasons.ODOO_UNAVAILABLE : ParkReasons.ODOO_REJECTED;
        }
        if (cause instanceof IllegalArgumentException) {
            return ParkReasons.INVALID_DATA;
        }
        return ParkReasons.PROCESSING_ERROR;
    }

    /** What an operator reads about a failure. */
    public static String detailOf(Throwable cause) {
        if (cause == null) {
            return "no cause was recorded";
        }
        return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    }

    private static void closeQuietly(ProducerTemplate producer) {
        try {
            producer.close();
        } catch (java.io.IOException ignored) {
            // a producer template holds no resource worth reporting here
        }
    }
}
