package io.logisync.odoo.transport;

import io.logisync.odoo.OdooAccessException;
import io.logisync.odoo.OdooAuthenticationException;
import io.logisync.odoo.OdooBadRequestException;
import io.logisync.odoo.OdooConcurrencyException;
import io.logisync.odoo.OdooException;
import io.logisync.odoo.OdooMissingRecordException;
import io.logisync.odoo.OdooOutcomeUnknownException;
import io.logisync.odoo.OdooUnavailableException;
import io.logisync.odoo.OdooValidationException;

/** The exception family an Odoo error belongs to, and how to build it. */
public enum ErrorKind {
    VALIDATION,
    ACCESS,
    AUTHENTICATION,
    MISSING,
    BAD_REQUEST,
    CONCURRENCY,
    UNAVAILABLE,
    OUTCOME_UNKNOWN;

    /** Builds the exception of this kind for the given call. */
    public OdooException toException(Call call, String odooName, String message, Throwable cause) {
        String model = call.model();
        String method = call.method();
        return switch (this) {
            case VALIDATION -> new OdooValidationException(model, method, odooName, message, cause);
            case ACCESS -> new OdooAccessException(model, method, odooName, message, cause);
            case AUTHENTICATION -> new OdooAuthenticationException(model, method, odooName, message, cause);
            case MISSING -> new OdooMissingRecordException(model, method, odooName, message, cause);
            case BAD_REQUEST -> new OdooBadRequestException(model, method, odooName, message, cause);
            case CONCURRENCY -> new OdooConcurrencyException(model, method, odooName, message, cause);
            case UNAVAILABLE -> new OdooUnavailableException(model, method, odooName, message, cause);
            case OUTCOME_UNKNOWN -> new OdooOutcomeUnknownException(model, method, odooName, message, cause);
        };
    }

    /** Unavailable for a read; outcome unknown for a call that may have changed data before its reply was lost. */
    public static ErrorKind lostReply(Call call) {
        return call.stateChanging() ? OUTCOME_UNKNOWN : UNAVAILABLE;
    }
}
