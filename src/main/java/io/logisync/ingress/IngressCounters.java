package io.logisync.ingress;

import java.util.concurrent.atomic.AtomicLong;

/** Counts what happened to events at the door since start: accepted, duplicates, rejected. */
public class IngressCounters {

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

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
