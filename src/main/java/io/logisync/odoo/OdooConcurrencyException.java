package io.logisync.odoo;

/** Odoo hit a serialization failure in a concurrent update; the call can be retried. */
public class OdooConcurrencyException extends OdooException {

    public OdooConcurrencyException(String model, String method, String odooName, String odooMessage,
            Throwable cause) {
        super(model, method, odooName, odooMessage, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
