package io.logisync.odoo.transport;

import org.apache.xmlrpc.XmlRpcException;

/** A {@code <fault>} the server answered, told apart from the library's own failures to write a request. */
final class XmlRpcFault extends XmlRpcException {

    private static final long serialVersionUID = 1L;

    XmlRpcFault(int code, String faultString) {
        super(code, faultString);
    }

    /** The {@code faultString}: a plain message, or for code 1 a Python traceback. */
    String faultString() {
        return getMessage() == null ? "" : getMessage();
    }
}
