package io.logisync.odoo.transport;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps an Odoo error's {@code name} (the dotted Python class) and message to an {@link ErrorKind}; the same table
 * serves every transport, since JSON-RPC answers 200 for everything and JSON-2's 500 covers both bugs and outages.
 */
public final class OdooErrorNames {

    private static final Map<String, ErrorKind> BY_NAME = Map.ofEntries(
            Map.entry("odoo.exceptions.UserError", ErrorKind.VALIDATION),
            Map.entry("odoo.exceptions.ValidationError", ErrorKind.VALIDATION),
            Map.entry("odoo.exceptions.RedirectWarning", ErrorKind.VALIDATION),
            Map.entry("odoo.exceptions.except_orm", ErrorKind.VALIDATION),
            Map.entry("odoo.exceptions.Warning", ErrorKind.VALIDATION),
            Map.entry("psycopg2.IntegrityError", ErrorKind.VALIDATION),
            Map.entry("odoo.exceptions.AccessError", ErrorKind.ACCESS),
            Map.entry("werkzeug.exceptions.Forbidden", ErrorKind.ACCESS),
            Map.entry("odoo.exceptions.AccessDenied", ErrorKind.AUTHENTICATION),
            Map.entry("werkzeug.exceptions.Unauthorized", ErrorKind.AUTHENTICATION),
            Map.entry("odoo.http.SessionExpiredException", ErrorKind.AUTHENTICATION),
            Map.entry("odoo.exceptions.MissingError", ErrorKind.MISSING),
            Map.entry("werkzeug.exceptions.NotFound", ErrorKind.MISSING),
            Map.entry("builtins.ValueError", ErrorKind.BAD_REQUEST),
            Map.entry("builtins.TypeError", ErrorKind.BAD_REQUEST),
            Map.entry("builtins.KeyError", ErrorKind.BAD_REQUEST),
            Map.entry("builtins.AttributeError", ErrorKind.BAD_REQUEST),
            Map.entry("werkzeug.exceptions.UnprocessableEntity", ErrorKind.BAD_REQUEST),
            Map.entry("werkzeug.exceptions.BadRequest", ErrorKind.BAD_REQUEST),
            Map.entry("werkzeug.exceptions.UnsupportedMediaType", ErrorKind.BAD_REQUEST),
            Map.entry("werkzeug.exceptions.MethodNotAllowed", ErrorKind.BAD_REQUEST),
            Map.entry("psycopg2.errors.SerializationFailure", ErrorKind.CONCURRENCY),
            Map.entry("psycopg2.extensions.TransactionRollbackError", ErrorKind.CONCURRENCY),
            Map.entry("psycopg2.errors.DeadlockDetected", ErrorKind.CONCURRENCY),
            Map.entry("psycopg2.errors.LockNotAvailable", ErrorKind.CONCURRENCY),
            Map.entry("odoo.exceptions.ConcurrencyError", ErrorKind.CONCURRENCY),
            Map.entry("psycopg2.OperationalError", ErrorKind.UNAVAILABLE),
            Map.entry("werkzeug.exceptions.ServiceUnavailable", ErrorKind.UNAVAILABLE),
            Map.entry("werkzeug.exceptions.BadGateway", ErrorKind.UNAVAILABLE),
            Map.entry("werkzeug.exceptions.GatewayTimeout", ErrorKind.UNAVAILABLE));

    // JSON-RPC reports an unknown model as a UserError and an unknown method as an AttributeError; JSON-2 says
    // NotFound for both. Recognising the messages keeps the two transports in the same exception family.
    // Known gap: these messages are matched in English; with another context lang they stay Validation/BadRequest.
    private static final Pattern UNKNOWN_MODEL = Pattern.compile("^Object \\S+ doesn't exist$");
    private static final Pattern UNKNOWN_METHOD = Pattern.compile("^The method '\\S+' does not exist$");
    private static final Pattern MISSING_DATABASE = Pattern.compile("database \"[^\"]*\" does not exist");

    private OdooErrorNames() {
    }

    /**
     * The kind for an Odoo error. A name nobody listed is treated as {@link ErrorKind#BAD_REQUEST}: Odoo raises
     * deterministic bugs under many names, and retrying them forever is worse than parking the message.
     */
    public static ErrorKind classify(String name, String message) {
        String text = message == null ? "" : message.trim();
        if (text.toLowerCase(Locale.ROOT).contains("could not serialize access")) {
            return ErrorKind.CONCURRENCY;
        }
        if (name == null) {
            return ErrorKind.BAD_REQUEST;
        }
        if ("odoo.exceptions.UserError".equals(name) && UNKNOWN_MODEL.matcher(text).matches()
                || "builtins.AttributeError".equals(name) && UNKNOWN_METHOD.matcher(text).matches()) {
            return ErrorKind.MISSING;
        }
        // a database that does not exist is a configuration error, not an outage: retrying cannot fix it
        if (name.startsWith("psycopg2.") && MISSING_DATABASE.matcher(text).find()) {
            return ErrorKind.AUTHENTICATION;
        }
        ErrorKind known = BY_NAME.get(name);
        if (known != null) {
            return known;
        }
        if (name.endsWith(".ConcurrencyError") || name.endsWith(".TransactionRollbackError")) {
            return ErrorKind.CONCURRENCY;
        }
        if (name.startsWith("psycopg2.errors.") && name.endsWith("Violation")) {
            return ErrorKind.VALIDATION;
        }
        return ErrorKind.BAD_REQUEST;
    }
}
