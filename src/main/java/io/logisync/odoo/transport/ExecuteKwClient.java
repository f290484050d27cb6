package io.logisync.odoo.transport;

import io.logisync.odoo.OdooAuthenticationException;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What JSON-RPC and XML-RPC share: log in once with {@code common.authenticate}, then call
 * {@code object.execute_kw(db, uid, secret, model, method, args, kwargs)}, positional arguments first as Odoo binds
 * them. The subclasses choose the wire format.
 */
abstract class ExecuteKwClient implements OdooClient {

    private final String name;
    private final OdooSettings settings;
    private final HttpTransport http;
    private final RpcEndpoint rpc;
    private final Object loginLock = new Object();
    private volatile Long uid;
    private volatile String version;

    ExecuteKwClient(String name, String protocol, OdooSettings settings, HttpTransport http, RpcEndpoint rpc) {
        if (settings.database() == null || settings.login() == null || settings.secret() == null) {
            throw new IllegalArgumentException(protocol + " needs database, login and an API key or password");
        }
        this.name = name;
        this.settings = settings;
        this.http = http;
        this.rpc = rpc;
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
            ServerVersion probed = VersionProbe.rpcVersion(rpc);
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
        return name + "[" + http.baseUrl() + ", database=" + settings.database() + ", login=" + settings.login()
                + "]";
    }
}
