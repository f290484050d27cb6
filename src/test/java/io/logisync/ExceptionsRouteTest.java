package io.logisync;

import static io.logisync.support.Events.MAPPER;
import static io.logisync.support.Events.array;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.shipment;
import static io.logisync.support.LogisyncHarness.ADMIN;
import static io.logisync.support.LogisyncHarness.ADMIN_KEY;
import static io.logisync.support.LogisyncHarness.APPROVER_KEY;
import static io.logisync.support.LogisyncHarness.OPERATOR_KEY;
import static io.logisync.support.LogisyncHarness.TMS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.support.LogisyncHarness;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exceptions console of routes/exceptions.camel.yaml: who may do what, filters, redaction, edit and replay. */
class ExceptionsRouteTest {

    private LogisyncHarness logisync;

    @BeforeEach
    void start() throws Exception {
        logisync = LogisyncHarness.start();
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
    }

    @AfterEach
    void stop() throws Exception {
        logisync.close();
    }

    @Test
    void shouldRefuseEachEndpointToTheWrongRole() throws Exception {
        long id = parkUnmappedCharge("s-1", "L-500");
        String edited = hazmatAsSpecialHandling(id).toString();

        for (String read : List.of("/api/v1/exceptions", "/api/v1/exceptions/" + id)) {
            assertThat(status("GET", read, null, null)).as(read).isEqualTo(401);
            assertThat(status("GET", read, null, "not-a-key-at-all-000")).as(read).isEqualTo(401);
            assertThat(status("GET", read, null, TMS_KEY)).as(read).isEqualTo(403);
            assertThat(status("GET", read, null, APPROVER_KEY)).as(read).isEqualTo(403);
            assertThat(status("GET", read, null, OPERATOR_KEY)).as(read).isEqualTo(200);
            assertThat(status("GET", read, null, ADMIN_KEY)).as(read).isEqualTo(200);
        }
        Map<String, String> writes = Map.of("/api/v1/exceptions/" + id + "/replay", "POST",
                "/api/v1/exceptions/" + id + "/discard", "POST", "/api/v1/exceptions/" + id + "/payload", "PUT");
        for (Map.Entry<String, String> write : writes.entrySet()) {
            String body = write.getKey().endsWith("/payload") ? edited : "{}";
            assertThat(status(write.getValue(), write.getKey(), body, null)).as(write.getKey()).isEqualTo(401);
            assertThat(status(write.getValue(), write.getKey(), body, TMS_KEY)).as(write.getKey()).isEqualTo(403);
            assertThat(status(write.getValue(), write.getKey(), body, APPROVER_KEY)).as(write.getKey())
                    .isEqualTo(403);
            assertThat(status(write.getValue(), write.getKey(), body, OPERATOR_KEY)).as(write.getKey())
                    .isEqualTo(403);
        }
        assertThat(logisync.db().queryForList("SELECT action FROM exception_audit", String.class)).isEmpty();
        assertThat(status("PUT", "/api/v1/exceptions/" + id + "/payload", edited, ADMIN_KEY)).isEqualTo(200);
    }

