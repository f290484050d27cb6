package io.logisync.security;

/** A request refused for who made it: 401 when it carries no valid credentials, 403 when they lack the role. */
public class AccessDeniedException extends RuntimeException {

    private final int status;

    public AccessDeniedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static AccessDeniedException unauthenticated(String message) {
        return new AccessDeniedException(401, message);
    }

    public static AccessDeniedException forbidden(String message) {
        return new AccessDeniedException(403, message);
    }

    public int getStatus() {
        return status;
    }
}
