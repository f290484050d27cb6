package io.logisync;

import static io.logisync.support.Events.MAPPER;
import static io.logisync.support.Events.array;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.support.LogisyncHarness;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngressRouteTest {

    private static LogisyncHarness logisync;

    @BeforeAll
    static void start() throws Exception {
        logisync = LogisyncHarness.start("--logisync.ingress.max-body-bytes=20000", "--camel.server.max-body-size=20000");
    }

    @AfterAll
    static void stop() throws Exception {
        logisync.close();
    }

    private int parkedBefore;
    private int processedBefore;

    @BeforeEach
    void rememberWhatIsStored() {
        logisync.odoo().clearCalls();
        parkedBefore = count("parked_message");
        processedBefore = count("camel_messageprocessed");
    }

    @Test
    void shouldRejectAnInvalidEventWith400NamingTheFieldAndTheRule() throws Exception {
        ObjectNode event = shipment("bad-1", "L-300", "ACME", charge("LINEHAUL", "1", "10.00"));
        ((ObjectNode) event.get("data").get("charges").get(0)).remove("quantity");

        HttpResponse<String> response = logisync.post(event.toString(), LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.get("message").asText()).contains("$.data.charges[0]").contains("quantity")
                .contains("rule: required");
        assertThat(body.at("/results/0/status").asText()).isEqualTo("rejected");
        assertNothingStored();
    }

    @Test
    void shouldRejectATimeWithoutAnOffset() throws Exception {
        ObjectNode event = customer("bad-2", "ACME", "Acme");
        event.put("time", "2026-11-02T14:05:00");

        HttpResponse<String> response = logisync.post(event.toString(), LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body()).get("message").asText()).contains("$.time")
                .contains("rule: pattern");
        assertNothingStored();
    }

    @Test
    void shouldRefuseAWrongKeyWith401() throws Exception {
        HttpResponse<String> response = logisync.post(customer("c-1", "ACME", "Acme").toString(), "not-a-key");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(MAPPER.readTree(response.body()).get("message").asText()).contains("API key");
        assertNothingStored();
    }

    @Test
    void shouldRefuseAMissingKeyWith401() throws Exception {
        HttpResponse<String> response = logisync.post(customer("c-1", "ACME", "Acme").toString(), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void shouldRefuseAnOversizeBodyWith413() throws Exception {
        ArrayNode events = MAPPER.createArrayNode();
        for (int i = 0; i < 100; i++) {
            events.add(customer("big-" + i, "C-" + i, "Customer with a long enough name number " + i));
        }

        HttpResponse<String> response = logisync.post(events.toString(), LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).isEqualTo(413);
        assertNothingStored();
    }

    @Test
    void shouldRefuseMalformedJsonWith400() throws Exception {
        HttpResponse<String> response = logisync.post("[{\"specversion\": \"1.0\",", LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body()).get("message").asText()).contains("not valid JSON");
        assertNothingStored();
    }

    @Test
    void shouldRefuseABodyThatIsNotJsonWith415() throws Exception {
        HttpResponse<String> response = logisync.post("code=ACME", LogisyncHarness.TMS_KEY, "text/plain");

        assertThat(response.statusCode()).isEqualTo(415);
        assertNothingStored();
    }

    @Test
    void shouldRejectAnEventFromASourceTheKeyDoesNotSpeakFor() throws Exception {
        HttpResponse<String> response = logisync.post(customer("c-9", "ACME", "Acme").toString(),
                LogisyncHarness.CARRIER_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body()).get("message").asText()).contains("$.source");
        assertNothingStored();
    }

    @Test
    void shouldAnswerEachEventOfABatch() throws Exception {
        logisync.send(customer("batch-0", "BATCH", "Batch Co"));
        ObjectNode invalid = customer("batch-2", "BATCH-2", "Batch Two");
        ((ObjectNode) invalid.get("data")).put("email", "not an email");

        JsonNode answer = logisync.send(array(customer("batch-0", "BATCH", "Batch Co"),
                customer("batch-1", "BATCH-1", "Batch One"), invalid));

        assertThat(answer.at("/results/0/status").asText()).isEqualTo("duplicate");
        assertThat(answer.at("/results/1/status").asText()).isEqualTo("accepted");
        assertThat(answer.at("/results/1/outcome").asText()).isEqualTo("applied");
        assertThat(answer.at("/results/2/status").asText()).isEqualTo("rejected");
        assertThat(answer.at("/results/2/errors/0").asText()).contains("$.data.email").contains("rule: pattern");
        assertThat(logisync.records("res.partner")).extracting(p -> p.get("ref")).doesNotContain("BATCH-2");
    }

    private void assertNothingStored() {
        assertThat(count("parked_message")).isEqualTo(parkedBefore);
        assertThat(count("camel_messageprocessed")).isEqualTo(processedBefore);
        assertThat(logisync.odoo().calls()).isEmpty();
    }

    private static int count(String table) {
        return logisync.db().queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
