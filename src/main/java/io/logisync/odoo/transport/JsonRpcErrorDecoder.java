package io.logisync.odoo.transport;

import io.logisync.odoo.OdooException;
import java.time.Clock;
import java.util.Map;

/**
 * Decodes a failed JSON-RPC exchange. Odoo answers 200 with {@code error.data.name} for every server-side error, so
 * the name decides; non-200 replies come from Odoo's router (HTML) or a proxy.
 */
public final class JsonRpcErrorDecoder {

    private final Clock clock;

    public JsonRpcErrorDecoder(Clock clock) {
        this.clock = clock;
    }

    /** A reply that is not a 200 JSON envelope. */
    public OdooException decodeHttp(Call call, WireResponse response) {
        if (response.status() == 429) {
            return ReplyFailures.rateLimited(call, response, clock);
        }
        return ReplyFailures.notOdooJson(call, response);
    }

    /** The {@code error} member of a JSON-RPC envelope. */
    public OdooException decodeError(Call call, Map<?, ?> error) {
        Object data = error.get("data");
        String name = null;
        String message = null;
        if (data instanceof Map<?, ?> details) {
            name = details.get("name") instanceof String text ? text : null;
            message = details.get("message") instanceof String text ? text : null;
        }
        if (message == null && error.get("message") instanceof String text) {
            message = text;
        }
        // code 100 is Odoo's "session expired", sent without a useful name by some versions
        if (name == null && error.get("code") instanceof Number code && code.intValue() == 100) {
            return ErrorKind.AUTHENTICATION.toException(call, null, message, null);
        }
        return OdooErrorNames.classify(name, message).toException(call, name, message, null);
    }
}
