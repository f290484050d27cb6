package io.logisync.odoo.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.XmlRpcRequest;
import org.apache.xmlrpc.client.XmlRpcClientException;
import org.apache.xmlrpc.client.XmlRpcStreamTransport;
import org.apache.xmlrpc.client.XmlRpcTransport;
import org.apache.xmlrpc.client.XmlRpcTransportFactory;
import org.apache.xmlrpc.common.XmlRpcStreamRequestConfig;
import org.apache.xmlrpc.parser.XmlRpcResponseParser;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The library's transport over the shared {@link HttpTransport}: the library writes the request and parses the
 * reply, the JDK's HttpClient carries it with the client's timeouts and pooled connections.
 *
 * <p>Not the library's HttpURLConnection transport: HttpURLConnection silently sends a POST again when a reused
 * connection drops before the reply ({@code sun.net.http.retryPost}), which could create a record twice.
 */
final class XmlRpcWireTransport extends XmlRpcStreamTransport {

    private final HttpTransport http;
    private final JsonRpcErrorDecoder errors;

    private XmlRpcWireTransport(org.apache.xmlrpc.client.XmlRpcClient library, HttpTransport http,
            JsonRpcErrorDecoder errors) {
        super(library);
        this.http = http;
        this.errors = errors;
    }

    /** A factory handing out one stateless transport, shared by every call of the client. */
    static XmlRpcTransportFactory factory(org.apache.xmlrpc.client.XmlRpcClient library, HttpTransport http,
            JsonRpcErrorDecoder errors) {
        XmlRpcTransport transport = new XmlRpcWireTransport(library, http, errors);
        return () -> transport;
    }

    /**
     * Sends one call. HTTP and I/O failures leave as typed Odoo exceptions (unchecked, through the library), a
     * fault as {@link XmlRpcFault}, and a request the library cannot write as its own {@link XmlRpcException}.
     */
    @Override
    public Object sendRequest(XmlRpcRequest request) throws XmlRpcException {
        XmlRpcCallConfig config = (XmlRpcCallConfig) request.getConfig();
        Call call = config.call();
        WireResponse response = http.post(config.path(), "text/xml", Map.of(), write(request), call);
        // Odoo answers every error of its own as a 200 fault: another status is the router's or a proxy's
        if (!response.isSuccess()) {
            throw errors.decodeHttp(call, response);
        }
        if (!response.contentType().toLowerCase(Locale.ROOT).contains("xml")) {
            throw ReplyFailures.notOdooJson(call, response);
        }
        XmlRpcResponseParser parser = new XmlRpcResponseParser(config, getClient().getTypeFactory());
        try {
            XMLReader reader = newXMLReader();
            reader.setContentHandler(parser);
            reader.parse(new InputSource(new StringReader(response.body())));
        } catch (SAXException | IOException | XmlRpcException e) {
            throw ReplyFailures.unreadable(call, response, e);
        }
        if (!parser.isSuccess()) {
            throw new XmlRpcFault(parser.getErrorCode(), parser.getErrorMessage());
        }
        return parser.getResult();
    }

    private byte[] write(XmlRpcRequest request) throws XmlRpcException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            newReqWriter(request).write(body);
        } catch (IOException | SAXException e) {
            throw new XmlRpcClientException("cannot write the XML-RPC request: " + e.getMessage(), e);
        }
        return body.toByteArray();
    }

    @Override
    protected void close() {
        // nothing held: the HttpClient owns the connections
    }

    @Override
    protected boolean isResponseGzipCompressed(XmlRpcStreamRequestConfig config) {
        return false;
    }

    @Override
    protected java.io.InputStream getInputStream() {
        throw new UnsupportedOperationException("sendRequest reads the reply itself");
    }

    @Override
    protected void writeRequest(ReqWriter writer) {
        throw new UnsupportedOperationException("sendRequest writes the request itself");
    }
}
