package io.logisync.flow;

import io.logisync.odoo.OdooOutcomeUnknownException;
import io.logisync.odoo.OdooRateLimitedException;
import java.net.http.HttpTimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how long to wait before the next retry of a failed Odoo call, as the error handler's
 * {@code onExceptionOccurred} step, which Camel runs before it works out the delay: the exponential backoff of
 * {@code logisync.retry.*}, raised to the {@code Retry-After} that Odoo or its proxy asked for, and, when a change
 * got no reply within the read timeout, raised to that timeout, since Odoo may still be running the call and the
 * retry re-reads before it changes anything. No wait is longer than {@code logisync.retry.max-delay-ms}.
 */
public class OdooRetryDelay implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(OdooRetryDelay.class);

    private final long firstDelayMs;
    private final long maxDelayMs;
    private final long readTimeoutMs;

    public OdooRetryDelay(long firstDelayMs, long maxDelayMs, long readTimeoutMs) {
        if (firstDelayMs < 0 || maxDelayMs < firstDelayMs) {
            throw new IllegalArgumentException("logisync.retry.delay-ms must be at least 0 and at most"
                    + " logisync.retry.max-delay-ms, but they were " + firstDelayMs + " and " + maxDelayMs);
        }
        this.firstDelayMs = firstDelayMs;
        this.maxDelayMs = maxDelayMs;
        this.readTimeoutMs = readTimeoutMs;
    }

    @Override
    public void process(Exchange exchange) {
        int attempt = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        Throwable cause = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        long delay = delayMillis(attempt, cause);
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay);
        LOG.debug("Event {} retry {} of an Odoo call in {} ms", exchange.getMessage().getHeader(EventHeaders.ID),
                attempt, delay);
    }

    /** The wait before retry number {@code attempt} (from 1) after {@code cause}. */
    public long delayMillis(int attempt, Throwable cause) {
        long answer = backoff(attempt);
        OdooRateLimitedException limited = find(cause, OdooRateLimitedException.class);
        if (limited != null && limited.getRetryAfter() != null) {
            answer = Math.max(answer, limited.getRetryAfter().toMillis());
        }
        OdooOutcomeUnknownException unknown = find(cause, OdooOutcomeUnknownException.class);
        // Known gap: a proxy's 504 on a change also leaves Odoo running the call, but its own timeout is not known.
        if (unknown != null && find(unknown, HttpTimeoutException.class) != null) {
            answer = Math.max(answer, readTimeoutMs);
        }
        return Math.min(answer, maxDelayMs);
    }

    /** The delay of {@code logisync.retry.*} alone: the first delay, doubled at each retry, at most the longest. */
    long backoff(int attempt) {
        long answer = firstDelayMs;
        for (int i = 1; i < attempt && answer < maxDelayMs; i++) {
            answer *= 2;
        }
        return Math.min(Math.max(answer, firstDelayMs), maxDelayMs);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable each = failure; each != null; each = each.getCause() == each ? null : each.getCause()) {
            if (type.isInstance(each)) {
                return type.cast(each);
            }
        }
        return null;
    }
}
