package io.logisync.odoo;

/**
 * A state-changing call whose reply was lost (read timeout, dropped connection, 502/504 or an unreadable reply after
 * the request was sent): it may or may not have been applied, so the caller must re-read before retrying.
 */
public class OdooOutcomeUnknownException extends OdooException {

    public OdooOutcomeUnknownException(String model, String method, String odooName, String odooMessage,
            Throwable cause) {
        super(model, method, odooName, odooMessage, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
