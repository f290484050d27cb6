package io.logisync.odoo.transport;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Posts one JSON-RPC 2.0 {@code call} to {@code /jsonrpc} and unwraps its {@code result} or typed error. */
public final class JsonRpcEndpoint implements RpcEndpoint {

    private final HttpTransport http;
    private final JsonRpcErrorDecoder errors;
    private final AtomicLong ids = new AtomicLong();

    public JsonRpcEndpoint(HttpTransport http, Clock clock) {
        this.http = http;
        this.errors = new JsonRpcErrorDecoder(clock);
    }

    @Override
    public Object call(String service, String method, List<Object> args, Call call) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("service", service);
        params.put("method", method);
        params.put("args", args);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("jsonrpc", "2.0");
        envelope.put("method", "call");
        envelope.put("params", params);
        envelope.put("id", ids.incrementAndGet());
        WireResponse response = http.postJson("/jsonrpc", Map.of(), OdooJson.write(envelope), call);
        if (!response.isSuccess() || !response.isJson()) {
            throw errors.decodeHttp(call, response);
        }
        Object decoded;
        try {
            decoded = OdooJson.read(response.body());
        } catch (Exception e) {
            throw ReplyFailures.unreadable(call, response, e);
        }
        if (!(decoded instanceof Map<?, ?> reply)) {
            throw ReplyFailures.unreadable(call, response, null);
        }
        if (reply.get("error") instanceof Map<?, ?> error) {
            throw errors.decodeError(call, error);
        }
        if (!reply.containsKey("result")) {
            throw ReplyFailures.unreadable(call, response, null);
        }
        return reply.get("result");
    }
}
