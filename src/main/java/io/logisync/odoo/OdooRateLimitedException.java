package io.logisync.odoo;

/** Odoo or its proxy answered 429; retry after the delay it asked for. */
public class OdooRateLimitedException extends OdooException {

    public OdooRateLimitedException(String model, String method, String odooName, String odooMessage, Throwable cause) {
        super(model, method, odooName, odooMessage, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
