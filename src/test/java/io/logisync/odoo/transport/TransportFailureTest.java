package io.logisync.odoo.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooClients;
import io.logisync.odoo.OdooConcurrencyException;
import io.logisync.odoo.OdooException;
import io.logisync.odoo.OdooOutcomeUnknownException;
import io.logisync.odoo.OdooProtocol;
import io.logisync.odoo.OdooRateLimitedException;
import io.logisync.odoo.OdooUnavailableException;
import io.logisync.odoo.OdooValidationException;
import io.logisync.odoo.support.StubOdoo;
import io.logisync.odoo.support.StubResponse;
import io.logisync.odoo.support.TestClients;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures without an Odoo error name: sockets, timeouts, 429, proxies, unreadable replies. */
class TransportFailureTest {

    private static final String SERIALIZATION_FAILURE = "{\"name\": \"psycopg2.errors.SerializationFailure\", "
            + "\"message\": \"could not serialize access due to concurrent update\"}";

    private StubOdoo stub;
    private OdooClient client;

    @BeforeEach
    void start() {
        stub = StubOdoo.start();
        client = OdooClients.create(TestClients.settings(stub, OdooProtocol.JSON2)
                .readTimeout(Duration.ofMillis(400)).build());
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    @Test
    void shouldReportRateLimitWithRetryAfterSeconds() {
        stub.enqueue(StubResponse.html(429, "<html>slow down</html>").withHeader("Retry-After", "120"));

        OdooRateLimitedException error = catchThrowableOfType(OdooRateLimitedException.class, this::searchRead);

        assertThat(error.getRetryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.getMessage()).contains("res.partner.search_read").contains("429");
    }

    @Test
    void shouldReportRateLimitWithRetryAfterHttpDate() {
        String inFiveMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(5));
        stub.enqueue(StubResponse.json(429, "{}").withHeader("Retry-After", inFiveMinutes));

        OdooRateLimitedException error = catchThrowableOfType(OdooRateLimitedException.class, this::create);

        assertThat(error.getRetryAfter()).isBetween(Duration.ofSeconds(240), Duration.ofSeconds(301));
    }

