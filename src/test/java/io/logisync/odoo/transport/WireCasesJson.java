package io.logisync.odoo.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads fields out of recorded bodies for assertions. */
final class WireCasesJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WireCasesJson() {
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(String json, String name) {
        return tree(json).path(name).asText(null);
    }

    /** {@code error.data.<name>} of a JSON-RPC reply, or null when the reply has no error. */
    static String rpcErrorField(String json, String name) {
        JsonNode data = tree(json).path("error").path("data");
        return data.isMissingNode() ? null : data.path(name).asText(null);
    }
}
