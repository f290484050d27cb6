package io.logisync.odoo;

/**
 * Odoo could not be reached or is down (connection refused, connect timeout, 503, {@code psycopg2.OperationalError}),
 * or a read-only call lost its reply (read timeout, 502, 504, a proxy's HTML page). Nothing was changed: retry as is.
 */
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
