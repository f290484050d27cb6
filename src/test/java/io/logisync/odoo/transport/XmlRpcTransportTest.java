package io.logisync.odoo.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.logisync.odoo.OdooBadRequestException;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooClients;
import io.logisync.odoo.OdooConcurrencyException;
import io.logisync.odoo.OdooException;
import io.logisync.odoo.OdooOutcomeUnknownException;
import io.logisync.odoo.OdooProtocol;
import io.logisync.odoo.OdooRateLimitedException;
import io.logisync.odoo.OdooUnavailableException;
import io.logisync.odoo.support.StubOdoo;
import io.logisync.odoo.support.StubResponse;
import io.logisync.odoo.support.TestClients;
import io.logisync.odoo.support.WireCases;
import io.logisync.odoo.support.XmlRpcJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The XML-RPC transport's own decisions: value types both ways, faults without a recording, I/O failures. */
class XmlRpcTransportTest {

    private StubOdoo stub;
    private OdooClient client;

    @BeforeEach
    void start() {
        stub = StubOdoo.start();
        client = OdooClients.create(TestClients.settings(stub, OdooProtocol.XMLRPC)
                .readTimeout(Duration.ofMillis(400)).build());
        TestClients.queueXmlRpcLogin(stub);
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private static StubResponse result(String valueXml) {
        return StubResponse.xml("<?xml version=\"1.0\"?>\n<methodResponse>\n<params>\n<param>\n" + valueXml
                + "\n</param>\n</params>\n\n</methodResponse>\n");
    }

    private static StubResponse fault(int code, String text) {
        return StubResponse.xml("<?xml version=\"1.0\"?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n"
                + "<name>faultCode</name>\n<value><int>" + code + "</int></value>\n</member>\n<member>\n"
                + "<name>faultString</name>\n<value><string>" + text.replace("&", "&amp;").replace("<", "&lt;")
                + "</string></value>\n</member>\n</struct></value>\n</fault>\n\n</methodResponse>\n");
    }

    private static String traceback(String lastLine) {
        return "Traceback (most recent call last):\n  File \"/odoo/http.py\", line 1, in dispatch\n    x()\n"
                + lastLine + "\n";
    }

    @Test
    void shouldDecodeRepliesToTheJsonTransportsTypes() {
        stub.enqueue(result("<value><struct><member><name>id</name><value><int>7</int></value></member>"
                + "<member><name>wide</name><value><i8>3000000000</i8></value></member>"
                + "<member><name>amount</name><value><double>305.33</double></value></member>"
                + "<member><name>bare</name><value>plain text</value></member>"
                + "<member><name>none</name><value><nil/></value></member>"
                + "<member><name>exNone</name><value><ex:nil xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/"
                + "extensions\"/></value></member>"
                + "<member><name>when</name><value><dateTime.iso8601>20261203T19:29:09</dateTime.iso8601></value>"
                + "</member><member><name>pair</name><value><array><data><value><int>233</int></value>"
                + "<value><string>United States</string></value></data></array></value></member>"
                + "<member><name>flag</name><value><boolean>0</boolean></value></member>"
                + "</struct></value>"));

        Object reply = client.execute("res.partner", "read", Map.of("ids", List.of(7L)), null);

        assertThat(reply).isInstanceOf(Map.class);
        Map<?, ?> values = (Map<?, ?>) reply;
        assertThat(values.get("id")).isEqualTo(7L);
        assertThat(values.get("wide")).isEqualTo(3_000_000_000L);
        assertThat(values.get("amount")).isEqualTo(new BigDecimal("305.33"));
        assertThat(values.get("bare")).isEqualTo("plain text");
        assertThat(values.containsKey("none")).isTrue();
        assertThat(values.get("none")).isNull();
        assertThat(values.get("exNone")).isNull();
        assertThat(values.get("when")).isEqualTo("2026-12-03 19:29:09");
        assertThat(values.get("pair")).isEqualTo(List.of(233L, "United States"));
        assertThat(values.get("flag")).isEqualTo(false);
    }

    @Test
    void shouldSendIntegersByWidthDecimalsPlainAndNullAsFalse() {
        stub.enqueue(result("<value><boolean>1</boolean></value>"));
        Map<String, Object> vals = new HashMap<>();
        vals.put("phone", null);
        vals.put("amount", new BigDecimal("10000000.50"));
        vals.put("ratio", 1.0e7);
        vals.put("parent_id", 3_000_000_000L);

        client.write("res.partner", List.of(7L, 3_000_000_001L), vals, null);

        String body = stub.lastRequest().body();
        assertThat(body).contains("<i4>7</i4>").contains("<ex:i8>3000000001</ex:i8>")
                .contains("<ex:i8>3000000000</ex:i8>").contains("<double>10000000.50</double>")
                .contains("<double>10000000</double>").doesNotContain("nil").doesNotContain("E+");
        assertThat(XmlRpcJson.call(body).at("/params/5/1/phone").isBoolean()).isTrue();
        assertThat(XmlRpcJson.call(body).at("/params/5/1/phone").asBoolean()).isFalse();
    }

    @Test
    void shouldReportAWideIdOnCreateAsAppliedButUnknownAndOnReadAsBadRequest() {
        String overflow = traceback("OverflowError: int exceeds XML-RPC limits");
        stub.enqueue(fault(1, overflow));
        stub.enqueue(fault(1, overflow));

        OdooException create = catchThrowableOfType(OdooException.class,
                () -> client.create("res.partner", List.of(Map.of("name", "Wide")), null));
        OdooException read = catchThrowableOfType(OdooException.class,
                () -> client.read("res.partner", List.of(3_000_000_000L), List.of("name"), null));

        assertThat(create).isExactlyInstanceOf(OdooOutcomeUnknownException.class);
        assertThat(create.getOdooName()).isEqualTo("builtins.OverflowError");
        assertThat(create.getMessage()).contains("cannot send integers above 2^31-1").contains("was applied")
                .contains("JSON-2");
        assertThat(read).isExactlyInstanceOf(OdooBadRequestException.class);
        assertThat(read.isRetryable()).isFalse();
    }

    @Test
    void shouldAnswerNoneFromAStateChangingMethodAsNullAndRefuseItOnARead() {
        String none = traceback("TypeError: cannot marshal None unless allow_none is enabled");
        stub.enqueue(fault(1, none));
        stub.enqueue(fault(1, none));

        assertThat(client.callOnRecords("mail.mail", "send", List.of(5L), null)).isNull();
        OdooException read = catchThrowableOfType(OdooException.class,
                () -> client.execute("res.partner", "fields_get", Map.of(), null));

        assertThat(read).isExactlyInstanceOf(OdooBadRequestException.class);
        assertThat(read.getMessage()).contains("cannot send None");
    }

    @Test
    void shouldMapTracebacksByTheirLastExceptionLikeJsonRpc() {
        stub.enqueue(fault(1, traceback("psycopg2.errors.SerializationFailure: could not serialize access due to "
                + "concurrent update")));
        stub.enqueue(fault(1, traceback("psycopg2.OperationalError: server closed the connection unexpectedly\n"
                + "\tThis probably means the server terminated abnormally")));
        stub.enqueue(fault(1, "no traceback at all"));

        OdooException concurrent = catchThrowableOfType(OdooException.class, this::create);
        OdooException down = catchThrowableOfType(OdooException.class, this::searchRead);
        OdooException plain = catchThrowableOfType(OdooException.class, this::searchRead);

        assertThat(concurrent).isExactlyInstanceOf(OdooConcurrencyException.class);
        assertThat(concurrent.isRetryable()).isTrue();
        assertThat(down).isExactlyInstanceOf(OdooUnavailableException.class);
        assertThat(down.getOdooMessage()).startsWith("server closed the connection unexpectedly\n");
        assertThat(plain).isExactlyInstanceOf(OdooBadRequestException.class);
        assertThat(plain.getOdooMessage()).isEqualTo("no traceback at all");
    }

    @Test
    void shouldMapConnectionRefusedToUnavailableEvenForCreate() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (OdooClient refused = OdooClients.create(TestClients.settings(stub, OdooProtocol.XMLRPC)
                .url("http://127.0.0.1:" + closedPort).build())) {

            OdooException error = catchThrowableOfType(OdooException.class,
                    () -> refused.create("res.partner", List.of(Map.of("name", "x")), null));

            assertThat(error).isExactlyInstanceOf(OdooUnavailableException.class);
            assertThat(error.getMessage()).contains("res.partner.create").contains("cannot connect");
        }
    }

