package io.logisync.odoo.transport;

import io.logisync.odoo.OdooException;
import io.logisync.odoo.OdooRateLimitedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * Turns failures that carry no Odoo error name (I/O errors, 429, HTML pages, unreadable bodies) into the typed
 * family; shared by the transports because a proxy or a dead socket looks the same to both.
 */
public final class ReplyFailures {

    private static final int SNIPPET = 200;

    private ReplyFailures() {
    }

    /** The request could not be sent, or its reply was lost. */
    public static OdooException ioFailure(Call call, String target, IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return ErrorKind.UNAVAILABLE.toException(call, null, "connect timeout to " + target, e);
        }
        if (e instanceof ConnectException) {
            return ErrorKind.UNAVAILABLE.toException(call, null, "cannot connect to " + target + " ("
                    + describe(e) + ")", e);
        }
        if (e instanceof HttpTimeoutException) {
            return ErrorKind.lostReply(call).toException(call, null, "no reply from " + target
                    + " within the read timeout" + outcomeHint(call), e);
        }
        return ErrorKind.lostReply(call).toException(call, null, "reply from " + target + " was lost ("
                + describe(e) + ")" + outcomeHint(call), e);
    }

    /** The thread was interrupted while waiting; the request may already be on its way. */
    public static OdooException interrupted(Call call, String target, InterruptedException e) {
        return ErrorKind.lostReply(call).toException(call, null, "interrupted while calling " + target
                + outcomeHint(call), e);
    }

    /** The reply said 200 (or JSON) but its body cannot be parsed. */
    public static OdooException unreadable(Call call, WireResponse response, Throwable cause) {
        return ErrorKind.lostReply(call).toException(call, null, "unreadable reply (HTTP " + response.status()
                + ", " + response.contentType() + "): " + snippet(response.body()) + outcomeHint(call), cause);
    }

    /** HTTP 429, from Odoo or a proxy, whatever the body says. */
    public static OdooRateLimitedException rateLimited(Call call, WireResponse response, Clock clock) {
        Duration wait = RetryAfter.parse(response.header("Retry-After").orElse(null), clock);
        return new OdooRateLimitedException(call.model(), call.method(), null,
                "rate limited (HTTP 429)" + (wait == null ? "" : ", retry after " + wait.toSeconds() + " s"),
                wait, null);
    }

    /**
     * A reply that is not Odoo's JSON: an HTML page from Odoo's router or from a proxy. Statuses where Odoo refused
     * the request before running it are final; anything else may come from a proxy that lost the reply.
     */
    public static OdooException notOdooJson(Call call, WireResponse response) {
        String body = response.body() == null ? "" : response.body();
        String detail = "HTTP " + response.status() + " " + response.contentType() + ": " + snippet(body);
        int status = response.status();
        if (status == 404 && body.contains("No database is selected")) {
            // a wrong or filtered X-Odoo-Database: like a wrong password, fixed only by configuration
            return ErrorKind.AUTHENTICATION.toException(call, null,
                    "database not found or not selectable on this server; check the database setting (" + detail
                            + ")", null);
        }
        return switch (status) {
            case 401 -> ErrorKind.AUTHENTICATION.toException(call, null, detail, null);
            case 403 -> ErrorKind.ACCESS.toException(call, null, detail, null);
            case 400, 404, 405, 411, 413, 414, 415, 422 -> ErrorKind.BAD_REQUEST.toException(call, null,
                    detail + (status == 404 ? " (check the url and protocol)" : ""), null);
            // Known gap: a Retry-After on 503 is not carried; only the rate-limited exception has getRetryAfter().
            case 503 -> ErrorKind.UNAVAILABLE.toException(call, null, detail, null);
            default -> ErrorKind.lostReply(call).toException(call, null, detail + outcomeHint(call), null);
        };
    }

    /** Trims a body for an error message: one line, a few hundred characters, tags collapsed. */
    public static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String flat = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "...";
    }

    private static String outcomeHint(Call call) {
        return call.stateChanging() ? "; the call may have been applied, re-read before retrying" : "";
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (message == null && e.getCause() != null) {
            message = e.getCause().getMessage();
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