    @Test
    void shouldReportRateLimitOnJsonRpcToo() {
        try (OdooClient rpc = TestClients.jsonRpc(stub)) {
            stub.enqueue(StubResponse.html(429, "busy").withHeader("Retry-After", "3"));

            OdooRateLimitedException error = catchThrowableOfType(OdooRateLimitedException.class,
                    () -> rpc.execute("res.partner", "search_count", Map.of("domain", List.of()), null));

            assertThat(error.getRetryAfter()).isEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void shouldMapConnectionRefusedToUnavailableEvenForCreate() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (OdooClient refused = OdooClients.create(TestClients.settings(stub, OdooProtocol.JSON2)
                .url("http://127.0.0.1:" + closedPort).build())) {

            OdooException error = catchThrowableOfType(OdooException.class,
                    () -> refused.create("res.partner", List.of(Map.of("name", "x")), null));

            // nothing was sent, so even a create is safe to retry as is
            assertThat(error).isExactlyInstanceOf(OdooUnavailableException.class);
            assertThat(error.getMessage()).contains("res.partner.create").contains("cannot connect");
        }
    }

    @Test
    void shouldMapReadTimeoutOnCreateToOutcomeUnknown() {
        stub.enqueue(StubResponse.json("[1]").delayedBy(1500));

        OdooException error = catchThrowableOfType(OdooException.class, this::create);

        assertThat(error).isExactlyInstanceOf(OdooOutcomeUnknownException.class);
        assertThat(error.getMessage()).contains("res.partner.create").contains("re-read before retrying");
    }

    @Test
    void shouldMapReadTimeoutOnSearchReadToUnavailable() {
        stub.enqueue(StubResponse.json("[]").delayedBy(1500));

        OdooException error = catchThrowableOfType(OdooException.class, this::searchRead);

        assertThat(error).isExactlyInstanceOf(OdooUnavailableException.class);
    }

    @Test
    void shouldMapReadTimeoutOnJsonRpcWriteToOutcomeUnknown() {
        try (OdooClient rpc = OdooClients.create(TestClients.settings(stub, OdooProtocol.JSONRPC)
                .readTimeout(Duration.ofMillis(400)).build())) {
            TestClients.queueJsonRpcLogin(stub);
            stub.enqueue(StubResponse.rpcResult("true").delayedBy(1500));

            OdooException error = catchThrowableOfType(OdooException.class,
                    () -> rpc.write("res.partner", List.of(1L), Map.of("name", "x"), null));

            assertThat(error).isExactlyInstanceOf(OdooOutcomeUnknownException.class);
        }
    }

    @Test
    void shouldMapProxyGatewayErrorsByWhetherTheCallCanHaveChangedData() {
        stub.enqueue(StubResponse.html(502, "<html><h1>502 Bad Gateway</h1></html>"));
        stub.enqueue(StubResponse.html(504, "<html><h1>504 Gateway Time-out</h1></html>"));
        stub.enqueue(StubResponse.html(503, "<html><h1>503 Service Unavailable</h1></html>"));

        assertThat(catchThrowableOfType(OdooException.class, this::searchRead))
                .isExactlyInstanceOf(OdooUnavailableException.class).hasMessageContaining("502 Bad Gateway");
        assertThat(catchThrowableOfType(OdooException.class, this::create))
                .isExactlyInstanceOf(OdooOutcomeUnknownException.class);
        assertThat(catchThrowableOfType(OdooException.class, this::create))
                .isExactlyInstanceOf(OdooUnavailableException.class);
    }

    @Test
    void shouldTreatHtmlOrBrokenJsonInASuccessReplyAsALostReply() {
        stub.enqueue(StubResponse.html(200, "<html>Please log in to the proxy</html>"));
        stub.enqueue(StubResponse.json("[12, 1"));
        stub.enqueue(StubResponse.json("[12, 1"));

        assertThat(catchThrowableOfType(OdooException.class, this::create))
                .isExactlyInstanceOf(OdooOutcomeUnknownException.class);
        assertThat(catchThrowableOfType(OdooException.class, this::create))
                .isExactlyInstanceOf(OdooOutcomeUnknownException.class);
        assertThat(catchThrowableOfType(OdooException.class, this::searchRead))
                .isExactlyInstanceOf(OdooUnavailableException.class);
    }

    @Test
    void shouldMapSerializationFailureToConcurrency() {
        stub.enqueue(StubResponse.json(500, SERIALIZATION_FAILURE));
        stub.enqueue(StubResponse.json(422, "{\"name\": \"odoo.exceptions.ValidationError\", \"message\": "
                + "\"could not serialize access due to concurrent update\"}"));
        stub.enqueue(StubResponse.json(500, "{\"name\": \"odoo.exceptions.ConcurrencyError\", \"message\": \"x\"}"));

        for (int i = 0; i < 3; i++) {
            OdooException error = catchThrowableOfType(OdooException.class, this::create);
            assertThat(error).isExactlyInstanceOf(OdooConcurrencyException.class);
            assertThat(error.isRetryable()).isTrue();
        }
    }

    @Test
    void shouldDecideByNameNotStatus() {
        // a UserError never becomes retryable, whatever status a proxy or an Odoo version attaches
        stub.enqueue(StubResponse.json(500, "{\"name\": \"odoo.exceptions.UserError\", \"message\": \"no\"}"));

        assertThat(catchThrowableOfType(OdooException.class, this::create))
                .isExactlyInstanceOf(OdooValidationException.class);
    }

    private void searchRead() {
        client.searchRead("res.partner", List.of(), List.of("name"), null, null, null);
    }

    private void create() {
        client.create("res.partner", List.of(Map.of("name", "x")), null);
    }
}