    @Test
    void shouldMapReadTimeoutsByWhetherTheCallCanHaveChangedData() {
        stub.enqueue(result("<value><int>9</int></value>").delayedBy(1500));
        stub.enqueue(result("<value><array><data></data></array></value>").delayedBy(1500));

        assertThat(catchThrowableOfType(OdooException.class, this::create))
                .isExactlyInstanceOf(OdooOutcomeUnknownException.class)
                .hasMessageContaining("re-read before retrying");
        assertThat(catchThrowableOfType(OdooException.class, this::searchRead))
                .isExactlyInstanceOf(OdooUnavailableException.class);
    }

    @Test
    void shouldMapProxyAnswersAndUnreadableXmlLikeTheJsonTransports() {
        stub.enqueue(StubResponse.html(429, "busy").withHeader("Retry-After", "3"));
        stub.enqueue(StubResponse.html(502, "<html><h1>502 Bad Gateway</h1></html>"));
        stub.enqueue(StubResponse.html(200, "<html>Please log in to the proxy</html>"));
        stub.enqueue(StubResponse.xml("<?xml version=\"1.0\"?><methodResponse><params>"));
        stub.enqueue(StubResponse.xml("<?xml version=\"1.0\"?><methodResponse><params>"));

        OdooRateLimitedException limited = catchThrowableOfType(OdooRateLimitedException.class, this::searchRead);
        assertThat(limited.getRetryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(catchThrowableOfType(OdooException.class, this::create))
                .isExactlyInstanceOf(OdooOutcomeUnknownException.class).hasMessageContaining("502");
        assertThat(catchThrowableOfType(OdooException.class, this::create))
                .isExactlyInstanceOf(OdooOutcomeUnknownException.class);
        assertThat(catchThrowableOfType(OdooException.class, this::create))
                .isExactlyInstanceOf(OdooOutcomeUnknownException.class).hasMessageContaining("unreadable");
        assertThat(catchThrowableOfType(OdooException.class, this::searchRead))
                .isExactlyInstanceOf(OdooUnavailableException.class);
    }

    @Test
    void shouldReportTheServerVersionFromCommon() {
        // no login needed: the queued login answer stays unused
        stub.onPath("/xmlrpc/2/common", StubResponse.replay(WireCases.xmlRpc("c1_version")));

        assertThat(client.serverVersion()).isEqualTo("19.0");
        assertThat(stub.lastRequest().path()).isEqualTo("/xmlrpc/2/common");
    }

    private void searchRead() {
        client.searchRead("res.partner", List.of(), List.of("name"), null, null, null);
    }

    private void create() {
        client.create("res.partner", List.of(Map.of("name", "x")), null);
    }
}
