package io.logisync.odoo.transport;

import java.time.Clock;
import java.util.List;
import org.apache.xmlrpc.XmlRpcException;

/**
 * Calls {@code service.method(*args)} on {@code /xmlrpc/2/<service>} through the Apache XML-RPC library and unwraps
 * the result, decoded to the JSON transports' types, or the typed error.
 */
public final class XmlRpcEndpoint implements RpcEndpoint {

    private final org.apache.xmlrpc.client.XmlRpcClient library;

    public XmlRpcEndpoint(HttpTransport http, Clock clock) {
        library = new org.apache.xmlrpc.client.XmlRpcClient();
        library.setTypeFactory(new XmlRpcTypes(library));
        library.setTransportFactory(XmlRpcWireTransport.factory(library, http, new JsonRpcErrorDecoder(clock)));
    }

    @Override
    public Object call(String service, String method, List<Object> args, Call call) {
        Object params = XmlRpcValues.toWire(WireEncoder.encode(args));
        try {
            return XmlRpcValues.fromWire(library.execute(new XmlRpcCallConfig("/xmlrpc/2/" + service, call), method,
                    (List<?>) params));
        } catch (XmlRpcFault fault) {
            if (XmlRpcFaults.isNoneResult(call, fault.code, fault.faultString())) {
                return null;
            }
            throw XmlRpcFaults.toException(call, fault.code, fault.faultString());
        } catch (XmlRpcException e) {
            // only the library's own failures are left here, all before anything was sent
            throw new IllegalArgumentException("Cannot encode the request as XML-RPC: " + e.getMessage(), e);
        }
    }
}
