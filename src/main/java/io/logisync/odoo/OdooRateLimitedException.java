package io.logisync.odoo;

import java.time.Duration;

/** Odoo or its proxy answered 429; retry after the delay it asked for. */
public class OdooRateLimitedException extends OdooException {

    private final Duration retryAfter;

    public OdooRateLimitedException(String model, String method, String odooName, String odooMessage,
            Throwable cause) {
        this(model, method, odooName, odooMessage, null, cause);
    }

    public OdooRateLimitedException(String model, String method, String odooName, String odooMessage,
            Duration retryAfter, Throwable cause) {
        super(model, method, odooName, odooMessage, cause);
        this.retryAfter = retryAfter;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    /** The delay from the {@code Retry-After} header (seconds or HTTP date); null when the server gave none. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
