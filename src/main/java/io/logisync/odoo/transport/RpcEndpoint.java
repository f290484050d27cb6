package io.logisync.odoo.transport;

import java.util.List;

/** One of Odoo's RPC services reached over a wire format: JSON-RPC ({@code /jsonrpc}) or XML-RPC ({@code /xmlrpc/2}). */
public interface RpcEndpoint {

    /** Calls {@code service.method(*args)}; {@code call} names the model method the errors should report. */
    Object call(String service, String method, List<Object> args, Call call);
}
