package io.logisync.odoo.transport;

import io.logisync.odoo.OdooException;
import java.time.Clock;
import java.util.Map;

/**
 * Decodes a failed JSON-2 reply. The body {@code {name, message, ...}} decides the type; the status only breaks ties
 * when Odoo sent no name, because a 500 covers both a bad argument and a crashed worker.
 */
public final class Json2ErrorDecoder {

    private final Clock clock;

    public Json2ErrorDecoder(Clock clock) {
        this.clock = clock;
    }

    public OdooException decode(Call call, WireResponse response) {
        if (response.status() == 429) {
            return ReplyFailures.rateLimited(call, response, clock);
        }
        if (!response.isJson()) {
            return ReplyFailures.notOdooJson(call, response);
        }
        Object decoded;
        try {
            decoded = OdooJson.read(response.body());
        } catch (Exception e) {
            return ReplyFailures.unreadable(call, response, e);
        }
        if (!(decoded instanceof Map<?, ?> error) || !(error.get("name") instanceof String name)) {
            return byStatus(call, response, decoded);
        }
        String message = error.get("message") instanceof String text ? text : null;
        return OdooErrorNames.classify(name, message).toException(call, name, message, null);
    }

    private static OdooException byStatus(Call call, WireResponse response, Object decoded) {
        String message = decoded instanceof Map<?, ?> map && map.get("message") instanceof String text
                ? text : "HTTP " + response.status() + ": " + ReplyFailures.snippet(response.body());
        ErrorKind kind = switch (response.status()) {
            case 400, 415, 422 -> ErrorKind.BAD_REQUEST;
            case 401 -> ErrorKind.AUTHENTICATION;
            case 403 -> ErrorKind.ACCESS;
            case 404 -> ErrorKind.MISSING;
            case 503 -> ErrorKind.UNAVAILABLE;
            default -> ErrorKind.lostReply(call);
        };
        return kind.toException(call, null, message, null);
    }
}
