package io.logisync.odoo;

/** Odoo could not be reached or answered through a proxy that it is down (refused, timeout, 502, 503, 504). */
public class OdooUnavailableException extends OdooException {

    public OdooUnavailableException(String model, String method, String odooName, String odooMessage,
            Throwable cause) {
        super(model, method, odooName, odooMessage, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
