package io.logisync.odoo.transport;

import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Optional;

/** An HTTP reply from Odoo (or from whatever stands in front of it), body already read as text. */
public record WireResponse(int status, HttpHeaders headers, String body) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** True when the server says the body is JSON; proxies and some Odoo errors answer HTML instead. */
    public boolean isJson() {
        return contentType().toLowerCase(Locale.ROOT).contains("json");
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