    @Test
    void shouldListParkedMessagesFilteredByReasonSourceSubjectAndAge() throws Exception {
        long unmapped = parkUnmappedCharge("s-1", "L-501");
        logisync.send(shipment("s-2", "L-502", "NOBODY", charge("LINEHAUL", "1", "100.00")));
        logisync.post(shipment("s-3", "L-503", "NOBODY", charge("LINEHAUL", "1", "100.00")).put("source",
                "carrier/acme-freight").toString(), LogisyncHarness.CARRIER_KEY);

        assertThat(subjects("")).containsExactly("L-501", "L-502", "L-503");
        assertThat(subjects("?reason=AWAITING_CHARGE_MAPPING")).containsExactly("L-501");
        assertThat(subjects("?reason=AWAITING_CUSTOMER&source=tms/main")).containsExactly("L-502");
        assertThat(subjects("?source=carrier/acme-freight")).containsExactly("L-503");
        assertThat(subjects("?subject=L-502")).containsExactly("L-502");
        // everything was parked a moment ago: none is an hour old, all are younger than one
        assertThat(subjects("?minAge=1h")).isEmpty();
        assertThat(subjects("?maxAge=1h")).containsExactly("L-501", "L-502", "L-503");
        JsonNode page = list("?limit=2&offset=1");
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items")).extracting(i -> i.get("subject").asText()).containsExactly("L-502", "L-503");
        assertThat(list("").at("/items/0/id").asLong()).isEqualTo(unmapped);
        assertThat(status("GET", "/api/v1/exceptions?minAge=soon", null, OPERATOR_KEY)).isEqualTo(400);
        assertThat(status("GET", "/api/v1/exceptions?minAge=PT-2H", null, OPERATOR_KEY)).isEqualTo(400);
        assertThat(status("GET", "/api/v1/exceptions?minAge=2h&maxAge=1h", null, OPERATOR_KEY)).isEqualTo(400);
        HttpResponse<String> bogus = logisync.api("GET", "/api/v1/exceptions?reason=BOGUS", null, OPERATOR_KEY);
        assertThat(bogus.statusCode()).as(bogus.body()).isEqualTo(400);
        assertThat(MAPPER.readTree(bogus.body()).get("message").asText()).contains("'BOGUS'")
                .contains(String.join(", ", io.logisync.parking.ParkReasons.all()));
        HttpResponse<String> noStatus = logisync.api("GET", "/api/v1/exceptions?status=WHATEVER", null, OPERATOR_KEY);
        assertThat(noStatus.statusCode()).as(noStatus.body()).isEqualTo(400);
        assertThat(MAPPER.readTree(noStatus.body()).get("message").asText()).contains("'WHATEVER'")
                .contains("PARKED, REPLAYED, SUPERSEDED, DISCARDED");
        assertThat(subjects("?status=replayed")).isEmpty();
        // reasons are read in any case, as statuses are
        assertThat(subjects("?reason=awaiting_charge_mapping")).containsExactly("L-501");
        // the reasons a filter may name, for the console's list: every one of ParkReasons, and no other
        assertThat(page.get("reasons")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(io.logisync.parking.ParkReasons.all())
                .contains("AWAITING_CUSTOMER", "TAX_ID_CONFLICT", "AWAITING_VENDOR_BILLING");
    }

    @Test
    void shouldShowPricesAndPersonalDataRedactedUnlessAnAdminAsksForThemInFull() throws Exception {
        long id = parkUnmappedCharge("s-1", "L-504");

        JsonNode operatorView = get("/api/v1/exceptions/" + id + "?full=true", OPERATOR_KEY);
        JsonNode adminView = get("/api/v1/exceptions/" + id, ADMIN_KEY);
        JsonNode adminFull = get("/api/v1/exceptions/" + id + "?full=true", ADMIN_KEY);

        assertThat(operatorView.get("redacted").asBoolean()).isTrue();
        assertThat(operatorView.at("/payload/data/charges/0/rate").asText()).isEqualTo("[redacted]");
        assertThat(operatorView.at("/payload/data/charges/0/chargeCode").asText()).isEqualTo("HAZMAT");
        assertThat(operatorView.toString()).doesNotContain("87.25");
        assertThat(adminView.at("/payload/data/charges/0/rate").asText()).isEqualTo("[redacted]");
        assertThat(adminFull.get("redacted").asBoolean()).isFalse();
        assertThat(adminFull.at("/payload/data/charges/0/rate").asText()).isEqualTo("87.25");
        assertThat(get("/api/v1/exceptions/" + id + "?full=TRUE", ADMIN_KEY).get("redacted").asBoolean()).isFalse();
        assertThat(status("GET", "/api/v1/exceptions/" + id + "?full=yes", null, ADMIN_KEY)).isEqualTo(400);
    }

    @Test
    void shouldCreateTheInvoiceWhenAnEditedMessageIsReplayedAndAuditBoth() throws Exception {
        long id = parkUnmappedCharge("s-1", "L-505");
        logisync.send(array(delivered("m-1", "L-505", "2026-11-02T15:40:00Z"), pod("p-1", "L-505")));
        assertThat(invoices()).isEmpty();

        HttpResponse<String> edit = logisync.api("PUT", "/api/v1/exceptions/" + id + "/payload",
                hazmatAsSpecialHandling(id).toString(), ADMIN_KEY);
        HttpResponse<String> replay = logisync.api("POST", "/api/v1/exceptions/" + id + "/replay", null, ADMIN_KEY);

        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(MAPPER.readTree(replay.body()).get("outcome").asText()).isEqualTo("applied");
        Map<String, Object> invoice = invoices().get(0);
        assertThat(invoices()).hasSize(1);
        assertThat(invoice.get("state")).isEqualTo("posted");
        // 2 x 87.25 = 174.50 untaxed; 15 % tax 26.18 (26.175 rounded half up); total 200.68
        assertThat(decimal(invoice.get("amount_untaxed"))).isEqualByComparingTo("174.50");
        assertThat(decimal(invoice.get("amount_total"))).isEqualByComparingTo("200.68");
        List<Map<String, Object>> audit = logisync.db().queryForList("SELECT action, actor, changes, outcome"
                + " FROM exception_audit WHERE parked_id = ? ORDER BY id", id);
        assertThat(audit).extracting(row -> row.get("ACTION"), row -> row.get("ACTOR"), row -> row.get("OUTCOME"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EDITED", ADMIN, null),
                        org.assertj.core.groups.Tuple.tuple("REPLAYED", ADMIN, "APPLIED"));
        JsonNode changes = MAPPER.readTree((String) audit.get(0).get("CHANGES"));
        assertThat(changes).hasSize(1);
        assertThat(changes.at("/0/path").asText()).isEqualTo("/data/charges/0/chargeCode");
        assertThat(changes.at("/0/before").asText()).isEqualTo("HAZMAT");
        assertThat(changes.at("/0/after").asText()).isEqualTo("SPECIAL_HANDLING");
        assertThat(statusOf(id)).isEqualTo("REPLAYED");
    }

    @Test
    void shouldParkAReplayAgainWhenWhatItWaitsForHasNotArrived() throws Exception {
        logisync.send(shipment("s-1", "L-506", "NOBODY", charge("LINEHAUL", "1", "100.00")));
        long id = onlyParkedId();

        JsonNode replay = MAPPER.readTree(logisync.api("POST", "/api/v1/exceptions/" + id + "/replay", null,
                ADMIN_KEY).body());

        assertThat(replay.get("outcome").asText()).isEqualTo("parked");
        assertThat(replay.get("attempts").asInt()).isEqualTo(2);
        assertThat(replay.get("status").asText()).isEqualTo("PARKED");
        assertThat(replay.at("/audit/0/outcome").asText()).isEqualTo("PARKED AGAIN as AWAITING_CUSTOMER");
    }

    @Test
    void shouldDiscardWithTheAdminsNoteAndRefuseToReplayWhatWasDiscarded() throws Exception {
        long id = parkUnmappedCharge("s-1", "L-507");
        HttpResponse<String> misspelt = logisync.api("POST", "/api/v1/exceptions/" + id + "/discard",
                "{\"note\": \"x\", \"reasn\": \"y\"}", ADMIN_KEY);
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(misspelt.body()).get("message").asText()).contains("$.reasn")
                .contains("accepted: note");
        assertThat(statusOf(id)).isEqualTo("PARKED");

        HttpResponse<String> discard = logisync.api("POST", "/api/v1/exceptions/" + id + "/discard",
                "{\"note\": \"load cancelled by phone\"}", ADMIN_KEY);
        HttpResponse<String> replay = logisync.api("POST", "/api/v1/exceptions/" + id + "/replay", null, ADMIN_KEY);

        assertThat(discard.statusCode()).isEqualTo(200);
        assertThat(statusOf(id)).isEqualTo("DISCARDED");
        assertThat(logisync.db().queryForMap("SELECT action, actor, note FROM exception_audit WHERE parked_id = ?",
                id)).containsEntry("ACTION", "DISCARDED").containsEntry("ACTOR", ADMIN)
                .containsEntry("NOTE", "load cancelled by phone");
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(MAPPER.readTree(replay.body()).get("message").asText()).contains("DISCARDED");
        assertThat(subjects("")).isEmpty();
        assertThat(subjects("?status=DISCARDED")).containsExactly("L-507");
        assertThat(invoices()).isEmpty();
    }

    @Test
    void shouldRefuseAnEditThatChangesTheEventsIdentityOrBreaksItsSchema() throws Exception {
        long id = parkUnmappedCharge("s-1", "L-508");
        ObjectNode otherId = hazmatAsSpecialHandling(id).put("id", "s-99");
        ObjectNode noQuantity = hazmatAsSpecialHandling(id);
        ((ObjectNode) noQuantity.at("/data/charges/0")).remove("quantity");

        // edited from the redacted view: the rate reads [redacted], which must not replace 87.25
        ObjectNode fromRedactedView = (ObjectNode) get("/api/v1/exceptions/" + id, ADMIN_KEY).get("payload");
        ((ObjectNode) fromRedactedView.at("/data/charges/0")).put("chargeCode", "SPECIAL_HANDLING");

        HttpResponse<String> identity = logisync.api("PUT", "/api/v1/exceptions/" + id + "/payload",
                otherId.toString(), ADMIN_KEY);
        HttpResponse<String> redacted = logisync.api("PUT", "/api/v1/exceptions/" + id + "/payload",
                fromRedactedView.toString(), ADMIN_KEY);
        HttpResponse<String> schema = logisync.api("PUT", "/api/v1/exceptions/" + id + "/payload",
                noQuantity.toString(), ADMIN_KEY);

        assertThat(identity.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(identity.body()).get("message").asText()).contains("$.id").contains("s-1");
        assertThat(schema.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(schema.body()).get("message").asText()).contains("quantity");
        assertThat(redacted.statusCode()).as(redacted.body()).isEqualTo(400);
        assertThat(MAPPER.readTree(redacted.body()).get("message").asText())
                .startsWith("the payload holds redacted values ($.data.charges[0].rate still read [redacted])")
                .contains("?full=true");
        assertThat(logisync.db().queryForObject("SELECT payload FROM parked_message WHERE id = ?", String.class, id))
                .contains("87.25").doesNotContain("[redacted]");
        assertThat(logisync.db().queryForList("SELECT action FROM exception_audit", String.class)).isEmpty();
        assertThat(status("GET", "/api/v1/exceptions/424242", null, OPERATOR_KEY)).isEqualTo(404);
    }

    private long parkUnmappedCharge(String eventId, String loadRef) throws Exception {
        logisync.send(shipment(eventId, loadRef, "ACME", charge("HAZMAT", "2", "87.25")));
        return logisync.db().queryForObject("SELECT id FROM parked_message WHERE subject = ?", Long.class, loadRef);
    }

    /** The parked event as an admin corrects it: HAZMAT is billed as the mapped SPECIAL_HANDLING product. */
    private ObjectNode hazmatAsSpecialHandling(long id) throws Exception {
        JsonNode full = get("/api/v1/exceptions/" + id + "?full=true", ADMIN_KEY);
        ObjectNode event = (ObjectNode) full.get("payload").deepCopy();
        ((ObjectNode) event.at("/data/charges/0")).put("chargeCode", "SPECIAL_HANDLING");
        return event;
    }

    private long onlyParkedId() {
        return logisync.db().queryForObject("SELECT id FROM parked_message", Long.class);
    }

    private String statusOf(long id) {
        return logisync.db().queryForObject("SELECT status FROM parked_message WHERE id = ?", String.class, id);
    }

    private List<String> subjects(String query) throws Exception {
        return list(query).findValuesAsText("subject");
    }

    private JsonNode list(String query) throws Exception {
        return get("/api/v1/exceptions" + query, OPERATOR_KEY);
    }

    private JsonNode get(String path, String key) throws Exception {
        HttpResponse<String> response = logisync.api("GET", path, null, key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }

    private int status(String method, String path, String body, String key) throws Exception {
        return logisync.api(method, path, body, key).statusCode();
    }

    private List<Map<String, Object>> invoices() {
        return logisync.records("account.move").stream().filter(m -> "out_invoice".equals(m.get("move_type")))
                .toList();
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }
}
