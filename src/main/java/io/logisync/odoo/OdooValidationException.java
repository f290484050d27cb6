package io.logisync.odoo;

/** Odoo refused the values with a UserError, ValidationError or RedirectWarning; its message is meant for people. */
public class OdooValidationException extends OdooException {

    public OdooValidationException(String model, String method, String odooName, String odooMessage,
            Throwable cause) {
        super(model, method, odooName, odooMessage, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
