package io.logisync.odoo.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What the stub server answers: status, content type, extra headers, body, and an optional delay. */
public record StubResponse(int status, String contentType, Map<String, String> headers, String body,
        long delayMillis) {

    private static final Set<String> NOT_REPLAYED = Set.of("content-length", "content-type", "connection", "date",
            "server", "set-cookie");

    public static StubResponse json(int status, String body) {
        return new StubResponse(status, "application/json; charset=utf-8", Map.of(), body, 0);
    }

    public static StubResponse json(String body) {
        return json(200, body);
    }

    /** An XML-RPC answer with Odoo's content type (always HTTP 200 from Odoo itself). */
    public static StubResponse xml(String body) {
        return new StubResponse(200, "text/xml; charset=utf-8", Map.of(), body, 0);
    }

    public static StubResponse html(int status, String body) {
        return new StubResponse(status, "text/html; charset=utf-8", Map.of(), body, 0);
    }

    /** The recorded response, replayed as it was (minus hop-by-hop headers). */
    public static StubResponse replay(RecordedExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.responseHeaders().stream().filter(pair -> !NOT_REPLAYED.contains(pair.get(0).toLowerCase()))
                .forEach(pair -> headers.put(pair.get(0), pair.get(1)));
        return new StubResponse(exchange.status(), exchange.contentType(), headers, exchange.responseBody(), 0);
    }

    /** A JSON-RPC envelope carrying {@code result}. */
    public static StubResponse rpcResult(String resultJson) {
        return json("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": " + resultJson + "}");
    }

    public StubResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new StubResponse(status, contentType, copy, body, delayMillis);
    }

    public StubResponse delayedBy(long millis) {
        return new StubResponse(status, contentType, headers, body, millis);
    }
}
