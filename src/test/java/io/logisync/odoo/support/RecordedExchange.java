package io.logisync.odoo.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One line of the recorded Odoo 19 wire transcripts. */
public record RecordedExchange(String protocol, String caseName, String method, String path, String requestBody,
        int status, String contentType, List<List<String>> responseHeaders, String responseBody, JsonNode request) {

    /** The recorded response header, or null. */
    public String responseHeader(String name) {
        return responseHeaders.stream().filter(pair -> pair.get(0).equalsIgnoreCase(name)).map(pair -> pair.get(1))
                .findFirst().orElse(null);
    }
}
