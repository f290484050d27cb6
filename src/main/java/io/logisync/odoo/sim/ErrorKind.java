package io.logisync.odoo.sim;

/** The server-side exception classes the simulator raises, with the HTTP status JSON-2 gives each. */
enum ErrorKind {
    USER_ERROR("odoo.exceptions.UserError", 422, null),
    VALIDATION_ERROR("odoo.exceptions.ValidationError", 422, null),
    MISSING_ERROR("odoo.exceptions.MissingError", 404, null),
    ACCESS_ERROR("odoo.exceptions.AccessError", 403, null),
    ACCESS_DENIED("odoo.exceptions.AccessDenied", 403, null),
    VALUE_ERROR("builtins.ValueError", 500, null),
    TYPE_ERROR("builtins.TypeError", 500, null),
    KEY_ERROR("builtins.KeyError", 500, null),
    INDEX_ERROR("builtins.IndexError", 500, null),
    ATTRIBUTE_ERROR("builtins.AttributeError", 500, null),
    EXCEPTION("builtins.Exception", 500, null),
    OPERATIONAL_ERROR("psycopg2.OperationalError", 500, null),
    OVERFLOW_ERROR("builtins.OverflowError", 500, null),
    EXPAT_ERROR("xml.parsers.expat.ExpatError", 500, null),
    RESPONSE_ERROR("xmlrpc.client.ResponseError", 500, null),
    SERIALIZATION_FAILURE("psycopg2.errors.SerializationFailure", 500, null),
    NOT_FOUND("werkzeug.exceptions.NotFound", 404, "Not Found"),
    UNPROCESSABLE("werkzeug.exceptions.UnprocessableEntity", 422, "Unprocessable Entity"),
    BAD_REQUEST("werkzeug.exceptions.BadRequest", 400, "Bad Request"),
    UNAUTHORIZED("werkzeug.exceptions.Unauthorized", 401, "Unauthorized");

    private final String pythonName;
    private final int httpStatus;
    private final String reason;

    ErrorKind(String pythonName, int httpStatus, String reason) {
        this.pythonName = pythonName;
        this.httpStatus = httpStatus;
        this.reason = reason;
    }

    String pythonName() {
        return pythonName;
    }

    int httpStatus() {
        return httpStatus;
    }

    /** Werkzeug HTTP exceptions carry their status code in {@code arguments} and their reason in the traceback. */
    boolean isHttpException() {
        return reason != null;
    }

    String reason() {
        return reason;
    }

    /** The class name as a Python traceback prints it: builtins lose their module prefix. */
    String tracebackName() {
        return pythonName.startsWith("builtins.") ? pythonName.substring("builtins.".length()) : pythonName;
    }
}
