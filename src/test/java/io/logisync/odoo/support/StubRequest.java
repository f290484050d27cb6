package io.logisync.odoo.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A request the stub server received; header names are lower-case. */
public record StubRequest(String method, String path, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String header(String name) {
        return headers.get(name.toLowerCase());
    }
}
