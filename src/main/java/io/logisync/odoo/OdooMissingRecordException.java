package io.logisync.odoo;

/** A record, model or method that the call names does not exist (MissingError, NotFound). */
public class OdooMissingRecordException extends OdooException {

    public OdooMissingRecordException(String model, String method, String odooName, String odooMessage,
            Throwable cause) {
        super(model, method, odooName, odooMessage, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
