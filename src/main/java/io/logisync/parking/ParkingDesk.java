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
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parks what cannot be applied, with its reason, and replays parked events when what they wait for arrives. */
public class ParkingDesk {

    private static final Logger LOG = LoggerFactory.getLogger(ParkingDesk.class);

    private final ParkingStore store;
    private final ObjectMapper mapper;
    private final CamelContext camelContext;
    private final String dispatchUri;
    private final BindingStore bindings;
    private final IngressCounters counters;

    public ParkingDesk(ParkingStore store, BindingStore bindings, ObjectMapper mapper, CamelContext camelContext,
            String dispatchUri, IngressCounters counters) {
        this.counters = counters;
        this.store = store;
        this.bindings = bindings;
        this.mapper = mapper;
        this.camelContext = camelContext;
        this.dispatchUri = dispatchUri;
    }

    /** The dead-letter step: stores the event with the reason its failure stands for. */
    public void park(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = reasonOf(cause);
        String waitingFor = cause instanceof ParkException park ? park.getWaitingFor() : null;
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
     * Replays the parked events whose customer now has a binding: those parked while it was created, or before a
     * restart lost the replay signal.
     */
    public int replaySatisfied() {
        int answer = 0;
        for (String key : store.parked().stream().map(ParkedMessage::waitingFor)
                .filter(k -> k != null && k.startsWith("customer:")).distinct().toList()) {
            if (bindings.find("customer", key.substring("customer:".length())).isPresent()) {
                answer += replayWaitingFor(key);
            }
        }
        return answer;
    }

    /** Sends one parked event through the domain routes again; true when it was applied this time. */
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
        if (exchange.getProperty(EventHeaders.PARKED_REASON) == null) {
            store.markReplayed(parked.id());
            return true;
        }
        return false;
    }

    static String reasonOf(Throwable cause) {
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

    private static String detailOf(Throwable cause) {
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
