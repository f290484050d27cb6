package io.logisync;

import static io.logisync.support.Events.accessorial;
import static io.logisync.support.Events.accessorialContract;
import static io.logisync.support.Events.approved;
import static io.logisync.support.Events.array;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.rejected;
import static io.logisync.support.Events.shipmentPickedUp;
import static io.logisync.support.Events.unpriced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.accessorial.Accessorials;
import io.logisync.support.Events;
import io.logisync.support.LogisyncHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** routes/accessorials.camel.yaml: accessorials rated by the contract, approved on their own or by a person. */
class AccessorialsRouteTest {

    private LogisyncHarness logisync;

    @BeforeEach
    void start() throws Exception {
        logisync = LogisyncHarness.start();
        logisync.send(array(customer("c-1", "ACME", "Acme Retail Inc."), accessorialContract("PER_SHIPMENT")));
    }

    @AfterEach
    void stop() throws Exception {
        logisync.close();
    }

    @Test
    void shouldRateDetentionFromTheStopsTimesLessFreeTimeRoundedUpToTheStartedQuarterHour() throws Exception {
        logisync.send(array(shipment("L-1"), accessorial("a-1", "A-1", "L-1", "DETENTION",
                "2026-11-02T14:00:00-06:00", "2026-11-02T17:20:00-06:00")));

        // 3 h 20 min at the stop = 200 min, less 120 free = 80 min, rounded up to 90 (15-minute steps):
        // 1.5 h x 75.00 = 112.50, above the 100.00 the contract lets through on its own
        Map<String, Object> row = accessorialRow("A-1");
        assertThat((BigDecimal) row.get("RATED_AMOUNT")).isEqualByComparingTo("112.50");
        assertThat((BigDecimal) row.get("BILLED_QUANTITY")).isEqualByComparingTo("1.5");
        assertThat((BigDecimal) row.get("UNIT_PRICE")).isEqualByComparingTo("75.00");
        assertThat(row.get("STATUS")).isEqualTo("PENDING");
        assertThat((String) row.get("RATING")).contains("3 h 20 min at the stop", "2 h free",
                "rounded up to 1 h 30 min");

        logisync.send(array(approved("a-2", "A-1", "L-1", "dana.dispatch"), delivered("m-1", "L-1",
                "2026-11-02T23:40:00Z"), pod("p-1", "L-1")));

        Map<String, Object> line = lineWithProduct(onlyInvoice(), "DETENTION");
        assertThat(decimal(line.get("quantity"))).isEqualByComparingTo("1.5");
        assertThat(decimal(line.get("price_unit"))).isEqualByComparingTo("75.00");
        assertThat(decimal(line.get("price_subtotal"))).isEqualByComparingTo("112.50");
        // 283 miles x 2.85 = 806.55, plus detention 112.50 = 919.05
        assertThat(decimal(onlyInvoice().get("amount_untaxed"))).isEqualByComparingTo("919.05");
    }

    @Test
    void shouldApproveWaitingUnderTheAutoApprovalThresholdOnItsOwn() throws Exception {
        JsonNode answer = logisync.send(array(shipment("L-2"), accessorial("a-1", "A-2", "L-2", "WAITING",
                "2026-11-02T08:00:00-06:00", "2026-11-02T09:50:00-06:00"), delivered("m-1", "L-2",
                "2026-11-02T23:40:00Z"), pod("p-1", "L-2")));

        assertThat(answer.get("accepted").asInt()).isEqualTo(4);
        // 1 h 50 min = 110 min, less 60 free = 50 min, rounded up to 60: 1 h x 50.00 = 50.00, at most 100.00
        Map<String, Object> row = accessorialRow("A-2");
        assertThat(row.get("STATUS")).isEqualTo("APPROVED");
        assertThat(row.get("DECIDED_BY")).isEqualTo(Accessorials.AUTO_APPROVER);
        assertThat(row.get("DECIDED_AT")).isNotNull();
        assertThat(decimal(lineWithProduct(onlyInvoice(), "WAITING").get("price_subtotal")))
                .isEqualByComparingTo("50.00");
        // 806.55 + 50.00 = 856.55, posted with no person deciding
        assertThat(onlyInvoice().get("state")).isEqualTo("posted");
        assertThat(decimal(onlyInvoice().get("amount_untaxed"))).isEqualByComparingTo("856.55");
    }

    @Test
    void shouldCapDetentionAtTheContractsCap() throws Exception {
        logisync.send(array(shipment("L-3"), accessorial("a-1", "A-3", "L-3", "DETENTION",
                "2026-11-02T06:00:00-06:00", "2026-11-02T18:00:00-06:00")));

        // 12 h = 720 min, less 120 free = 600 min: 10 h x 75.00 = 750.00, capped at 600.00 (one unit)
        Map<String, Object> row = accessorialRow("A-3");
        assertThat((BigDecimal) row.get("AMOUNT")).isEqualByComparingTo("600.00");
        assertThat((BigDecimal) row.get("BILLED_QUANTITY")).isEqualByComparingTo("1");
        assertThat((String) row.get("RATING")).contains("capped at 600");
    }

