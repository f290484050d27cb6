package io.logisync.odoo.transport;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Asks a server its version: {@code GET /web/version} (Odoo 19), else JSON-RPC {@code common.version}. */
public final class VersionProbe {

    private static final Call WEB_VERSION = new Call("web", "version", false);
    private static final Call COMMON_VERSION = new Call("common", "version", false);

    private VersionProbe() {
    }

    /** The version from {@code GET /web/version}; null when the route is missing or answers something else. */
    public static ServerVersion webVersion(HttpTransport http) {
        WireResponse response = http.get("/web/version", WEB_VERSION);
        if (response.status() == 429) {
            throw ReplyFailures.rateLimited(WEB_VERSION, response, Clock.systemUTC());
        }
        if (response.status() == 502 || response.status() == 503 || response.status() == 504) {
            throw ReplyFailures.notOdooJson(WEB_VERSION, response);
        }
        if (!response.isSuccess() || !response.isJson()) {
            return null;
        }
        try {
            return OdooJson.read(response.body()) instanceof Map<?, ?> reply
                    ? ServerVersion.from(reply, "version", "version_info") : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The version from {@code common.version} (JSON-RPC or XML-RPC), which every supported Odoo answers. */
    public static ServerVersion rpcVersion(RpcEndpoint rpc) {
        Object result = rpc.call("common", "version", List.of(), COMMON_VERSION);
        return result instanceof Map<?, ?> reply ? ServerVersion.from(reply, "server_version", "server_version_info")
                : null;
    }

    /** Web first, JSON-RPC when the web route gives nothing usable; transport failures propagate. */
    public static ServerVersion detect(HttpTransport http, JsonRpcEndpoint rpc) {
        ServerVersion web = webVersion(http);
        if (web != null) {
            return web;
        }
        ServerVersion rpcVersion = rpcVersion(rpc);
        if (rpcVersion == null) {
            throw ErrorKind.BAD_REQUEST.toException(COMMON_VERSION, null,
                    "the server at " + http.baseUrl() + " reports no Odoo version", null);
        }
        return rpcVersion;
    }
}
