package io.logisync.odoo.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.odoo.OdooAccessException;
import io.logisync.odoo.OdooAuthenticationException;
import io.logisync.odoo.OdooBadRequestException;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooException;
import io.logisync.odoo.OdooMissingRecordException;
import io.logisync.odoo.OdooValidationException;
import io.logisync.odoo.support.RecordedExchange;
import io.logisync.odoo.support.StubOdoo;
import io.logisync.odoo.support.StubResponse;
import io.logisync.odoo.support.TestClients;
import io.logisync.odoo.support.WireCases;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonRpcErrorMappingTest {

    /** Every recorded JSON-RPC refusal (an error member, a non-200 status, or a refused login). */
    static final Map<String, Class<? extends OdooException>> EXPECTED = Map.ofEntries(
            Map.entry("c1_authenticate_bad_password", OdooAuthenticationException.class),
            Map.entry("c1_login_bad_password", OdooAuthenticationException.class),
            Map.entry("c1_authenticate_bad_db", OdooAuthenticationException.class),
            Map.entry("c1_execute_kw_bad_password", OdooAuthenticationException.class),
            Map.entry("c1_web_version_post", OdooBadRequestException.class),
            Map.entry("c2_partner_write_missing", OdooMissingRecordException.class),
            Map.entry("c2_partner_unlink_missing", OdooMissingRecordException.class),
            Map.entry("c4_posted_write_add_line", OdooValidationException.class),
            Map.entry("c4_posted_write_invoice_date", OdooValidationException.class),
            Map.entry("c4_posted_unlink", OdooValidationException.class),
            Map.entry("c5_create_unknown_field", OdooBadRequestException.class),
            Map.entry("c5_unknown_model", OdooMissingRecordException.class),
            Map.entry("c5_unknown_method", OdooMissingRecordException.class),
            Map.entry("c5_private_method", OdooAccessException.class),
            Map.entry("c5_partner_create_without_name", OdooValidationException.class),
            Map.entry("c5_invoice_line_unknown_product", OdooMissingRecordException.class),
            Map.entry("c5_search_read_bad_operator", OdooBadRequestException.class),
            Map.entry("c5_search_read_unknown_field_in_domain", OdooBadRequestException.class),
            Map.entry("c5_read_unknown_field", OdooBadRequestException.class),
            Map.entry("c5_create_bad_selection_value", OdooBadRequestException.class),
            Map.entry("c5_kwargs_unknown", OdooBadRequestException.class),
            Map.entry("c5_jsonrpc_unknown_service", OdooBadRequestException.class),
            Map.entry("c5_jsonrpc_invalid_json", OdooBadRequestException.class),
            Map.entry("c8_fields_get_account_move_fr", OdooValidationException.class));

    /** Cases whose reply is the login's own reply rather than the object call's. */
    private static final Set<String> LOGIN_REPLIES = Set.of("c1_authenticate_bad_password", "c1_login_bad_password",
            "c1_authenticate_bad_db");

    private StubOdoo stub;
    private OdooClient client;

    @BeforeEach
    void start() {
        stub = StubOdoo.start();
        client = TestClients.jsonRpc(stub);
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    static Stream<RecordedExchange> refusals() {
        return WireCases.jsonRpc().values().stream().filter(JsonRpcErrorMappingTest::isRefusal);
    }

    private static boolean isRefusal(RecordedExchange exchange) {
        if (exchange.status() != 200) {
            return true;
        }
        JsonNode reply = WireCasesJson.tree(exchange.responseBody());
        boolean refusedLogin = exchange.request() != null
                && exchange.request().path("params").path("service").asText().equals("common")
                && reply.path("result").isBoolean();
        return reply.has("error") || refusedLogin;
    }

    @Test
    void shouldCoverEveryRecordedJsonRpcRefusal() {
        assertThat(refusals().map(RecordedExchange::caseName).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void shouldMapRecordedJsonRpcRefusalToTypedException(RecordedExchange recorded) {
        String[] target = modelAndMethod(recorded);
        if (!LOGIN_REPLIES.contains(recorded.caseName())) {
            TestClients.queueJsonRpcLogin(stub);
        }
        stub.enqueue(StubResponse.replay(recorded));

        OdooException error = catchThrowableOfType(OdooException.class,
                () -> client.execute(target[0], target[1], Map.of("domain", List.of()), null));

        assertThat(error).isExactlyInstanceOf(EXPECTED.get(recorded.caseName()));
        assertThat(error.getModel()).isEqualTo(target[0]);
        assertThat(error.getMethod()).isEqualTo(target[1]);
        assertThat(error.getMessage()).contains(target[0] + "." + target[1]);
        String odooMessage = recorded.status() == 200
                ? WireCasesJson.rpcErrorField(recorded.responseBody(), "message") : null;
        if (odooMessage != null) {
            assertThat(error.getOdooMessage()).isEqualTo(odooMessage);
            assertThat(error.getOdooName())
                    .isEqualTo(WireCasesJson.rpcErrorField(recorded.responseBody(), "name"));
            assertThat(error.getMessage()).contains(odooMessage);
        } else if (recorded.status() != 200) {
            assertThat(error.getOdooMessage()).contains("HTTP " + recorded.status());
        } else {
            assertThat(error.getOdooMessage()).contains("login refused for user 'admin' on database 'lab'");
        }
        assertThat(error.getMessage()).doesNotContain(TestClients.SECRET);
    }

    @Test
    void shouldMapJsonRpcUnknownModelToMissingRecordLikeJson2() {
        TestClients.queueJsonRpcLogin(stub);
        stub.enqueue(StubResponse.replay(WireCases.jsonRpc("c5_unknown_model")));

        OdooMissingRecordException error = catchThrowableOfType(OdooMissingRecordException.class,
                () -> client.searchRead("x.no.such.model", List.of(), List.of("id"), null, null, null));

        assertThat(error.getOdooName()).isEqualTo("odoo.exceptions.UserError");
        assertThat(error.getOdooMessage()).isEqualTo("Object x.no.such.model doesn't exist");
    }

    @Test
    void shouldLogInOnceAndReuseTheUid() {
        TestClients.queueJsonRpcLogin(stub);
        stub.enqueue(StubResponse.rpcResult("4"));
        stub.enqueue(StubResponse.rpcResult("5"));

        assertThat(client.execute("res.partner", "search_count", Map.of("domain", List.of()), null)).isEqualTo(4L);
        assertThat(client.execute("res.partner", "search_count", Map.of("domain", List.of()), null)).isEqualTo(5L);

        assertThat(stub.requests()).hasSize(3);
        assertThat(stub.requests().get(0).json().path("params").path("method").asText()).isEqualTo("authenticate");
        assertThat(stub.requests().get(2).json().path("params").path("args").get(1).asLong()).isEqualTo(2L);
    }

    @Test
    void shouldMapPsycopgOperationalErrorToUnavailable() {
        TestClients.queueJsonRpcLogin(stub);
        stub.enqueue(StubResponse.json("{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\": {\"code\": 0, \"message\": "
                + "\"Odoo Server Error\", \"data\": {\"name\": \"psycopg2.OperationalError\", \"message\": "
                + "\"server closed the connection unexpectedly\"}}}"));

        OdooException error = catchThrowableOfType(OdooException.class,
                () -> client.execute("res.partner", "search_count", Map.of("domain", List.of()), null));

        assertThat(error).isInstanceOf(io.logisync.odoo.OdooUnavailableException.class);
        assertThat(error.isRetryable()).isTrue();
    }

    /** The object call's model and method from the recorded request; other services fall back to a plain count. */
    static String[] modelAndMethod(RecordedExchange recorded) {
        JsonNode params = recorded.request() == null ? null : recorded.request().path("params");
        if (params != null && "object".equals(params.path("service").asText())) {
            JsonNode args = params.path("args");
            return new String[] {args.get(3).asText(), args.get(4).asText()};
        }
        return new String[] {"res.partner", "search_count"};
    }
}
