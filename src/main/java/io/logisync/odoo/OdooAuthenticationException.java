package io.logisync.odoo;

/** The credentials (API key, password, database or user) were refused. */
public class OdooAuthenticationException extends OdooException {

    public OdooAuthenticationException(String model, String method, String odooName, String odooMessage,
            Throwable cause) {
        super(model, method, odooName, odooMessage, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
