package io.logisync.odoo;

/**
 * Base of every error the odoo component raises; routes match the subtypes in {@code onException}.
 *
 * <p>Whether an error is worth retrying is decided by its type, which is decided from Odoo's error name, never from
 * the HTTP status alone.
 */
public abstract class OdooException extends RuntimeException {

    private final String model;
    private final String method;
    private final String odooName;
    private final String odooMessage;

    protected OdooException(String model, String method, String odooName, String odooMessage, Throwable cause) {
        super(describe(model, method, odooName, odooMessage), cause);
        this.model = model;
        this.method = method;
        this.odooName = odooName;
        this.odooMessage = odooMessage;
    }

    private static String describe(String model, String method, String odooName, String odooMessage) {
        return "Odoo " + model + "." + method + " failed"
                + (odooName == null ? "" : " with " + odooName)
                + (odooMessage == null ? "" : ": " + odooMessage);
    }

    /** True when the same call may succeed later (the server was unavailable, busy or in a concurrent update). */
    public abstract boolean isRetryable();

    public String getModel() {
        return model;
    }

    public String getMethod() {
        return method;
    }

    /** Odoo's own exception name, e.g. {@code odoo.exceptions.UserError}; null when Odoo gave none. */
    public String getOdooName() {
        return odooName;
    }

    /** Odoo's own message, passed through unchanged. */
    public String getOdooMessage() {
        return odooMessage;
    }
}
