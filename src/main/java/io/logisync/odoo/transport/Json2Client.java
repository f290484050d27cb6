package io.logisync.odoo.transport;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooSettings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link OdooClient} over JSON-2: {@code POST /json/2/<model>/<method>} with named arguments and a bearer key. */
public final class Json2Client implements OdooClient {

    private final OdooSettings settings;
    private final HttpTransport http;
    private final Json2ErrorDecoder errors;
    private final Map<String, String> headers;
    private volatile String version;

    public Json2Client(OdooSettings settings, HttpTransport http, Clock clock) {
        if (!settings.hasApiKey()) {
            throw new IllegalArgumentException("JSON-2 needs an API key; a password is not accepted by /json/2");
        }
        this.settings = settings;
        this.http = http;
        this.errors = new Json2ErrorDecoder(clock);
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("Authorization", "bearer " + settings.apiKey());
        if (settings.database() != null) {
            fixed.put("X-Odoo-Database", settings.database());
        }
        this.headers = Map.copyOf(fixed);
    }

    @Override
    public Object execute(String model, String method, Map<String, Object> params, OdooContext context) {
        OdooNames.check(model, method);
        Call call = Call.of(model, method);
        Map<String, Object> body = new LinkedHashMap<>();
        if (params != null) {
            body.putAll(params);
        }
        Map<String, Object> wireContext = effective(context).toWire();
        if (!wireContext.isEmpty() && !body.containsKey("context")) {
            body.put("context", wireContext);
        }
        WireResponse response = http.postJson("/json/2/" + model + "/" + method, headers, OdooJson.write(body), call);
        if (!response.isSuccess()) {
            throw errors.decode(call, response);
        }
        if (!response.isJson()) {
            throw ReplyFailures.notOdooJson(call, response);
        }
        try {
            return OdooJson.read(response.body());
        } catch (Exception e) {
            throw ReplyFailures.unreadable(call, response, e);
        }
    }

    @Override
    public String serverVersion() {
        String known = version;
        if (known == null) {
            ServerVersion probed = VersionProbe.webVersion(http);
            known = probed == null ? "unknown" : probed.version();
            version = known;
        }
        return known;
    }

    private OdooContext effective(OdooContext context) {
        return context == null ? settings.defaultContext() : context.orElse(settings.defaultContext());
    }

    @Override
    public void close() {
        // Known gap: Java 17's HttpClient cannot be closed; its pooled connections go when it is collected.
    }

    @Override
    public String toString() {
        return "Json2Client[" + settings.url() + ", database=" + settings.database() + "]";
    }
}
