package io.logisync.ingress;

/** A request refused as a whole, with the HTTP status that says why (400, 401, 413, 415, 429). */
public class IngressRejectedException extends RuntimeException {

    private final int status;
    private final long retryAfterSeconds;

    public IngressRejectedException(int status, String message) {
        this(status, message, 0);
    }

    /** A refusal the sender may try again after so many seconds (429). */
    public IngressRejectedException(int status, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int getStatus() {
        return status;
    }

    /** Seconds the sender should wait before trying again; 0 when a retry would not help. */
    public long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }
}
