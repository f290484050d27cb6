package io.logisync.odoo.support;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooClients;
import io.logisync.odoo.OdooProtocol;
import io.logisync.odoo.OdooSettings;
import java.time.Duration;

/** Clients pointed at a stub, with the recordings' database, login and the recordings' secret placeholder. */
public final class TestClients {

    /** The recordings replace the secret by this text, so a client using it sends byte-identical bodies. */
    public static final String SECRET = "<secret>";

    private TestClients() {
    }

    public static OdooSettings.Builder settings(StubOdoo stub, OdooProtocol protocol) {
        return OdooSettings.builder().url(stub.url()).database("lab").login("admin").apiKey(SECRET)
                .protocol(protocol).connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5));
    }

    public static OdooClient json2(StubOdoo stub) {
        return OdooClients.create(settings(stub, OdooProtocol.JSON2).build());
    }

    public static OdooClient jsonRpc(StubOdoo stub) {
        return OdooClients.create(settings(stub, OdooProtocol.JSONRPC).build());
    }

    public static OdooClient xmlRpc(StubOdoo stub) {
        return OdooClients.create(settings(stub, OdooProtocol.XMLRPC).build());
    }

    /** Queues the recorded successful login, which a JSON-RPC client sends before its first call. */
    public static void queueJsonRpcLogin(StubOdoo stub) {
        stub.enqueue(StubResponse.replay(WireCases.jsonRpc("c1_authenticate_ok")));
    }

    /** Queues the recorded successful XML-RPC login. */
    public static void queueXmlRpcLogin(StubOdoo stub) {
        stub.enqueue(StubResponse.replay(WireCases.xmlRpc("c1_authenticate_ok")));
    }
}
