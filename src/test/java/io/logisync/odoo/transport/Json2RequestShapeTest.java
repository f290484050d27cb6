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
import io.logisync.odoo.OdooRecord;
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

/** The JSON-2 request bodies equal the recorded ones, built from the same values through the public API. */
class Json2RequestShapeTest {

    private static final OdooContext BRUSSELS = new OdooContext("en_US", "Europe/Brussels", null, null);

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
        client = TestClients.json2(stub);
    }

    @Test
    void shouldSendCreateAsRecorded() {
        RecordedExchange recorded = replay("c2_partner_create_batch");

        List<Long> ids = client.create("res.partner", valuesList(recorded.request().get("vals_list")), null);

        assertThat(ids).containsExactly(62L, 63L);
        assertSentBody(recorded);
        assertThat(stub.lastRequest().path()).isEqualTo("/json/2/res.partner/create");
        assertThat(stub.lastRequest().header("Authorization")).isEqualTo("bearer " + TestClients.SECRET);
        assertThat(stub.lastRequest().header("X-Odoo-Database")).isEqualTo("lab");
        assertThat(stub.lastRequest().header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void shouldSendInvoiceCreateWithLineCommandsAsRecorded() {
        RecordedExchange recorded = replay("c4_invoice_create");

        List<Long> ids = client.create("account.move", valuesList(recorded.request().get("vals_list")), null);

        assertThat(ids).containsExactly(56L);
        assertSentBody(recorded);
    }

    @Test
    void shouldSendReadAsRecorded() {
        RecordedExchange recorded = replay("c2_partner_read");

        List<OdooRecord> records = client.read("res.partner", ids(recorded.request().get("ids")),
                strings(recorded.request().get("fields")), null);

        assertThat(records).extracting(OdooRecord::id).containsExactly(60L, 62L, 63L);
        assertSentBody(recorded);
    }

    @Test
    void shouldSendWriteAsRecorded() {
        RecordedExchange recorded = replay("c2_partner_write");

        client.write("res.partner", ids(recorded.request().get("ids")), map(recorded.request().get("vals")), null);

        assertSentBody(recorded);
    }

    @Test
    void shouldSendSearchReadAsRecordedWithIdAsDefaultOrder() {
        RecordedExchange recorded = replay("c2_partner_search_read");

        List<OdooRecord> records = client.searchRead("res.partner", list(recorded.request().get("domain")),
                strings(recorded.request().get("fields")), null, null, null);

        assertThat(records).hasSize(4);
        assertThat(records.get(0).getMany2one("country_id").displayName()).isEqualTo("United States");
        assertSentBody(recorded);
    }

    @Test
    void shouldSendActionPostAsRecorded() {
        RecordedExchange recorded = replay("c4_invoice_action_post");

        Object result = client.callOnRecords("account.move", "action_post", ids(recorded.request().get("ids")),
                null);

        assertThat(result).isEqualTo(false);
        assertSentBody(recorded);
    }

    @Test
    void shouldSendContextAsRecorded() {
        RecordedExchange recorded = replay("c8_search_read_tz_context");

        client.searchRead("res.partner", list(recorded.request().get("domain")),
                strings(recorded.request().get("fields")), null, null, BRUSSELS);

        assertThat(stub.lastRequest().json().get("context")).isEqualTo(recorded.request().get("context"));
    }

    private RecordedExchange replay(String caseName) {
        RecordedExchange recorded = WireCases.json2(caseName);
        stub.enqueue(StubResponse.replay(recorded));
        return recorded;
    }

    private void assertSentBody(RecordedExchange recorded) {
        assertThat(stub.lastRequest().json()).isEqualTo(recorded.request());
    }
}
