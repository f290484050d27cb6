package io.logisync.odoo;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An {@link OdooClient} that counts and times every call it passes on: counter {@value #CALLS} tagged
 * {@code model}, {@code method} and {@code outcome} ({@code ok}, or the failure's kind such as {@code validation} or
 * {@code unavailable}), and timer {@value #DURATION} with a percentile histogram tagged {@code model} and
 * {@code method}.
 *
 * <p>Only {@link #execute} reaches the wrapped client; the interface's other methods are built on it, so each page of
 * {@code searchReadAll} and each split of {@code createEach} counts as the call it really is.
 */
public final class MeteredOdooClient implements OdooClient {

    /** Counter of calls by model, method and outcome. */
    public static final String CALLS = "odoo.calls";

    /** Timer of calls by model and method, failures included. */
    public static final String DURATION = "odoo.call.duration";

    private final OdooClient delegate;
    private final MeterRegistry registry;

    public MeteredOdooClient(OdooClient delegate, MeterRegistry registry) {
        if (delegate == null || registry == null) {
            throw new IllegalArgumentException("a metered client needs a client and a meter registry");
        }
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public Object execute(String model, String method, Map<String, Object> params, OdooContext context) {
        long started = System.nanoTime();
        String outcome = CallOutcome.OK;
        try {
            return delegate.execute(model, method, params, context);
        } catch (RuntimeException | Error e) {
            outcome = CallOutcome.of(e);
            throw e;
        } finally {
            record(tag(model), tag(method), outcome, System.nanoTime() - started);
        }
    }

    private void record(String model, String method, String outcome, long nanos) {
        registry.counter(CALLS, "model", model, "method", method, "outcome", outcome).increment();
        Timer.builder(DURATION).description("Odoo call duration, failures included")
                .tags("model", model, "method", method).publishPercentileHistogram().register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    // a tag value cannot be null; a call without a model is refused by the client before it is sent anyway
    private static String tag(String value) {
        return value == null || value.isEmpty() ? "none" : value;
    }

    /** The client that makes the calls. */
    public OdooClient delegate() {
        return delegate;
    }

    @Override
    public String serverVersion() {
        return delegate.serverVersion();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "Metered" + delegate;
    }
}
