package io.logisync.odoo.sim;

import java.time.Duration;

/**
 * One fault rule: which failure, on which calls (a model and/or method, or every call), how many times, and how
 * likely on each matching call. Immutable; arm it with {@link SimulatorFaults#inject(Fault)}.
 *
 * <pre>{@code
 * odoo.faults().inject(Fault.lostReply().on("account.move", "action_post").times(1));
 * odoo.faults().seed(42).inject(Fault.serviceUnavailable().withProbability(0.05));
 * }</pre>
 *
 * @param kind the failure
 * @param model the model it targets, or null for any
 * @param method the method it targets, or null for any
 * @param times how many matching calls it fails at most ({@link #UNLIMITED} for no limit)
 * @param probability the chance that a matching call fails, in (0, 1]
 * @param retryAfter the {@code Retry-After} of {@link FaultKind#RATE_LIMITED}, or null to send none
 * @param delay the delay of {@link FaultKind#SLOW}
 */
public record Fault(FaultKind kind, String model, String method, int times, double probability, Duration retryAfter,
        Duration delay) {

    /** {@link #times} of a rule that never runs out. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public Fault {
        if (kind == null) {
            throw new IllegalArgumentException("a fault needs a kind");
        }
        if (times < 1) {
            throw new IllegalArgumentException("a fault applies at least once, got times=" + times);
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("a fault's probability must be in (0, 1], got " + probability);
        }
        if (kind == FaultKind.SLOW && (delay == null || delay.isNegative() || delay.isZero())) {
            throw new IllegalArgumentException("a slow fault needs a positive delay");
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("Retry-After cannot be negative");
        }
    }

    /** Every call, every time, of the given kind; narrow it with the {@code on}, {@code times} and probability. */
    public static Fault of(FaultKind kind) {
        return new Fault(kind, null, null, UNLIMITED, 1.0, null, null);
    }

    /** A proxy's 502 Bad Gateway page. */
    public static Fault badGateway() {
        return of(FaultKind.BAD_GATEWAY);
    }

    /** A proxy's 503 Service Unavailable page. */
    public static Fault serviceUnavailable() {
        return of(FaultKind.SERVICE_UNAVAILABLE);
    }

    /** A proxy's 504 Gateway Time-out page. */
    public static Fault gatewayTimeout() {
        return of(FaultKind.GATEWAY_TIMEOUT);
    }

    /** A proxy's 429 page with {@code Retry-After} in whole seconds (null sends no header). */
    public static Fault rateLimited(Duration retryAfter) {
        return new Fault(FaultKind.RATE_LIMITED, null, null, UNLIMITED, 1.0, retryAfter, null);
    }

    /** Odoo's {@code psycopg2.errors.SerializationFailure}, in each protocol's own error shape. */
    public static Fault serializationFailure() {
        return of(FaultKind.SERIALIZATION_FAILURE);
    }

    /** A delay before the call runs, e.g. longer than the client's read timeout. */
    public static Fault slow(Duration delay) {
        return new Fault(FaultKind.SLOW, null, null, UNLIMITED, 1.0, null, delay);
    }

    /** The call is applied, then the connection is dropped before the reply is written. */
    public static Fault lostReply() {
        return of(FaultKind.LOST_REPLY);
    }

    /** Only calls of {@code method} on {@code model}; null for either means any. */
    public Fault on(String targetModel, String targetMethod) {
        return new Fault(kind, targetModel, targetMethod, times, probability, retryAfter, delay);
    }

    /** Only calls on {@code targetModel}, whatever the method. */
    public Fault onModel(String targetModel) {
        return on(targetModel, method);
    }

    /** Only calls of {@code targetMethod}, whatever the model. */
    public Fault onMethod(String targetMethod) {
        return on(model, targetMethod);
    }

    /** The next {@code count} matching calls that it fails, then the rule is spent. */
    public Fault times(int count) {
        return new Fault(kind, model, method, count, probability, retryAfter, delay);
    }

    /** Fails each matching call with probability {@code p}, drawn from the simulator's seeded random. */
    public Fault withProbability(double p) {
        return new Fault(kind, model, method, times, p, retryAfter, delay);
    }

    /** True when a call of {@code callMethod} on {@code callModel} is one this rule targets. */
    boolean targets(String callModel, String callMethod) {
        return (model == null || model.equals(callModel)) && (method == null || method.equals(callMethod));
    }
}
