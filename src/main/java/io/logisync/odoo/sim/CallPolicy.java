package io.logisync.odoo.sim;

import java.util.Set;

/**
 * Decides how a call is served before the ORM runs it. Today it only delays; fault injection (errors, timeouts,
 * dropped connections) belongs here too, so that every protocol gets it alike.
 */
final class CallPolicy {

    private static final Set<String> PER_RECORD_METHODS = Set.of("create", "action_post");

    private volatile Latency latency = Latency.NONE;

    void setLatency(Latency newLatency) {
        this.latency = newLatency == null ? Latency.NONE : newLatency;
    }

    Latency latency() {
        return latency;
    }

    /** Runs outside the store's lock, so a slow call does not hold up the others. */
    void beforeExecute(CallTrace trace) {
        Latency current = latency;
        long millis = current.fixedMillis();
        if (PER_RECORD_METHODS.contains(trace.method())) {
            millis += current.perRecordMillis() * trace.records();
        }
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
