package io.logisync.odoo.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The XML-RPC front: {@code POST /xmlrpc/2/<service>} ({@code common}, {@code object}, {@code db}) over the same
 * {@link ExternalApi} as JSON-RPC. Like Odoo it answers HTTP 200 whatever happens, an error as a {@code <fault>}.
 */
final class XmlRpcFront {

    static final String PREFIX = "/xmlrpc/2/";
    static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    private static final String METHOD_NOT_ALLOWED = "<!doctype html>\n<html lang=en>\n"
            + "<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n"
            + "<p>The method is not allowed for the requested URL.</p>\n";

    private final ExternalApi api;

    XmlRpcFront(ExternalApi api) {
        this.api = api;
    }

    /** True for the paths Odoo's {@code /xmlrpc/2/<service>} route matches: one non-empty segment. */
    static boolean serves(String path) {
        return path.startsWith(PREFIX) && path.length() > PREFIX.length() && path.indexOf('/', PREFIX.length()) < 0;
    }

    SimulatorCall serve(HttpExchange exchange, byte[] body) throws IOException {
        CallTrace trace = new CallTrace("xmlrpc");
        if (!exchange.getRequestMethod().equals("POST")) {
            HttpReply.html(exchange, 405, METHOD_NOT_ALLOWED);
            return trace.finish(405, null);
        }
        String service = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String answer;
        String error = null;
        try {
            XmlRpcRequest request = XmlRpcRequest.parse(body);
            Object result = api.dispatch(trace, service, request.method(), request.params());
            // marshalled after the call committed, as in Odoo: a None or a wide int fails only the answer
            answer = XmlRpcMarshaller.response(result);
        } catch (OdooError e) {
            answer = XmlRpcMarshaller.fault(faultCode(e.kind()), faultString(e));
            error = e.pythonName();
        }
        HttpReply.send(exchange, 200, CONTENT_TYPE, answer.getBytes(StandardCharsets.UTF_8), Map.of());
        return trace.finish(200, error);
    }

    /** Odoo's {@code xmlrpc_handle_exception_int}: 2 for UserError and subclasses, 3 AccessDenied, 4 AccessError. */
    static int faultCode(ErrorKind kind) {
        return switch (kind) {
            case USER_ERROR, VALIDATION_ERROR, MISSING_ERROR -> 2;
            case ACCESS_DENIED -> 3;
            case ACCESS_ERROR -> 4;
            default -> 1;
        };
    }

    /** The plain message for codes 2 to 4; for code 1 the traceback (shortened as the recordings show it). */
    private static String faultString(OdooError error) {
        return faultCode(error.kind()) == 1 ? error.debug() : error.getMessage();
    }
}
