package io.logisync.odoo.sim;

import java.util.Arrays;

/** The failures the simulator can inject into a call, each with the name its call log entry and properties use. */
public enum FaultKind {
    /** A proxy in front of Odoo answers 502 with its HTML page; the call does not reach Odoo. */
    BAD_GATEWAY("http-502", 502),
    /** A proxy answers 503 with its HTML page; the call does not reach Odoo. */
    SERVICE_UNAVAILABLE("http-503", 503),
    /** A proxy answers 504 with its HTML page; the call does not reach Odoo. */
    GATEWAY_TIMEOUT("http-504", 504),
    /** A proxy answers 429 with {@code Retry-After}; the call does not reach Odoo. */
    RATE_LIMITED("rate-limited", 429),
    /** Odoo gives up on a serialization failure after its own retries; nothing is changed. */
    SERIALIZATION_FAILURE("serialization-failure", 0),
    /** The call is delayed (e.g. past the client's read timeout), then runs and answers as usual. */
    SLOW("slow", 0),
    /** The call runs and is committed, then the connection is dropped before the reply is written. */
    LOST_REPLY("lost-reply", 0);

    private final String label;
    private final int proxyStatus;

    FaultKind(String label, int proxyStatus) {
        this.label = label;
        this.proxyStatus = proxyStatus;
    }

    /** The name in the call log and in properties, e.g. {@code http-502}. */
    public String label() {
        return label;
    }

    /** The status a proxy answers for this fault, or 0 when Odoo itself answers (or nobody does). */
    int proxyStatus() {
        return proxyStatus;
    }

    /** True for the faults decided once the call has run; the others are decided before it runs. */
    boolean afterExecute() {
        return this == LOST_REPLY;
    }

    /** The kind with this {@link #label()}. */
    public static FaultKind parse(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown fault kind '" + label + "'; expected one of "
                        + Arrays.stream(values()).map(FaultKind::label).toList()));
    }
}
