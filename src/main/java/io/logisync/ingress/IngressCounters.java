package io.logisync.ingress;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;

/** Counts what happened to events at the door since start: accepted, duplicates, rejected. */
public class IngressCounters {

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile OutcomeListener listener;

    /** Also tells the listener of each outcome, with the event it was for. */
    public void setListener(OutcomeListener listener) {
        this.listener = listener;
    }

    /** An event was applied to its domain. */
    public void applied(Exchange exchange, IncomingEvent incoming) {
        accepted();
        if (listener != null) {
            listener.applied(exchange, incoming);
        }
    }

    /** An event, new or replayed, was parked; only a new one counts as accepted at the door. */
    public void parked(Exchange exchange, String reason, boolean fromTheDoor) {
        if (fromTheDoor) {
            accepted();
        }
        if (listener != null) {
            listener.parked(exchange, reason);
        }
    }

    public void duplicate(IncomingEvent incoming) {
        duplicate();
        if (listener != null) {
            listener.duplicate(incoming);
        }
    }

    public void rejected(IncomingEvent incoming) {
        rejected();
        if (listener != null) {
            listener.rejected(incoming);
        }
    }

    public void accepted() {
        accepted.incrementAndGet();
    }

    public void duplicate() {
        duplicates.incrementAndGet();
    }

    public void rejected() {
        rejected.incrementAndGet();
    }

    public long getAccepted() {
        return accepted.get();
    }

    public long getDuplicates() {
        return duplicates.get();
    }

    public long getRejected() {
        return rejected.get();
    }
}
