package io.logisync.odoo.transport;

import io.logisync.odoo.OdooException;
import java.util.regex.Pattern;

/**
 * Maps a {@code /xmlrpc/2} fault to the typed exception family. Odoo sends code 2 for UserError and its subclasses
 * (ValidationError, MissingError) with the plain message, 3 for AccessDenied, 4 for AccessError, and 1 for anything
 * else with the traceback as text, whose last exception then decides through {@link OdooErrorNames}.
 */
final class XmlRpcFaults {

    static final int APPLICATION_ERROR = 1;
    static final int WARNING = 2;
    static final int ACCESS_DENIED = 3;
    static final int ACCESS_ERROR = 4;

    private static final String USER_ERROR = "odoo.exceptions.UserError";
    private static final String MISSING_ERROR = "odoo.exceptions.MissingError";
    // code 2 does not say which UserError it was; MissingError is recognised by its message
    // Known gap: matched in English only; with another context lang a MissingError reads as a ValidationError
    private static final Pattern MISSING = Pattern.compile("^Record does not exist or has been deleted\\.|"
            + "\\(Record: [\\w.]+\\([^)]*\\), User: \\d+\\)\\s*$");
    private static final String NO_NONE = "cannot marshal None unless allow_none is enabled";
    private static final String NO_WIDE_INT = "int exceeds XML-RPC limits";

    private XmlRpcFaults() {
    }

    /** The exception for a fault answered to {@code call}. */
    static OdooException toException(Call call, int code, String faultString) {
        return switch (code) {
            case WARNING -> {
                String name = MISSING.matcher(faultString).find() ? MISSING_ERROR : USER_ERROR;
                yield OdooErrorNames.classify(name, faultString).toException(call, name, faultString, null);
            }
            case ACCESS_DENIED -> ErrorKind.AUTHENTICATION.toException(call, "odoo.exceptions.AccessDenied",
                    faultString, null);
            case ACCESS_ERROR -> ErrorKind.ACCESS.toException(call, "odoo.exceptions.AccessError", faultString, null);
            default -> applicationError(call, PythonTraceback.parse(faultString));
        };
    }

    /**
     * True when the method ran and returned None, which Odoo's marshaller refuses ({@code allow_none=False}) after
     * the transaction committed. Only a state-changing call is answered as a success (null, as JSON-RPC gives).
     */
    static boolean isNoneResult(Call call, int code, String faultString) {
        if (code != APPLICATION_ERROR || !call.stateChanging()) {
            return false;
        }
        PythonTraceback last = PythonTraceback.parse(faultString);
        // Known gap: a result only partly None (a dict holding one) is answered as null as a whole
        return "builtins.TypeError".equals(last.name()) && last.message().startsWith(NO_NONE);
    }

    private static OdooException applicationError(Call call, PythonTraceback last) {
        if ("builtins.OverflowError".equals(last.name()) && last.message().contains(NO_WIDE_INT)) {
            return wideInteger(call, last);
        }
        if ("builtins.TypeError".equals(last.name()) && last.message().startsWith(NO_NONE)) {
            return ErrorKind.BAD_REQUEST.toException(call, last.name(), last.message()
                    + " (Odoo's XML-RPC cannot send None in a result; use JSON-2 or JSON-RPC for this call)", null);
        }
        return OdooErrorNames.classify(last.name(), last.message()).toException(call, last.name(), last.message(),
                null);
    }

    /**
     * Odoo ran the call and committed, then could not write an integer above 2^31-1 in the reply: a write's outcome
     * is then as good as unknown to the caller (the new id is lost), and a read fails the same way every time.
     */
    private static OdooException wideInteger(Call call, PythonTraceback last) {
        String message = last.message() + " (Odoo's XML-RPC cannot send integers above 2^31-1, such as wide ids; "
                + (call.stateChanging() ? "the call was applied, re-read before retrying, and " : "")
                + "use JSON-2 or JSON-RPC for them)";
        ErrorKind kind = call.stateChanging() ? ErrorKind.OUTCOME_UNKNOWN : ErrorKind.BAD_REQUEST;
        return kind.toException(call, last.name(), message, null);
    }
}