    @Test
    void shouldFlagAProposedAmountThatDiffersFromTheRatingAndWaitForAPerson() throws Exception {
        ObjectNode waiting = accessorial("a-1", "A-4", "L-4", "WAITING", "2026-11-02T08:00:00-06:00",
                "2026-11-02T09:50:00-06:00");
        ((ObjectNode) waiting.get("data")).put("amount", "60.00");

        logisync.send(array(shipment("L-4"), waiting, delivered("m-1", "L-4", "2026-11-02T23:40:00Z"),
                pod("p-1", "L-4")));

        // rated 50.00 (as above), proposed 60.00: under the threshold, but flagged, so it is not approved alone
        Map<String, Object> row = accessorialRow("A-4");
        assertThat(row.get("STATUS")).isEqualTo("PENDING");
        assertThat((String) row.get("FLAG")).contains("proposed 60.00").contains("rates it 50.00");
        assertThat((BigDecimal) row.get("AMOUNT")).isEqualByComparingTo("50.00");
        assertThat(invoices()).isEmpty();
    }

    @Test
    void shouldHoldTheInvoiceUntilTheLastAccessorialIsDecided() throws Exception {
        logisync.send(array(shipment("L-5"),
                accessorial("a-1", "A-5", "L-5", "DETENTION", "2026-11-02T14:00:00-06:00",
                        "2026-11-02T17:20:00-06:00"),
                accessorial("a-2", "A-6", "L-5", "LUMPER", null, null),
                delivered("m-1", "L-5", "2026-11-02T23:40:00Z"), pod("p-1", "L-5")));
        assertThat(invoices()).isEmpty();

        logisync.send(approved("d-1", "A-5", "L-5", "dana.dispatch"));
        assertThat(invoices()).isEmpty();

        logisync.send(rejected("d-2", "A-6", "L-5", "dana.dispatch", "no lumper receipt"));

        // linehaul 806.55 + detention 112.50 = 919.05; the rejected lumper (95.00) is not billed
        Map<String, Object> invoice = onlyInvoice();
        assertThat(decimal(invoice.get("amount_untaxed"))).isEqualByComparingTo("919.05");
        assertThat(lines(invoice)).extracting(l -> productCode(l)).containsExactlyInAnyOrder("LINEHAUL", "DETENTION");
    }

