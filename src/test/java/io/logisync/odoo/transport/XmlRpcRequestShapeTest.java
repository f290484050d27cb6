package io.logisync.odoo.transport;

import static io.logisync.odoo.support.RecordedValues.ids;
import static io.logisync.odoo.support.RecordedValues.list;
import static io.logisync.odoo.support.RecordedValues.map;
import static io.logisync.odoo.support.RecordedValues.strings;
import static io.logisync.odoo.support.RecordedValues.valuesList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.support.RecordedExchange;
import io.logisync.odoo.support.StubOdoo;
import io.logisync.odoo.support.StubRequest;
import io.logisync.odoo.support.StubResponse;
import io.logisync.odoo.support.TestClients;
import io.logisync.odoo.support.WireCases;
import io.logisync.odoo.support.XmlRpcJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The XML-RPC params decode to the recorded ones: same positional args, same kwargs, same secret slot. */
class XmlRpcRequestShapeTest {

    private OdooClient client;
    private StubOdoo stub;

    @BeforeEach
    void start() {
        stub = StubOdoo.start();
        client = TestClients.xmlRpc(stub);
        TestClients.queueXmlRpcLogin(stub);
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    @Test
    void shouldAuthenticateAsRecordedOnCommon() {
        replay("c2_partner_search_count");

        assertThat(client.execute("res.partner", "search_count", Map.of("domain", List.of()), null))
                .isInstanceOf(Long.class);

        StubRequest login = stub.requests().get(0);
        assertThat(login.path()).isEqualTo("/xmlrpc/2/common");
        assertThat(XmlRpcJson.call(login.body())).isEqualTo(recordedCall(WireCases.xmlRpc("c1_authenticate_ok")));
        assertThat(login.header("Content-Type")).isEqualTo("text/xml");
    }

    @Test
    void shouldSendCreateOfAListAsRecorded() {
        RecordedExchange recorded = replay("c2_partner_create_batch");

        List<Long> ids = client.create("res.partner", valuesList(args(recorded).get(0)), null);

        assertThat(ids).hasSize(2).allSatisfy(id -> assertThat(id).isPositive());
        assertSentCall(recorded);
    }

    @Test
    void shouldSendReadWithIdsAndFieldsPositionalAsRecorded() {
        RecordedExchange recorded = replay("c2_partner_read");

        client.read("res.partner", ids(args(recorded).get(0)), strings(args(recorded).get(1)), null);

        assertSentCall(recorded);
    }

    @Test
    void shouldSendWriteWithIdsAndValsPositionalAsRecorded() {
        RecordedExchange recorded = replay("c2_partner_write");

        client.write("res.partner", ids(args(recorded).get(0)), map(args(recorded).get(1)), null);

        assertSentCall(recorded);
    }

    @Test
    void shouldSendSearchReadWithDomainPositionalAndTheRestAsKwargs() {
        RecordedExchange recorded = replay("c2_partner_search_read");
        JsonNode kwargs = recordedCall(recorded).get("params").get(6);

        client.searchRead("res.partner", list(args(recorded).get(0)), strings(kwargs.get("fields")), null, "id",
                null);

        assertSentCall(recorded);
    }

    @Test
    void shouldSendInvoiceLinesWithDoublesAsRecorded() {
        RecordedExchange recorded = replay("c4_invoice_create");

        client.create("account.move", valuesList(args(recorded)), null);

        JsonNode sent = XmlRpcJson.call(stub.lastRequest().body()).get("params");
        JsonNode recordedVals = args(recorded).get(0);
        // the client always sends a list of value maps; the recording created from one dict
        assertThat(sent.get(5).get(0)).isEqualTo(JsonNodeFactory.instance.arrayNode().add(recordedVals));
        assertThat(stub.lastRequest().body()).contains("<double>").doesNotContain("E+").doesNotContain("E-");
    }

    @Test
    void shouldSendActionPostWithIdsPositionalAsRecorded() {
        RecordedExchange recorded = replay("c4_invoice_action_post");

        Object result = client.callOnRecords("account.move", "action_post", ids(args(recorded).get(0)), null);

        assertThat(result).isEqualTo(false);
        assertSentCall(recorded);
    }

    @Test
    void shouldSendContextInKwargsAsRecorded() {
        RecordedExchange recorded = replay("c8_fields_get_account_move_fr");
        JsonNode kwargs = recordedCall(recorded).get("params").get(6);

        catchAny(() -> client.execute("account.move", "fields_get", Map.of("allfields", List.of("state"),
                "attributes", strings(kwargs.get("attributes"))), new OdooContext("fr_FR", null, null, null)));

        assertSentCall(recorded);
    }

    private RecordedExchange replay(String caseName) {
        RecordedExchange recorded = WireCases.xmlRpc(caseName);
        stub.enqueue(StubResponse.replay(recorded));
        return recorded;
    }

    private static JsonNode recordedCall(RecordedExchange recorded) {
        return XmlRpcJson.call(recorded.requestBody());
    }

    private static JsonNode args(RecordedExchange recorded) {
        return recordedCall(recorded).get("params").get(5);
    }

    private void assertSentCall(RecordedExchange recorded) {
        StubRequest sent = stub.lastRequest();
        assertThat(sent.path()).isEqualTo(recorded.path());
        assertThat(XmlRpcJson.call(sent.body())).isEqualTo(recordedCall(recorded));
    }

    private static void catchAny(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException expected) {
            // the recorded answer is an error; only the request matters here
        }
    }
}
