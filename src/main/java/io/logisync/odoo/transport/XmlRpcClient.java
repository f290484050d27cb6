package io.logisync.odoo.transport;

import io.logisync.odoo.OdooAuthenticationException;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link OdooClient} over XML-RPC: logs in once with {@code common.authenticate} on {@code /xmlrpc/2/common}, then
 * calls {@code execute_kw(db, uid, secret, model, method, args, kwargs)} on {@code /xmlrpc/2/object}, with the same
 * positional arguments as JSON-RPC.
 *
 * <p>Odoo 19 deprecates XML-RPC and JSON-RPC alike (scheduled for removal; JSON-2 replaces both): use this only where
 * nothing else gets through. Odoo's XML-RPC cannot answer None nor integers above 2^31-1: a state-changing call that
 * returns None is answered here as null, and a reply holding a wide id fails (see {@link XmlRpcFaults}).
 */
public final class XmlRpcClient implements OdooClient {

    private static final Call COMMON_VERSION = new Call("common", "version", false);

    private final OdooSettings settings;
    private final HttpTransport http;
    private final XmlRpcEndpoint rpc;
    private final Object loginLock = new Object();
    private volatile Long uid;
    private volatile String version;

    public XmlRpcClient(OdooSettings settings, HttpTransport http, Clock clock) {
        if (settings.database() == null || settings.login() == null || settings.secret() == null) {
            throw new IllegalArgumentException("XML-RPC needs database, login and an API key or password");
        }
        this.settings = settings;
        this.http = http;
        this.rpc = new XmlRpcEndpoint(http, clock);
    }

    @Override
    public Object execute(String model, String method, Map<String, Object> params, OdooContext context) {
        OdooNames.check(model, method);
        Call call = Call.of(model, method);
        long user = uid(call);
        JsonRpcArguments split = JsonRpcArguments.split(method, params, effective(context).toWire());
        List<Object> args = new ArrayList<>(List.of(settings.database(), user, settings.secret(), model, method,
                split.args()));
        if (!split.kwargs().isEmpty()) {
            args.add(split.kwargs());
        }
        return rpc.call("object", "execute_kw", args, call);
    }

    /** The logged-in user id, authenticating on first use; failures are reported against the call that needed it. */
    private long uid(Call call) {
        Long known = uid;
        if (known != null) {
            return known;
        }
        synchronized (loginLock) {
            if (uid == null) {
                // logging in changes nothing, so a lost reply here is "unavailable", never "outcome unknown"
                Call login = new Call(call.model(), call.method(), false);
                Object result = rpc.call("common", "authenticate", List.of(settings.database(), settings.login(),
                        settings.secret(), Map.of()), login);
                if (!(result instanceof Number number)) {
                    throw new OdooAuthenticationException(call.model(), call.method(), null, "login refused for user '"
                            + settings.login() + "' on database '" + settings.database()
                            + "' (wrong login, password or API key)", null);
                }
                uid = number.longValue();
            }
            return uid;
        }
    }

    @Override
    public String serverVersion() {
        String known = version;
        if (known == null) {
            Object reply = rpc.call("common", "version", List.of(), COMMON_VERSION);
            ServerVersion probed = reply instanceof Map<?, ?> map
                    ? ServerVersion.from(map, "server_version", "server_version_info") : null;
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
        // nothing held open: see Json2Client#close
    }

    @Override
    public String toString() {
        return "XmlRpcClient[" + http.baseUrl() + ", database=" + settings.database() + ", login="
                + settings.login() + "]";
    }
}
