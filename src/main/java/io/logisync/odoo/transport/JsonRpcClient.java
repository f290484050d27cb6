package io.logisync.odoo.transport;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooSettings;
import java.time.Clock;

/**
 * {@link OdooClient} over JSON-RPC: logs in once with {@code common.authenticate}, then calls
 * {@code object.execute_kw(db, uid, secret, model, method, args, kwargs)}.
 *
 * <p>Odoo 19 deprecates JSON-RPC and XML-RPC alike (scheduled for removal); JSON-2 replaces both.
 */
public final class JsonRpcClient extends ExecuteKwClient {

    public JsonRpcClient(OdooSettings settings, HttpTransport http, Clock clock) {
        super("JsonRpcClient", "JSON-RPC", settings, http, new JsonRpcEndpoint(http, clock));
    }
}
