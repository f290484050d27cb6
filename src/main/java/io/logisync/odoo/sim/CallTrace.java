package io.logisync.odoo.sim;

import java.time.Instant;

/** What is known of a call while it is served; becomes a {@link SimulatorCall} once answered. */
final class CallTrace {

    private final String protocol;
    private final Instant time = Instant.now();
    private String model;
    private String method;
    private int records;

    CallTrace(String protocol) {
        this.protocol = protocol;
    }

    void target(String modelName, String methodName) {
        this.model = modelName;
        this.method = methodName;
    }

    void records(int count) {
        this.records = count;
    }

    String method() {
        return method;
    }

    int records() {
        return records;
    }

    SimulatorCall finish(int status, String error) {
        return new SimulatorCall(protocol, model, method, records, status, error, time);
    }
}
