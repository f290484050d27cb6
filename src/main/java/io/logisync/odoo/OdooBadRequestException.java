package io.logisync.odoo;

/**
 * The request cannot bind: an unknown field, a bad domain, wrong arguments (ValueError, TypeError, KeyError, 400,
 * 415, 422 UnprocessableEntity), or an Odoo error name this client does not know; it fails again on every retry.
 */
public class OdooBadRequestException extends OdooException {

    public OdooBadRequestException(String model, String method, String odooName, String odooMessage,
            Throwable cause) {
        super(model, method, odooName, odooMessage, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
