package io.logisync.odoo.transport;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooSettings;
import java.time.Clock;

/**
 * {@link OdooClient} over XML-RPC: logs in once with {@code common.authenticate} on {@code /xmlrpc/2/common}, then
 * calls {@code execute_kw(db, uid, secret, model, method, args, kwargs)} on {@code /xmlrpc/2/object}, with the same
 * positional arguments as JSON-RPC.
 *
 * <p>Odoo 19 deprecates XML-RPC and JSON-RPC alike (scheduled for removal; JSON-2 replaces both): use this only where
 * nothing else gets through. Odoo's XML-RPC cannot answer None nor integers above 2^31-1: a state-changing call that
 * returns None is answered here as null, and a reply holding a wide id fails (see {@link XmlRpcFaults}).
 */
public final class XmlRpcClient extends ExecuteKwClient {

    public XmlRpcClient(OdooSettings settings, HttpTransport http, Clock clock) {
        super("XmlRpcClient", "XML-RPC", settings, http, new XmlRpcEndpoint(http, clock));
    }
}
