package io.logisync.odoo;

/** Names how an Odoo call ended, for metrics: {@code ok}, or the kind of its exception in a few fixed words. */
final class CallOutcome {

    static final String OK = "ok";

    private CallOutcome() {
    }

    /**
     * The kind of a failure: the subtypes that routes match on, so a dashboard splits failures as retries do.
     * Subclasses are checked before their parents (rate limited and outcome unknown are their own kinds).
     */
    static String of(Throwable failure) {
        if (failure instanceof OdooValidationException) {
            return "validation";
        }
        if (failure instanceof OdooAccessException) {
            return "access";
        }
        if (failure instanceof OdooAuthenticationException) {
            return "authentication";
        }
        if (failure instanceof OdooMissingRecordException) {
            return "missing";
        }
        if (failure instanceof OdooBadRequestException) {
            return "bad_request";
        }
        if (failure instanceof OdooConcurrencyException) {
            return "concurrency";
        }
        if (failure instanceof OdooRateLimitedException) {
            return "rate_limited";
        }
        if (failure instanceof OdooOutcomeUnknownException) {
            return "outcome_unknown";
        }
        if (failure instanceof OdooUnavailableException) {
            return "unavailable";
        }
        // a subtype nobody listed yet, or a refusal before sending (e.g. an invalid model name)
        return failure instanceof OdooException ? "odoo_error" : "client_error";
    }
}
