package io.logisync.odoo.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the recorded exchanges (test resources {@code odoo-wire/*.jsonl}, copied from the shared recordings). */
public final class WireCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Map<String, RecordedExchange>> CACHE = new LinkedHashMap<>();

    private WireCases() {
    }

    public static Map<String, RecordedExchange> json2() {
        return load("json2");
    }

    public static Map<String, RecordedExchange> jsonRpc() {
        return load("jsonrpc");
    }

    public static Map<String, RecordedExchange> xmlRpc() {
        return load("xmlrpc");
    }

    public static RecordedExchange json2(String caseName) {
        return require(json2(), caseName);
    }

    public static RecordedExchange jsonRpc(String caseName) {
        return require(jsonRpc(), caseName);
    }

    public static RecordedExchange xmlRpc(String caseName) {
        return require(xmlRpc(), caseName);
    }

    private static RecordedExchange require(Map<String, RecordedExchange> cases, String caseName) {
        RecordedExchange exchange = cases.get(caseName);
        if (exchange == null) {
            throw new IllegalArgumentException("No recorded case " + caseName);
        }
        return exchange;
    }

    private static synchronized Map<String, RecordedExchange> load(String protocol) {
        return CACHE.computeIfAbsent(protocol, WireCases::read);
    }

    private static Map<String, RecordedExchange> read(String protocol) {
        String resource = "/odoo-wire/" + protocol + ".jsonl";
        Map<String, RecordedExchange> cases = new LinkedHashMap<>();
        try (var in = WireCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                List<List<String>> headers = new ArrayList<>();
                node.path("response_headers").forEach(pair -> headers.add(List.of(pair.get(0).asText(),
                        pair.get(1).asText())));
                String requestBody = node.path("request_body").isNull() ? "" : node.path("request_body").asText();
                JsonNode request = null;
                try {
                    request = requestBody.isBlank() ? null : JSON.readTree(requestBody);
                } catch (IOException notJson) {
                    // c5_*_invalid_json sends a broken body on purpose, and XML-RPC bodies are XML
                }
                RecordedExchange exchange = new RecordedExchange(protocol, node.get("case").asText(),
                        node.get("method").asText(), node.get("path").asText(), requestBody,
                        node.get("status").asInt(), node.path("content_type").asText(""), headers,
                        node.path("response_body").isNull() ? "" : node.path("response_body").asText(), request);
                cases.put(exchange.caseName(), exchange);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
