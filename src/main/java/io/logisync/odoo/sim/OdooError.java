package io.logisync.odoo.sim;

import java.util.ArrayList;
import java.util.List;

/** An error as the Odoo server would raise it: its exception class and its message. */
final class OdooError extends RuntimeException {

    private static final String TRACEBACK_HEAD = "Traceback (most recent call last):\n  (frames elided)\n";

    private final ErrorKind kind;

    OdooError(ErrorKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    static OdooError userError(String message) {
        return new OdooError(ErrorKind.USER_ERROR, message);
    }

    static OdooError validation(String message) {
        return new OdooError(ErrorKind.VALIDATION_ERROR, message);
    }

    static OdooError valueError(String message) {
        return new OdooError(ErrorKind.VALUE_ERROR, message);
    }

    static OdooError typeError(String message) {
        return new OdooError(ErrorKind.TYPE_ERROR, message);
    }

    /** What Odoo raises once its own retries of a concurrent update are spent; psycopg2 ends it with a newline. */
    static OdooError serializationFailure() {
        return new OdooError(ErrorKind.SERIALIZATION_FAILURE, "could not serialize access due to concurrent update\n");
    }

    static OdooError missing(String model, List<Long> ids, long uid) {
        return new OdooError(ErrorKind.MISSING_ERROR, "Record does not exist or has been deleted.\n(Record: "
                + PyRepr.recordset(model, ids) + ", User: " + uid + ")");
    }

    ErrorKind kind() {
        return kind;
    }

    String pythonName() {
        return kind.pythonName();
    }

    int httpStatus() {
        return kind.httpStatus();
    }

    /** Python's {@code exc.args}: werkzeug exceptions also carry their status code. */
    List<Object> arguments() {
        List<Object> answer = new ArrayList<>();
        answer.add(getMessage());
        if (kind.isHttpException()) {
            answer.add(kind.httpStatus());
        }
        return answer;
    }

    /** The shortened traceback the recordings show: a fixed head and the last line Python would print. */
    String debug() {
        if (kind == ErrorKind.ACCESS_DENIED) {
            // Odoo hides the traceback of a failed login on purpose
            return kind.pythonName() + ": " + getMessage() + "\n";
        }
        String detail = switch (kind) {
            case KEY_ERROR -> PyRepr.of(getMessage());
            default -> getMessage();
        };
        String last = kind.isHttpException()
                ? kind.tracebackName() + ": " + kind.httpStatus() + " " + kind.reason() + ": " + detail
                : kind.tracebackName() + ": " + detail;
        String trimmed = last.stripTrailing();
        return TRACEBACK_HEAD + trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    }
}
