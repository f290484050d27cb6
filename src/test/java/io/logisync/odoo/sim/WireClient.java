package io.logisync.odoo.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small HTTP client for the simulator's JSON-2 and JSON-RPC fronts, as test code would use them. */
final class WireClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One answer: status, content type and body. */
    record Answer(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final OdooSimulator odoo;
    private int rpcId;

    WireClient(OdooSimulator odoo) {
        this.odoo = odoo;
    }

    Answer send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(odoo.url() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /json/2/<model>/<method>} with the sandbox key. */
    Answer json2(String model, String method, Map<String, Object> params) {
        return send("POST", "/json/2/" + model + "/" + method, Map.of("Authorization", "bearer " + odoo.apiKey(),
                "Content-Type", "application/json", "X-Odoo-Database", odoo.database()), write(params));
    }

    /** A JSON-2 call that must succeed: its decoded result. */
    JsonNode call(String model, String method, Map<String, Object> params) {
        Answer answer = json2(model, method, params);
        if (answer.status() != 200) {
            throw new AssertionError(model + "." + method + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    /** The id of the product with this internal reference (default_code), looked up over JSON-2. */
    long productId(String code) {
        return call("product.product", "search", Map.of("domain", List.of(List.of("default_code", "=", code))))
                .get(0).asLong();
    }

    /** A simulator whose clock stands still at {@code 2026-12-03T19:29:09Z}, so that dates on the wire are known. */
    static OdooSimulator fixedClockSimulator() {
        return OdooSimulator.builder().clock(java.time.Clock.fixed(java.time.Instant.parse("2026-12-03T19:29:09Z"),
                java.time.ZoneOffset.UTC)).start();
    }

    /** A company partner, put straight into the store. */
    static long company(OdooSimulator odoo, String name) {
        return odoo.store().insert("res.partner", Map.of("name", name, "is_company", true));
    }

    /** {@code POST /jsonrpc} with {@code service.method(*args)}. */
    Answer jsonRpc(String service, String method, List<Object> args) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("service", service);
        params.put("method", method);
        params.put("args", args);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("jsonrpc", "2.0");
        envelope.put("method", "call");
        envelope.put("params", params);
        envelope.put("id", ++rpcId);
        return send("POST", "/jsonrpc", Map.of("Content-Type", "application/json"), write(envelope));
    }

    /** {@code object.execute_kw} as the admin user with the password. */
    Answer executeKw(String model, String method, List<Object> args, Map<String, Object> kwargs) {
        return jsonRpc("object", "execute_kw", List.of(odoo.database(), odoo.uid(), odoo.password(), model, method,
                args, kwargs));
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
