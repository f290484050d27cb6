package io.logisync.odoo.transport;

import static io.logisync.odoo.support.RecordedValues.ids;
import static io.logisync.odoo.support.RecordedValues.list;
import static io.logisync.odoo.support.RecordedValues.map;
import static io.logisync.odoo.support.RecordedValues.strings;
import static io.logisync.odoo.support.RecordedValues.valuesList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.support.RecordedExchange;
import io.logisync.odoo.support.StubOdoo;
import io.logisync.odoo.support.StubRequest;
import io.logisync.odoo.support.StubResponse;
import io.logisync.odoo.support.TestClients;
import io.logisync.odoo.support.WireCases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON-RPC {@code params} equal the recorded ones: same positional args, same kwargs, same secret slot. */
class JsonRpcRequestShapeTest {

    private OdooClient client;
    private StubOdoo stub;

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    @BeforeEach
    void start() {
        stub = StubOdoo.start();
        client = TestClients.jsonRpc(stub);
        TestClients.queueJsonRpcLogin(stub);
    }

    @Test
    void shouldAuthenticateAsRecorded() {
        replay("c2_partner_search_count");

        client.execute("res.partner", "search_count", Map.of("domain", List.of()), null);

        JsonNode login = stub.requests().get(0).json();
        JsonNode recorded = WireCases.jsonRpc("c1_authenticate_ok").request();
        assertThat(login.get("params")).isEqualTo(recorded.get("params"));
        assertThat(login.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(login.get("method").asText()).isEqualTo("call");
    }

    @Test
    void shouldSendCreateOfAListAsRecorded() {
        RecordedExchange recorded = replay("c2_partner_create_batch");

        List<Long> ids = client.create("res.partner", valuesList(args(recorded).get(0)), null);

        assertThat(ids).containsExactly(57L, 58L);
        assertSentParams(recorded);
    }

    @Test
    void shouldReturnAListWhenCreatingAListOfOne() {
        RecordedExchange recorded = replay("c2_partner_create_list_of_one");

        List<Long> ids = client.create("res.partner", valuesList(args(recorded).get(0)), null);

        assertThat(ids).containsExactly(56L);
        assertSentParams(recorded);
    }

    @Test
    void shouldSendReadWithIdsAndFieldsPositionalAsRecorded() {
        RecordedExchange recorded = replay("c2_partner_read");

        client.read("res.partner", ids(args(recorded).get(0)), strings(args(recorded).get(1)), null);

        assertSentParams(recorded);
    }

    @Test
    void shouldSendWriteWithIdsAndValsPositionalAsRecorded() {
        RecordedExchange recorded = replay("c2_partner_write");

        client.write("res.partner", ids(args(recorded).get(0)), map(args(recorded).get(1)), null);

        assertSentParams(recorded);
    }

    @Test
    void shouldSendSearchReadWithDomainPositionalAndTheRestAsKwargs() {
        RecordedExchange recorded = replay("c2_partner_search_read");
        JsonNode kwargs = recorded.request().path("params").path("args").get(6);

        client.searchRead("res.partner", list(args(recorded).get(0)), strings(kwargs.get("fields")), null, "id",
                null);

        assertSentParams(recorded);
    }

    @Test
    void shouldSendActionPostWithIdsPositionalAsRecorded() {
        RecordedExchange recorded = replay("c4_invoice_action_post");

        Object result = client.callOnRecords("account.move", "action_post", ids(args(recorded).get(0)), null);

        assertThat(result).isEqualTo(false);
        assertSentParams(recorded);
    }

    @Test
    void shouldSendContextInKwargsAsRecorded() {
        RecordedExchange recorded = replay("c8_fields_get_account_move_fr");
        JsonNode kwargs = recorded.request().path("params").path("args").get(6);

        catchAny(() -> client.execute("account.move", "fields_get", Map.of("allfields", List.of("state"),
                "attributes", strings(kwargs.get("attributes"))), new OdooContext("fr_FR", null, null, null)));

        assertSentParams(recorded);
    }

    private RecordedExchange replay(String caseName) {
        RecordedExchange recorded = WireCases.jsonRpc(caseName);
        stub.enqueue(StubResponse.replay(recorded));
        return recorded;
    }

    private JsonNode args(RecordedExchange recorded) {
        return recorded.request().path("params").path("args").get(5);
    }

    private void assertSentParams(RecordedExchange recorded) {
        StubRequest sent = stub.lastRequest();
        assertThat(sent.path()).isEqualTo("/jsonrpc");
        assertThat(sent.json().get("params")).isEqualTo(recorded.request().get("params"));
    }

    private static void catchAny(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException expected) {
            // the recorded answer is an error; only the request matters here
        }
    }
}
