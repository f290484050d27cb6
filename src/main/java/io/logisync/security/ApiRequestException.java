package io.logisync.security;

/** A request to one of logisync's JSON APIs that cannot be done, with the HTTP status that says why (400, 404, 409). */
public class ApiRequestException extends RuntimeException {

    private final int status;

    public ApiRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
