package io.logisync.odoo.transport;

import java.util.TimeZone;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;

/** The library's per-request configuration, carrying where the call goes and which Odoo call errors should name. */
final class XmlRpcCallConfig extends XmlRpcClientConfigImpl {

    private static final long serialVersionUID = 1L;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final String path;
    private final transient Call call;

    XmlRpcCallConfig(String path, Call call) {
        this.path = path;
        this.call = call;
        // i8 and nil need the extensions; Odoo's own replies use neither and still parse
        setEnabledForExtensions(true);
        // a dateTime.iso8601 carries no zone, and Odoo's datetimes are UTC
        setTimeZone(UTC);
        setEncoding("UTF-8");
    }

    /** The path below the base URL, e.g. {@code /xmlrpc/2/object}. */
    String path() {
        return path;
    }

    Call call() {
        return call;
    }
}
