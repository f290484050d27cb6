package io.logisync.odoo;

/**
 * The credentials (API key, password, database or user) were refused: AccessDenied, 401, a login answering
 * {@code false}, or a database the server does not have. Fixed by configuration, not by retrying.
 */
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
