package io.logisync.odoo;

/** Odoo refused the operation to this user (AccessError, or a private method). */
public class OdooAccessException extends OdooException {

    public OdooAccessException(String model, String method, String odooName, String odooMessage,
            Throwable cause) {
        super(model, method, odooName, odooMessage, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
