package io.logisync.odoo.sim;

import java.time.Instant;

/** What is known of a call while it is served; becomes a {@link SimulatorCall} once answered. */
final class CallTrace {

    // The HTTP front must still log a call whose reply could not be written (the client left, e.g. after its read
    // timeout on a slow call); the fronts create the trace, so the serving thread remembers the latest one.
    private static final ThreadLocal<CallTrace> CURRENT = new ThreadLocal<>();

    private final String protocol;
    private final Instant time = Instant.now();
    private String model;
    private String method;
    private int records;
    private String fault;

    CallTrace(String protocol) {
        this.protocol = protocol;
        CURRENT.set(this);
    }

    /** The trace the current thread created last and has not yet {@link #release released}, or null. */
    static CallTrace current() {
        return CURRENT.get();
    }

    /** Forgets the current thread's trace once its exchange is over. */
    static void release() {
        CURRENT.remove();
    }

    void target(String modelName, String methodName) {
        this.model = modelName;
        this.method = methodName;
    }

    void records(int count) {
        this.records = count;
    }

    /** Records the injected fault, by its {@link FaultKind#label()} or another short name. */
    void fault(String label) {
        this.fault = label;
    }

    String model() {
        return model;
    }

    String method() {
        return method;
    }

    int records() {
        return records;
    }

    SimulatorCall finish(int status, String error) {
        return new SimulatorCall(protocol, model, method, records, status, error, time, fault);
    }
}
