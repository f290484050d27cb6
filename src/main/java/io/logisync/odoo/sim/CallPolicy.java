package io.logisync.odoo.sim;

import java.util.concurrent.Semaphore;

/**
 * Decides how a call is served around the ORM: its latency, and the faults armed in {@link FaultRules}. Every protocol
 * front reaches the ORM through {@link ExternalApi}, which asks here before and after running a call, so every
 * protocol gets the same delays and failures.
 */
final class CallPolicy {

    private final FaultRules faults;
    private volatile Latency latency = Latency.NONE;
    private volatile Semaphore workers;

    CallPolicy(FaultRules faults) {
        this.faults = faults;
    }

    void setLatency(Latency newLatency) {
        this.latency = newLatency == null ? Latency.NONE : newLatency;
        this.workers = latency.workers() > 0 ? new Semaphore(latency.workers(), true) : null;
    }

    Latency latency() {
        return latency;
    }

    /**
     * Runs outside the store's lock, so a slow call does not hold up the others. Throws {@link InjectedFailure} for a
     * proxy's answer and {@link OdooError} for Odoo's own; a slow call only waits longer.
     */
    void beforeExecute(CallTrace trace) {
        // Known gap: proxy faults are decided here, so Odoo's earlier refusals (bad key, bad arguments) answer first.
        Fault fault = faults.pick(trace.model(), trace.method(), false);
        if (fault != null) {
            trace.fault(fault.kind().label());
            if (fault.kind().proxyStatus() != 0) {
                // the proxy answers at once: the call never reached Odoo, so it costs none of Odoo's latency
                throw new InjectedFailure(trace, fault);
            }
        }
        work(latency.millisFor(trace.model(), trace.method(), trace.records()));
        if (fault == null) {
            return;
        }
        switch (fault.kind()) {
            case SLOW -> sleep(fault.delay().toMillis());
            // Odoo retried the transaction itself and gave up: nothing was changed, and its error says so
            // Known gap: Odoo's own backoff between its 5 tries (seconds) is not waited; only the latency is.
            case SERIALIZATION_FAILURE -> throw OdooError.serializationFailure();
            default -> throw new IllegalStateException("fault " + fault.kind() + " is not decided before a call");
        }
    }

    /** Runs once the call is committed; a lost reply then drops the answer of a change that really happened. */
    void afterExecute(CallTrace trace) {
        Fault fault = faults.pick(trace.model(), trace.method(), true);
        if (fault != null) {
            trace.fault(fault.kind().label());
            throw new InjectedFailure(trace, fault);
        }
    }

    /** Odoo's own time for a call: the call waits for one of Odoo's workers first, when their number is limited. */
    private void work(long millis) {
        Semaphore limit = workers;
        if (limit == null || millis <= 0) {
            sleep(millis);
            return;
        }
        try {
            limit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            sleep(millis);
        } finally {
            limit.release();
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
