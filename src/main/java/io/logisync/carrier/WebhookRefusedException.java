package io.logisync.carrier;

/** A webhook call refused as a whole, with the HTTP status that says why (400, 401, 413). */
public class WebhookRefusedException extends RuntimeException {

    private final int status;

    public WebhookRefusedException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
