package io.logisync.odoo.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON-RPC front: {@code POST /jsonrpc}, every Odoo error inside an HTTP 200 envelope. */
final class JsonRpcFront {

    private static final String UNSUPPORTED_MEDIA = "<!doctype html>\n<html lang=en>\n"
            + "<title>415 Unsupported Media Type</title>\n<h1>Unsupported Media Type</h1>\n"
            + "<p>Request inferred type is compatible with [&#39;http&#39;] but &#39;/jsonrpc&#39; is "
            + "type=&#39;jsonrpc&#39;.<br><br>Please verify the Content-Type request header and try again.</p>\n";

    private final ExternalApi api;

    JsonRpcFront(ExternalApi api) {
        this.api = api;
    }

    SimulatorCall serve(HttpExchange exchange, byte[] body) throws IOException {
        CallTrace trace = new CallTrace("jsonrpc");
        if (!exchange.getRequestMethod().equals("POST")) {
            HttpReply.html(exchange, 405, "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n"
                    + "<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n");
            return trace.finish(405, null);
        }
        if (!Json2Front.isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            HttpReply.html(exchange, 415, UNSUPPORTED_MEDIA);
            return trace.finish(415, null);
        }
        Object request;
        try {
            request = Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            HttpReply.send(exchange, 400, HttpReply.HTML, "Invalid JSON data".getBytes(StandardCharsets.UTF_8),
                    Map.of());
            return trace.finish(400, null);
        }
        Object id = request instanceof Map<?, ?> map ? map.get("id") : null;
        try {
            Object result = call(trace, request);
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("jsonrpc", "2.0");
            envelope.put("id", id);
            envelope.put("result", result);
            HttpReply.json(exchange, 200, envelope);
            return trace.finish(200, null);
        } catch (OdooError e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", 0);
            error.put("message", "Odoo Server Error");
            error.put("data", HttpReply.errorBody(e));
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("jsonrpc", "2.0");
            envelope.put("id", id);
            envelope.put("error", error);
            HttpReply.json(exchange, 200, envelope);
            return trace.finish(200, e.pythonName());
        }
    }

    /** Unpacks {@code params} the way Odoo calls {@code jsonrpc(service, method, args)}. */
    private Object call(CallTrace trace, Object request) {
        if (!(request instanceof Map<?, ?> envelope)) {
            throw new OdooError(ErrorKind.ATTRIBUTE_ERROR, "'" + ValueCodec.pythonType(request)
                    + "' object has no attribute 'get'");
        }
        Object params = envelope.get("params");
        Map<?, ?> named = params instanceof Map<?, ?> map ? map : Map.of();
        for (Object key : named.keySet()) {
            if (!List.of("service", "method", "args").contains(key)) {
                throw OdooError.typeError("RPC.jsonrpc() got an unexpected keyword argument " + PyRepr.of(key));
            }
        }
        for (String required : List.of("service", "method", "args")) {
            if (!named.containsKey(required)) {
                throw OdooError.typeError("RPC.jsonrpc() missing 1 required positional argument: "
                        + PyRepr.of(required));
            }
        }
        Object args = named.get("args");
        List<Object> positional = args instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
        return api.dispatch(trace, String.valueOf(named.get("service")), String.valueOf(named.get("method")),
                positional);
    }
}
