package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON-2 front: authentication, routing, argument binding and the status of each error. */
class Json2ProtocolTest {

    private OdooSimulator odoo;
    private WireClient client;

    @BeforeEach
    void start() {
        odoo = OdooSimulator.start(0);
        client = new WireClient(odoo);
    }

    @AfterEach
    void stop() {
        odoo.close();
    }

    private WireClient.Answer post(String path, Map<String, String> headers, String body) {
        return client.send("POST", path, headers, body);
    }

    @Test
    void shouldRefuseAMissingOrWrongKeyWith401AndABearerChallenge() {
        WireClient.Answer none = post("/json/2/res.partner/search_count", Map.of("Content-Type",
                "application/json"), "{\"domain\": []}");
        WireClient.Answer wrong = post("/json/2/res.partner/search_count", Map.of("Content-Type",
                "application/json", "Authorization", "Bearer nope"), "{\"domain\": []}");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(none.json().get("name").asText()).isEqualTo("werkzeug.exceptions.Unauthorized");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("message").asText()).isEqualTo("Invalid apikey");
        assertThat(wrong.json().get("arguments").toString()).isEqualTo("[\"Invalid apikey\",401]");
    }

    @Test
    void shouldAcceptTheBearerSchemeInAnyCaseAndAChangedKey() {
        odoo.setApiKey("rotated");

        WireClient.Answer answer = post("/json/2/res.users/context_get", Map.of("Content-Type", "application/json",
                "Authorization", "BEARER rotated"), "{}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"lang\":\"en_US\",\"tz\":false,\"uid\":2}");
    }

    @Test
    void shouldAnswer404ForAnUnknownModelOrMethodAnd403ForAPrivateOne() {
        WireClient.Answer model = client.json2("x.nothing", "search", Map.of("domain", List.of()));
        WireClient.Answer method = client.json2("res.partner", "fly", Map.of());
        WireClient.Answer hidden = client.json2("res.partner", "_compute_display_name", Map.of("ids", List.of(1)));

        assertThat(model.status()).isEqualTo(404);
        assertThat(model.json().get("message").asText()).isEqualTo("the model 'x.nothing' does not exist");
        assertThat(method.status()).isEqualTo(404);
        assertThat(method.json().get("message").asText()).isEqualTo("The method 'res.partner.fly' does not exist");
        assertThat(hidden.status()).isEqualTo(403);
        assertThat(hidden.json().get("name").asText()).isEqualTo("odoo.exceptions.AccessError");
    }

    @Test
    void shouldAnswerTheHtmlPageOfAnotherDatabase() {
        WireClient.Answer answer = post("/json/2/res.users/context_get", Map.of("Content-Type", "application/json",
                "Authorization", "bearer " + odoo.apiKey(), "X-Odoo-Database", "elsewhere"), "{}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("text/html");
    }

    @Test
    void shouldBindNamedArgumentsOnlyAndSayWhatDoesNotFit() {
        WireClient.Answer missing = client.json2("res.partner", "search_count", Map.of());
        WireClient.Answer unexpected = client.json2("res.partner", "search_count", Map.of("domain", List.of(),
                "colour", "red"));
        WireClient.Answer positional = client.json2("res.partner", "search_read", Map.of("args", List.of()));
        WireClient.Answer ids = client.json2("res.partner", "search", Map.of("ids", List.of(1), "domain",
                List.of()));

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("message").asText()).isEqualTo("missing a required argument: 'domain'");
        assertThat(unexpected.status()).isEqualTo(422);
        assertThat(unexpected.json().get("message").asText()).isEqualTo("got an unexpected keyword argument 'colour'");
        assertThat(positional.status()).isEqualTo(500);
        assertThat(positional.json().get("name").asText()).isEqualTo("builtins.TypeError");
        assertThat(ids.json().get("message").asText()).isEqualTo("cannot call res.partner.search with ids");
    }

    @Test
    void shouldRefuseUnknownFieldsAndOperatorsWithValueError() {
        WireClient.Answer create = client.json2("res.partner", "create", Map.of("vals_list", List.of(Map.of(
                "name", "x", "x_colour", "red"))));
        WireClient.Answer read = client.json2("res.partner", "read", Map.of("ids", List.of(1), "fields",
                List.of("x_colour")));
        WireClient.Answer domain = client.json2("res.partner", "search", Map.of("domain",
                List.of(List.of("name", "~~", "x"))));
        WireClient.Answer order = client.json2("res.partner", "search", Map.of("domain", List.of(), "order",
                "colour desc"));

        assertThat(create.status()).isEqualTo(500);
        assertThat(create.json().get("message").asText()).isEqualTo("Invalid field 'x_colour' in 'res.partner'");
        assertThat(read.json().get("message").asText()).isEqualTo("Invalid field 'x_colour' on 'res.partner'");
        assertThat(domain.json().get("message").asText())
                .isEqualTo("Invalid operator in condition ('name', '~~', 'x')");
        assertThat(order.json().get("name").asText()).isEqualTo("builtins.ValueError");
    }

    @Test
    void shouldAnswerCreateWithAListEvenForOneDict() {
        JsonNode single = client.call("res.partner", "create", Map.of("vals_list", Map.of("name", "One")));
        JsonNode batch = client.call("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "A"),
                Map.of("name", "B"))));

        assertThat(single.isArray()).isTrue();
        assertThat(single).hasSize(1);
        assertThat(batch).hasSize(2);
        assertThat(batch.get(1).asLong()).isEqualTo(batch.get(0).asLong() + 1);
    }

    @Test
    void shouldCreateNothingWhenOneRecordOfABatchFails() {
        int before = odoo.store().count("res.partner");

        WireClient.Answer answer = client.json2("res.partner", "create", Map.of("vals_list", List.of(
                Map.of("name", "Fine"), Map.of("email", "nameless@example.com"))));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(odoo.store().count("res.partner")).isEqualTo(before);
    }

    @Test
    void shouldRefuseALanguageThatIsNotInstalled() {
        WireClient.Answer answer = client.json2("account.move", "fields_get", Map.of("allfields", List.of("state"),
                "context", Map.of("lang", "fr_FR")));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("message").asText()).isEqualTo("Invalid language code: fr_FR");
    }

    @Test
    void shouldAnswerMissingRecordsAsReadSilentlyAndWriteLoudly() {
        JsonNode read = client.call("res.partner", "read", Map.of("ids", List.of(999_999_999L), "fields",
                List.of("name")));
        WireClient.Answer write = client.json2("res.partner", "write", Map.of("ids", List.of(999_999_999L),
                "vals", Map.of("name", "x")));
        WireClient.Answer unlink = client.json2("res.partner", "unlink", Map.of("ids", List.of(999_999_999L)));

        assertThat(read).isEmpty();
        assertThat(write.status()).isEqualTo(404);
        assertThat(write.json().get("message").asText()).isEqualTo(
                "Record does not exist or has been deleted.\n(Record: res.partner(999999999,), User: 2)");
        assertThat(unlink.status()).isEqualTo(404);
    }

    @Test
    void shouldAnswerVersionAndAHintForOtherRoutes() {
        WireClient.Answer version = client.send("GET", "/web/version", Map.of(), null);
        WireClient.Answer get = client.send("GET", "/json/2/res.partner/search", Map.of(), null);
        WireClient.Answer text = post("/json/2/res.partner/search", Map.of("Content-Type", "text/plain",
                "Authorization", "bearer " + odoo.apiKey()), "{\"domain\": []}");
        WireClient.Answer broken = post("/json/2/res.partner/search", Map.of("Content-Type", "application/json",
                "Authorization", "bearer " + odoo.apiKey()), "{not json");

        assertThat(version.body()).isEqualTo("{\"version_info\":[19,0,0,\"final\",0,\"\"],\"version\":\"19.0\"}");
        assertThat(client.send("HEAD", "/web/version", Map.of(), null).status()).isEqualTo(200);
        assertThat(client.send("GET", "/xmlrpc/2/common", Map.of(), null).status()).isEqualTo(405);
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.json().get("message").asText()).isEqualTo("Did you mean POST /json/2/<model>/<method>?");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("text/html");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("message").asText()).isEqualTo("could not parse the body as json: "
                + "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)");
    }

    @Test
    void shouldLogEveryCallWithItsRecordCountAndOutcome() {
        odoo.clearCalls();
        client.call("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "A"), Map.of("name", "B"))));
        client.json2("res.partner", "write", Map.of("ids", List.of(999_999_999L), "vals", Map.of("name", "x")));

        List<SimulatorCall> calls = odoo.calls();

        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).extracting(SimulatorCall::protocol, SimulatorCall::model, SimulatorCall::method,
                SimulatorCall::records, SimulatorCall::status, SimulatorCall::error)
                .containsExactly("json2", "res.partner", "create", 2, 200, null);
        assertThat(calls.get(1).status()).isEqualTo(404);
        assertThat(calls.get(1).error()).isEqualTo("odoo.exceptions.MissingError");
        assertThat(calls.get(1).time()).isNotNull();
    }

    @Test
    void shouldDelayCallsByTheConfiguredLatency() {
        odoo.setLatency(new Latency(50, 40));

        long started = System.nanoTime();
        client.call("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "A"), Map.of("name", "B"))));
        long createMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        client.call("res.partner", "search_count", Map.of("domain", List.of()));
        long countMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(createMillis).isGreaterThanOrEqualTo(130);
        assertThat(countMillis).isGreaterThanOrEqualTo(50);
        assertThat(odoo.latency()).isEqualTo(new Latency(50, 40));
    }
}
