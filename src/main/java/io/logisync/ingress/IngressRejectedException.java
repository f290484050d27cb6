package io.logisync.ingress;

/** A request refused as a whole, with the HTTP status that says why (400, 401, 413, 415). */
public class IngressRejectedException extends RuntimeException {

    private final int status;

    public IngressRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
