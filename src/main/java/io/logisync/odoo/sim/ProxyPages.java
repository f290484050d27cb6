package io.logisync.odoo.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The error pages a reverse proxy such as nginx answers itself when Odoo is behind it and cannot serve. */
final class ProxyPages {

    private static final Map<Integer, String> REASONS = Map.of(
            429, "Too Many Requests",
            502, "Bad Gateway",
            503, "Service Temporarily Unavailable",
            504, "Gateway Time-out");

    private ProxyPages() {
    }

    /** Answers {@code status} with the proxy's HTML page; {@code retryAfterSeconds} below 0 sends no Retry-After. */
    static void send(HttpExchange exchange, int status, long retryAfterSeconds) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Server", "nginx");
        if (retryAfterSeconds >= 0) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds));
        }
        HttpReply.send(exchange, status, "text/html", page(status).getBytes(StandardCharsets.UTF_8), headers);
    }

    static String page(int status) {
        String title = status + " " + REASONS.getOrDefault(status, "Error");
        return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }
}
