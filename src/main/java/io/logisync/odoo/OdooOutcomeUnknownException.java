package io.logisync.odoo;

/** A state-changing call whose reply was lost: the caller must re-read the record before retrying. */
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
