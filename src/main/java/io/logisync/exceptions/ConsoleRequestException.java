package io.logisync.exceptions;

/** A request to the exceptions console that cannot be done, with its HTTP status: 400, 404 or 409. */
public class ConsoleRequestException extends RuntimeException {

    private final int status;

    public ConsoleRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static ConsoleRequestException notFound(long id) {
        return new ConsoleRequestException(404, "no parked message has id " + id);
    }

    public int getStatus() {
        return status;
    }
}
