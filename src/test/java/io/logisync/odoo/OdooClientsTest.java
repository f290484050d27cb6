package io.logisync.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.logisync.odoo.support.StubOdoo;
import io.logisync.odoo.support.StubResponse;
import io.logisync.odoo.support.TestClients;
import io.logisync.odoo.support.WireCases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Client creation: protocol detection, credential checks, secrets kept out of text. */
class OdooClientsTest {

    private static final String SECRET = "s3cr3t-key-value";
    private static final String WEB_VERSION_17 = "{\"version_info\": [17, 0, 0, \"final\", 0, \"\"], "
            + "\"version\": \"17.0\"}";

    private StubOdoo stub;

    @BeforeEach
    void start() {
        stub = StubOdoo.start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void shouldPickJson2ForOdoo19() {
        stub.onPath("/web/version", StubResponse.replay(WireCases.json2("c1_web_version_get")));

        assertThat(OdooClients.detectProtocol(TestClients.settings(stub, OdooProtocol.AUTO).build()))
                .isEqualTo(OdooProtocol.JSON2);
    }

    @Test
    void shouldPickJsonRpcForOdoo17() {
        stub.onPath("/web/version", StubResponse.json(WEB_VERSION_17));

        assertThat(OdooClients.detectProtocol(TestClients.settings(stub, OdooProtocol.AUTO).build()))
                .isEqualTo(OdooProtocol.JSONRPC);
    }

    @Test
    void shouldFallBackToCommonVersionWhenWebVersionIsMissing() {
        stub.onPath("/web/version", StubResponse.html(404, "<h1>Not Found</h1>"));
        stub.onPath("/jsonrpc", StubResponse.rpcResult("{\"server_version\": \"17.0\", "
                + "\"server_version_info\": [17, 0, 0, \"final\", 0, \"\"], \"protocol_version\": 1}"));

        assertThat(OdooClients.detectProtocol(TestClients.settings(stub, OdooProtocol.AUTO).build()))
                .isEqualTo(OdooProtocol.JSONRPC);
        assertThat(stub.lastRequest().json().path("params").path("method").asText()).isEqualTo("version");
    }

    @Test
    void shouldCallJson2AfterDetectingOdoo19OnFirstUse() {
        stub.handler(request -> request.path().equals("/web/version")
                ? StubResponse.replay(WireCases.json2("c1_web_version_get"))
                : StubResponse.replay(WireCases.json2("c2_partner_search_count")));

        try (OdooClient client = OdooClients.create(TestClients.settings(stub, OdooProtocol.AUTO).build())) {
            assertThat(stub.requests()).isEmpty();

            Object count = client.execute("res.partner", "search_count", Map.of("domain", List.of()), null);

            assertThat(count).isEqualTo(4L);
            assertThat(stub.lastRequest().path()).isEqualTo("/json/2/res.partner/search_count");
            assertThat(client.serverVersion()).isEqualTo("19.0");
        }
    }

    @Test
    void shouldCallJsonRpcAfterDetectingOdoo17OnFirstUse() {
        stub.onPath("/web/version", StubResponse.json(WEB_VERSION_17));
        TestClients.queueJsonRpcLogin(stub);
        stub.enqueue(StubResponse.rpcResult("4"));

        try (OdooClient client = OdooClients.create(TestClients.settings(stub, OdooProtocol.AUTO).build())) {
            assertThat(client.execute("res.partner", "search_count", Map.of("domain", List.of()), null))
                    .isEqualTo(4L);
            assertThat(stub.lastRequest().path()).isEqualTo("/jsonrpc");
        }
    }

    @Test
    void shouldUseJsonRpcWithoutProbingWhenAutoHasOnlyAPassword() {
        OdooSettings settings = TestClients.settings(stub, OdooProtocol.AUTO).apiKey(null).password(SECRET).build();

        assertThat(OdooClients.detectProtocol(settings)).isEqualTo(OdooProtocol.JSONRPC);
        try (OdooClient client = OdooClients.create(settings)) {
            assertThat(client.toString()).startsWith("JsonRpcClient");
        }
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void shouldRefuseJson2WithOnlyAPassword() {
        OdooSettings settings = TestClients.settings(stub, OdooProtocol.JSON2).apiKey(null).password(SECRET).build();

        assertThatThrownBy(() -> OdooClients.create(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("json2 needs an apiKey").hasMessageNotContaining(SECRET);
    }

    @Test
    void shouldRefuseJsonRpcWithoutDatabase() {
        OdooSettings settings = TestClients.settings(stub, OdooProtocol.JSONRPC).database(null).build();

        assertThatThrownBy(() -> OdooClients.create(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
    }

    @Test
    void shouldKeepSecretsOutOfToStringAndErrors() {
        OdooSettings settings = TestClients.settings(stub, OdooProtocol.JSONRPC).apiKey(SECRET).build();
        stub.enqueue(StubResponse.replay(WireCases.jsonRpc("c1_authenticate_bad_password")));

        try (OdooClient client = OdooClients.create(settings)) {
            OdooAuthenticationException error = catchThrowableOfType(OdooAuthenticationException.class,
                    () -> client.execute("res.partner", "search_count", Map.of("domain", List.of()), null));

            assertThat(settings.toString()).doesNotContain(SECRET).contains("apiKey=***");
            assertThat(client.toString()).doesNotContain(SECRET);
            assertThat(error.getMessage()).doesNotContain(SECRET).contains("login refused");
        }
    }

    @Test
    void shouldRefuseCredentialsInTheUrl() {
        assertThatThrownBy(() -> OdooSettings.builder().url("https://admin:" + SECRET + "@odoo.example.com")
                .apiKey("k").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void shouldParseProtocolNames() {
        assertThat(OdooProtocol.parse("JSON2")).isEqualTo(OdooProtocol.JSON2);
        assertThat(OdooProtocol.parse("json-rpc")).isEqualTo(OdooProtocol.JSONRPC);
        assertThat(OdooProtocol.parse(null)).isEqualTo(OdooProtocol.AUTO);
        assertThat(OdooProtocol.parse("XML-RPC")).isEqualTo(OdooProtocol.XMLRPC);
        assertThatThrownBy(() -> OdooProtocol.parse("soap")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xmlrpc");
    }

    @Test
    void shouldCreateAnXmlRpcClientWithoutNetworkIoAndRefuseItWithoutDatabase() {
        try (OdooClient client = OdooClients.create(TestClients.settings(stub, OdooProtocol.XMLRPC).build())) {
            assertThat(client.toString()).startsWith("XmlRpcClient").doesNotContain(TestClients.SECRET);
            assertThat(OdooClients.detectProtocol(TestClients.settings(stub, OdooProtocol.XMLRPC).build()))
                    .isEqualTo(OdooProtocol.XMLRPC);
        }
        assertThat(stub.requests()).isEmpty();
        assertThatThrownBy(() -> OdooClients.create(TestClients.settings(stub, OdooProtocol.XMLRPC).database(null)
                .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database");
    }
}