    @Test
    void shouldKeepWhoDecidedAndWhenForEveryDecision() throws Exception {
        logisync.send(array(shipment("L-6"), accessorial("a-1", "A-7", "L-6", "LUMPER", null, null)));
        ObjectNode approval = approved("d-1", "A-7", "L-6", "dana.dispatch");
        approval.put("time", "2026-11-03T09:15:00-06:00");
        ((ObjectNode) approval.get("data")).put("reason", "receipt on file");
        ObjectNode rejection = rejected("d-2", "A-7", "L-6", "sam.supervisor", "receipt was for another load");
        rejection.put("time", "2026-11-03T11:00:00-06:00");

        logisync.send(array(approval, rejection));

        List<Map<String, Object>> trail = logisync.db().queryForList("SELECT decision, decided_by, decided_at,"
                + " reason FROM accessorial_decision WHERE accessorial_id = 'A-7' ORDER BY id");
        assertThat(trail).extracting(r -> r.get("DECISION"), r -> r.get("DECIDED_BY"), r -> r.get("REASON"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("APPROVED", "dana.dispatch", "receipt on file"),
                        org.assertj.core.groups.Tuple.tuple("REJECTED", "sam.supervisor",
                                "receipt was for another load"));
        assertThat(((java.sql.Timestamp) trail.get(1).get("DECIDED_AT")).toInstant())
                .isEqualTo("2026-11-03T17:00:00Z");
        assertThat(accessorialRow("A-7").get("STATUS")).isEqualTo("REJECTED");
    }

    @Test
    void shouldApplyADecisionThatArrivedBeforeItsProposalOnceTheProposalComes() throws Exception {
        logisync.send(shipment("L-7"));
        JsonNode early = logisync.send(approved("d-1", "A-8", "L-7", "dana.dispatch"));
        assertThat(early.at("/results/0/reason").asText()).isEqualTo("AWAITING_ACCESSORIAL");

        logisync.send(accessorial("a-1", "A-8", "L-7", "LUMPER", null, null));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logisync.db().queryForObject(
                "SELECT status FROM parked_message WHERE event_id = 'd-1'", String.class)).isEqualTo("REPLAYED"));
        assertThat(accessorialRow("A-8").get("STATUS")).isEqualTo("APPROVED");
    }

    @Test
    void shouldParkAProposalForALoadNotCreatedYetAndRateItWhenTheShipmentArrives() throws Exception {
        JsonNode early = logisync.send(accessorial("a-1", "A-9", "L-8", "LUMPER", null, null));
        assertThat(early.at("/results/0/reason").asText()).isEqualTo("AWAITING_SHIPMENT");

        logisync.send(shipment("L-8"));

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(
                (BigDecimal) accessorialRow("A-9").get("AMOUNT")).isEqualByComparingTo("95.00"));
    }

    @Test
    void shouldParkAProposalTheContractDoesNotPriceAndThatCarriesNoAmount() throws Exception {
        JsonNode answer = logisync.send(array(shipment("L-9"),
                accessorial("a-1", "A-10", "L-9", "SPECIAL_HANDLING", null, null)));

        assertThat(answer.at("/results/1/reason").asText()).isEqualTo("INVALID_DATA");
        assertThat(logisync.db().queryForObject("SELECT detail FROM parked_message", String.class))
                .contains("SPECIAL_HANDLING").contains("data.amount");
    }

    @Test
    void shouldShowAnAccessorialPendingLongerThanTheLimitAsAnExceptionAndAMetric() throws Exception {
        try (LogisyncHarness watched = LogisyncHarness.start("--logisync.accessorials.pending-limit-minutes=0",
                "--logisync.accessorials.pending-check-delay-ms=100",
                "--logisync.accessorials.pending-check-period-ms=200")) {
            watched.send(array(customer("c-1", "ACME", "Acme Retail Inc."), accessorialContract("PER_SHIPMENT"),
                    shipment("L-10"), accessorial("a-1", "A-11", "L-10", "LUMPER", null, null)));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(watched.db().queryForList(
                    "SELECT reason, waiting_for FROM parked_message WHERE status = 'PARKED'")).singleElement()
                    .satisfies(r -> assertThat(r).containsEntry("REASON", "ACCESSORIAL_PENDING")
                            .containsEntry("WAITING_FOR", "decision:A-11")));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(watched.management(
                    "/observe/metrics").body()).contains("logisync_accessorials_pending_overdue 1.0"));

            watched.send(approved("d-1", "A-11", "L-10", "dana.dispatch"));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(watched.db().queryForObject(
                    "SELECT status FROM parked_message WHERE reason = 'ACCESSORIAL_PENDING'", String.class))
                    .isEqualTo("REPLAYED"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(watched.management(
                    "/observe/metrics").body()).contains("logisync_accessorials_pending_overdue 0.0"));
        }
    }

    @Test
    void shouldChangeNothingWhenTheSameProposalAndDecisionComeAgainUnderNewIds() throws Exception {
        logisync.send(array(shipment("L-11"), accessorial("a-1", "A-12", "L-11", "LUMPER", null, null),
                approved("d-1", "A-12", "L-11", "dana.dispatch"), delivered("m-1", "L-11", "2026-11-02T23:40:00Z"),
                pod("p-1", "L-11")));
        int calls = logisync.odoo().calls().size();

        logisync.send(array(accessorial("a-2", "A-12", "L-11", "LUMPER", null, null),
                approved("d-2", "A-12", "L-11", "dana.dispatch")));

        assertThat(logisync.odoo().calls()).hasSize(calls);
        assertThat(invoices()).hasSize(1);
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM accessorial_decision", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void shouldLetOnlyAnApproverDecideAnAccessorialThroughTheApiSayingWhy() throws Exception {
        logisync.send(array(shipment("L-12"), accessorial("a-1", "A-13", "L-12", "LUMPER", null, null),
                delivered("m-1", "L-12", "2026-11-02T23:40:00Z"), pod("p-1", "L-12")));
        String path = "/api/v1/accessorials/A-13/approve";
        String why = "{\"reason\": \"lumper receipt checked\"}";

        assertThat(logisync.api("POST", path, why, null).statusCode()).isEqualTo(401);
        assertThat(logisync.api("POST", path, why, LogisyncHarness.OPERATOR_KEY).statusCode()).isEqualTo(403);
        assertThat(logisync.api("POST", path, why, LogisyncHarness.ADMIN_KEY).statusCode()).isEqualTo(403);
        var noReason = logisync.api("POST", path, "{}", LogisyncHarness.APPROVER_KEY);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("$.reason");
        var misspelt = logisync.api("POST", path, "{\"reason\": \"x\", \"amont\": \"100\"}",
                LogisyncHarness.APPROVER_KEY);
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(Events.MAPPER.readTree(misspelt.body()).get("message").asText()).contains("$.amont")
                .contains("accepted: reason, amount");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM accessorial_decision", Integer.class))
                .isZero();
        assertThat(logisync.api("POST", "/api/v1/accessorials/A-404/approve", why, LogisyncHarness.APPROVER_KEY)
                .statusCode()).isEqualTo(404);
        assertThat(invoices()).isEmpty();

        var approved = logisync.api("POST", path, why, LogisyncHarness.APPROVER_KEY);

        assertThat(approved.statusCode()).isEqualTo(200);
        JsonNode body = Events.MAPPER.readTree(approved.body());
        assertThat(body.get("status").asText()).isEqualTo("APPROVED");
        assertThat(body.get("decidedBy").asText()).isEqualTo(LogisyncHarness.APPROVER);
        assertThat(logisync.db().queryForMap("SELECT decided_by, reason, source FROM accessorial_decision"
                + " WHERE accessorial_id = 'A-13'")).containsEntry("DECIDED_BY", LogisyncHarness.APPROVER)
                .containsEntry("REASON", "lumper receipt checked").containsEntry("SOURCE", "logisync/approval-api");
        // the last decision released the invoice: 806.55 + lumper 95.00 = 901.55
        assertThat(decimal(onlyInvoice().get("amount_untaxed"))).isEqualByComparingTo("901.55");
    }

    @Test
    void shouldBillTheAmountAnApproverApprovesInsteadOfTheRating() throws Exception {
        logisync.send(array(shipment("L-13"), accessorial("a-1", "A-14", "L-13", "DETENTION",
                "2026-11-02T14:00:00-06:00", "2026-11-02T17:20:00-06:00"), delivered("m-1", "L-13",
                "2026-11-02T23:40:00Z"), pod("p-1", "L-13")));

        var approved = logisync.api("POST", "/api/v1/accessorials/A-14/approve", "{\"reason\": \"agreed with the"
                + " customer at 100.00\", \"amount\": \"100.00\"}", LogisyncHarness.APPROVER_KEY);

        assertThat(approved.statusCode()).isEqualTo(200);
        // rated 112.50, approved at 100.00: 806.55 + 100.00 = 906.55
        assertThat(decimal(lineWithProduct(onlyInvoice(), "DETENTION").get("price_subtotal")))
                .isEqualByComparingTo("100.00");
        assertThat(decimal(onlyInvoice().get("amount_untaxed"))).isEqualByComparingTo("906.55");
    }

    @Test
    void shouldRejectThroughTheApiWithAReasonAndBillNothingForIt() throws Exception {
        logisync.send(array(shipment("L-14"), accessorial("a-1", "A-15", "L-14", "LUMPER", null, null),
                delivered("m-1", "L-14", "2026-11-02T23:40:00Z"), pod("p-1", "L-14")));

        var rejected = logisync.api("POST", "/api/v1/accessorials/A-15/reject", "{\"reason\": \"no receipt\"}",
                LogisyncHarness.APPROVER_KEY);

        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(accessorialRow("A-15")).containsEntry("STATUS", "REJECTED")
                .containsEntry("DECIDED_BY", LogisyncHarness.APPROVER).containsEntry("DECISION_REASON", "no receipt");
        assertThat(decimal(onlyInvoice().get("amount_untaxed"))).isEqualByComparingTo("806.55");
    }

    private static ObjectNode shipment(String loadRef) {
        return shipmentPickedUp("s-" + loadRef, loadRef, "ACME", "2026-11-02T08:00:00-06:00",
                unpriced("LINEHAUL", "283"));
    }

    private Map<String, Object> accessorialRow(String id) {
        return logisync.db().queryForMap("SELECT * FROM accessorial WHERE accessorial_id = ?", id);
    }

    private Map<String, Object> onlyInvoice() {
        List<Map<String, Object>> invoices = invoices();
        assertThat(invoices).hasSize(1);
        return invoices.get(0);
    }

    private List<Map<String, Object>> invoices() {
        return logisync.records("account.move").stream().filter(m -> "out_invoice".equals(m.get("move_type")))
                .toList();
    }

    private List<Map<String, Object>> lines(Map<String, Object> invoice) {
        List<?> ids = (List<?>) invoice.get("invoice_line_ids");
        return logisync.records("account.move.line").stream().filter(l -> ids.contains(l.get("id"))).toList();
    }

    private Map<String, Object> lineWithProduct(Map<String, Object> invoice, String code) {
        return lines(invoice).stream().filter(l -> code.equals(productCode(l))).findFirst().orElseThrow();
    }

    private String productCode(Map<String, Object> line) {
        long product = ((Number) ((List<?>) line.get("product_id")).get(0)).longValue();
        return String.valueOf(logisync.odoo().store().record("product.product", product).orElseThrow()
                .get("default_code"));
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }
}
