package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON-RPC front: login, execute_kw binding, and errors in the 200 envelope. */
class JsonRpcProtocolTest {

    private OdooSimulator odoo;
    private WireClient client;

    @BeforeEach
    void start() {
        odoo = OdooSimulator.builder().database("tms-test").login("integration").password("s3cret")
                .apiKey("key-123").start();
        client = new WireClient(odoo);
    }

    @AfterEach
    void stop() {
        odoo.close();
    }

    private static JsonNode result(WireClient.Answer answer) {
        assertThat(answer.json().has("error")).as(answer.body()).isFalse();
        return answer.json().get("result");
    }

    private static JsonNode error(WireClient.Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("error").get("code").asInt()).isZero();
        assertThat(answer.json().get("error").get("message").asText()).isEqualTo("Odoo Server Error");
        return answer.json().get("error").get("data");
    }

    @Test
    void shouldAuthenticateWithThePasswordOrTheApiKeyAndAnswerFalseOtherwise() {
        assertThat(result(client.jsonRpc("common", "authenticate", List.of("tms-test", "integration", "s3cret",
                Map.of()))).asLong()).isEqualTo(2L);
        assertThat(result(client.jsonRpc("common", "login", List.of("tms-test", "integration", "key-123")))
                .asLong()).isEqualTo(2L);
        assertThat(result(client.jsonRpc("common", "authenticate", List.of("tms-test", "integration", "nope",
                Map.of()))).isBoolean()).isTrue();
        assertThat(error(client.jsonRpc("common", "authenticate", List.of("other", "integration", "s3cret",
                Map.of()))).get("name").asText()).isEqualTo("psycopg2.OperationalError");
        assertThat(result(client.jsonRpc("common", "version", List.of())).get("server_version").asText())
                .isEqualTo("19.0");
    }

    @Test
    void shouldRefuseExecuteKwWithABadPasswordAsAccessDenied() {
        JsonNode data = error(client.jsonRpc("object", "execute_kw", List.of("tms-test", 2, "nope", "res.partner",
                "search_count", List.of(List.of()))));

        assertThat(data.get("name").asText()).isEqualTo("odoo.exceptions.AccessDenied");
        assertThat(data.get("debug").asText()).isEqualTo("odoo.exceptions.AccessDenied: Access Denied\n");
    }

    @Test
    void shouldAnswerOneIdForCreateWithADictAndAListForAList() {
        JsonNode one = result(client.executeKw("res.partner", "create", List.of(Map.of("name", "One")), Map.of()));
        JsonNode list = result(client.executeKw("res.partner", "create", List.of(List.of(Map.of("name", "Two"))),
                Map.of()));

        assertThat(one.isIntegralNumber()).isTrue();
        assertThat(list.isArray()).isTrue();
        assertThat(list.get(0).asLong()).isEqualTo(one.asLong() + 1);
    }

    @Test
    void shouldBindPositionalAndKeywordArgumentsAsPythonDoes() {
        long id = result(client.executeKw("res.partner", "create", List.of(Map.of("name", "Bound Co")), Map.of()))
                .asLong();

        JsonNode searched = result(client.executeKw("res.partner", "search_read",
                List.of(List.of(List.of("name", "=", "Bound Co")), List.of("name")), Map.of("limit", 1)));
        JsonNode read = result(client.executeKw("res.partner", "read", List.of(List.of(id), List.of("name")),
                Map.of()));
        JsonNode named = result(client.executeKw("res.partner", "name_search", List.of("Bound"), Map.of("limit", 5)));
        JsonNode written = result(client.executeKw("res.partner", "write", List.of(List.of(id), Map.of("ref", "B1")),
                Map.of("context", Map.of("lang", "en_US"))));

        assertThat(searched.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(read.get(0).get("name").asText()).isEqualTo("Bound Co");
        assertThat(named.get(0).toString()).isEqualTo("[" + id + ",\"Bound Co\"]");
        assertThat(written.asBoolean()).isTrue();
    }

    @Test
    void shouldReportArgumentsThatDoNotBindAsTypeError() {
        JsonNode twice = error(client.executeKw("res.partner", "search", List.of(List.of()),
                Map.of("domain", List.of())));
        JsonNode unknown = error(client.executeKw("res.partner", "search_count", List.of(List.of()),
                Map.of("colour", 1)));
        JsonNode readKw = error(client.executeKw("res.partner", "search_read", List.of(List.of()),
                Map.of("colour", 1)));
        JsonNode missing = error(client.executeKw("res.partner", "search", List.of(), Map.of()));

        assertThat(twice.get("message").asText())
                .isEqualTo("BaseModel.search() got multiple values for argument 'domain'");
        assertThat(unknown.get("message").asText())
                .isEqualTo("BaseModel.search_count() got an unexpected keyword argument 'colour'");
        assertThat(readKw.get("message").asText())
                .isEqualTo("BaseModel._read_format() got an unexpected keyword argument 'colour'");
        assertThat(missing.get("message").asText())
                .isEqualTo("BaseModel.search() missing 1 required positional argument: 'domain'");
    }

    @Test
    void shouldNameUnknownModelsMethodsAndServicesAsOdooDoes() {
        assertThat(error(client.executeKw("x.nothing", "search", List.of(List.of()), Map.of())).get("message")
                .asText()).isEqualTo("Object x.nothing doesn't exist");
        assertThat(error(client.executeKw("res.partner", "fly", List.of(List.of(1)), Map.of())).get("name")
                .asText()).isEqualTo("builtins.AttributeError");
        JsonNode service = error(client.jsonRpc("nowhere", "x", List.of()));
        assertThat(service.get("name").asText()).isEqualTo("builtins.KeyError");
        assertThat(service.get("debug").asText()).endsWith("KeyError: 'nowhere'");
    }

    @Test
    void shouldAnswerHtml400ForMalformedJson() {
        WireClient.Answer answer = client.send("POST", "/jsonrpc", Map.of("Content-Type", "application/json"),
                "{not json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).isEqualTo("Invalid JSON data");
    }

    @Test
    void shouldPostAndReadAnInvoiceOverRpc() {
        long partner = result(client.executeKw("res.partner", "create", List.of(Map.of("name", "Rpc Co")),
                Map.of())).asLong();
        long product = result(client.executeKw("product.product", "search",
                List.of(List.of(List.of("default_code", "=", "FUEL"))), Map.of())).get(0).asLong();
        Map<String, Object> line = Map.of("product_id", product, "price_unit", 200.0);
        Map<String, Object> vals = Map.of("move_type", "out_invoice", "partner_id", partner, "invoice_line_ids",
                List.of(List.of(0, 0, line)));
        long invoice = result(client.executeKw("account.move", "create", List.of(vals), Map.of())).asLong();

        assertThat(result(client.executeKw("account.move", "action_post", List.of(List.of(invoice)), Map.of()))
                .asBoolean(true)).isFalse();
        JsonNode move = result(client.executeKw("account.move", "read", List.of(List.of(invoice)),
                Map.of("fields", List.of("amount_total", "state", "partner_id")))).get(0);

        assertThat(move.get("amount_total").asDouble()).isEqualTo(230.0);
        assertThat(move.get("state").asText()).isEqualTo("posted");
        assertThat(move.get("partner_id").get(1).asText()).isEqualTo("Rpc Co");
        assertThat(odoo.calls()).extracting(SimulatorCall::protocol).containsOnly("jsonrpc");
        assertThat(result(client.executeKw("res.users", "search_read", List.of(List.of(List.of("login", "=",
                "integration"))), Map.of("fields", List.of("login")))).get(0).get("id").asLong()).isEqualTo(2L);
    }
}
