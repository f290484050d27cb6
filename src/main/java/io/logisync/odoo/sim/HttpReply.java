package io.logisync.odoo.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes answers with the content types and error bodies Odoo uses. */
final class HttpReply {

    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";

    private static final ThreadLocal<Runnable> BEFORE_REPLY = new ThreadLocal<>();

    private HttpReply() {
    }

    /** Runs {@code hook} on this thread once, just before the next reply's status line is written. */
    static void beforeReply(Runnable hook) {
        BEFORE_REPLY.set(hook);
    }

    static void clearBeforeReply() {
        BEFORE_REPLY.remove();
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, JSON, Json.write(body), Map.of());
    }

    static void json(HttpExchange exchange, int status, Object body, Map<String, String> headers) throws IOException {
        send(exchange, status, JSON, Json.write(body), headers);
    }

    static void html(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, HTML, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean head = exchange.getRequestMethod().equals("HEAD");
        Runnable hook = BEFORE_REPLY.get();
        if (hook != null) {
            BEFORE_REPLY.remove();
            hook.run();
        }
        exchange.sendResponseHeaders(status, body.length == 0 || head ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }

    /** Odoo's serialized exception: {@code {name, message, arguments, context, debug}}. */
    static Map<String, Object> errorBody(OdooError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", error.pythonName());
        body.put("message", error.getMessage());
        body.put("arguments", error.arguments());
        body.put("context", Map.of());
        body.put("debug", error.debug());
        return body;
    }

    /** Werkzeug's page for a URL no route serves. */
    static final String NOT_FOUND_PAGE = "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n"
            + "<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually "
            + "please check your spelling and try again.</p>\n";
}
