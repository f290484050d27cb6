package io.logisync.exceptions;

import io.logisync.security.ApiRequestException;

/** A request to the exceptions console that cannot be done, with its HTTP status: 400, 404 or 409. */
public class ConsoleRequestException extends ApiRequestException {

    public ConsoleRequestException(int status, String message) {
        super(status, message);
    }

    public static ConsoleRequestException notFound(long id) {
        return new ConsoleRequestException(404, "no parked message has id " + id);
    }
}
