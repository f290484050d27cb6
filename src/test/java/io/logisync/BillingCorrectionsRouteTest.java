package io.logisync;

import static io.logisync.support.Events.accessorial;
import static io.logisync.support.Events.accessorialContract;
import static io.logisync.support.Events.array;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.event;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.rejected;
import static io.logisync.support.Events.shipment;
import static io.logisync.support.Events.shipmentPickedUp;
import static io.logisync.support.Events.unpriced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.support.Events;
import io.logisync.support.LogisyncHarness;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a load is billed when its facts arrive out of order or change after billing: the real routes against the
 * Odoo simulator, from the events a dispatch system sends to the documents Odoo holds.
 */
class BillingCorrectionsRouteTest {

    @TempDir
    Path work;

    private LogisyncHarness logisync;

    @AfterEach
    void stop() throws Exception {
        if (logisync != null) {
            logisync.close();
        }
    }

    private void start(String... overrides) throws Exception {
        String[] args = new String[overrides.length + 2];
        args[0] = "--logisync.charge-mapping-file.dir=" + work.resolve("config");
        args[1] = "--logisync.charge-mapping-file.poll-ms=200";
        System.arraycopy(overrides, 0, args, 2, overrides.length);
        logisync = LogisyncHarness.start(args);
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
    }

    @Test
    void shouldNotLetAnOlderShipmentCreatedReplayedLaterReplaceTheNewerChargesAlreadyBilled() throws Exception {
        start();
        // o1 at 02:00 names OVERSIZE, which has no product yet: parked
        JsonNode parked = logisync.send(at("2026-11-30T02:00:00Z", shipment("o1", "L-9200", "ACME",
                charge("LINEHAUL", "1", "1000.00"), charge("OVERSIZE", "1", "300.00"))));
        assertThat(parked.at("/results/0/reason").asText()).isEqualTo("AWAITING_CHARGE_MAPPING");
        // o2 at 02:30, the newer facts: linehaul 800 alone; delivered and invoiced at 800
        logisync.send(array(at("2026-11-30T02:30:00Z", shipment("o2", "L-9200", "ACME",
                charge("LINEHAUL", "1", "800.00"))), delivered("m-1", "L-9200", "2026-11-30T04:00:00Z"),
                pod("p-1", "L-9200")));
        assertThat(decimal(invoice("L-9200").get("amount_untaxed"))).isEqualByComparingTo("800.00");

        // OVERSIZE is mapped: o1 replays on its own, and finds newer facts applied
        logisync.odoo().store().insert("product.product", Map.of("name", "Oversize load", "default_code",
                "OVERSIZE-SVC", "type", "service"));
        Files.createDirectories(work.resolve("config"));
        Files.writeString(work.resolve("config/charge-mapping.properties"), "OVERSIZE = OVERSIZE-SVC\n");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logisync.db().queryForObject(
                "SELECT status FROM parked_message WHERE event_id = 'o1'", String.class)).isEqualTo("SUPERSEDED"));
        assertThat(logisync.db().queryForObject("SELECT detail FROM parked_message WHERE event_id = 'o1'",
                String.class)).contains("superseded", "o2", "2026-11-30T02:30:00Z", "older");
        // nothing more is billed: one invoice at 800, no supplement, no credit note
        assertThat(logisync.records("account.move")).singleElement().satisfies(m ->
                assertThat(decimal(m.get("amount_untaxed"))).isEqualByComparingTo("800.00"));
        assertThat(logisync.db().queryForList("SELECT event_id, facts_event_id FROM superseded_event"))
                .containsExactly(Map.of("EVENT_ID", "o1", "FACTS_EVENT_ID", "o2"));
        assertThat(logisync.management("/observe/metrics").body())
                .containsPattern("logisync_shipment_superseded_events_total\\{[^}]*"
                        + "type=\"logistics.shipment.created.v1\"[^}]*} 1\\.0");
    }

    @Test
    void shouldKeepTheLatestUpdateWhenAnOlderOneArrivesAfterIt() throws Exception {
        start();
        logisync.send(array(at("2026-11-30T02:00:00Z", shipment("s-1", "L-9201", "ACME",
                charge("LINEHAUL", "1", "1000.00")))));
        logisync.send(at("2026-11-30T03:00:00Z", event("u-2", "shipment.updated", "L-9201", Map.of("loadRef",
                "L-9201", "reason", "second reprice", "charges", List.of(charge("LINEHAUL", "1", "900.00"))))));
        // the first reprice, of 02:45, arrives after the second
        logisync.send(at("2026-11-30T02:45:00Z", event("u-1", "shipment.updated", "L-9201", Map.of("loadRef",
                "L-9201", "reason", "first reprice", "charges", List.of(charge("LINEHAUL", "1", "850.00"))))));
        // a shipment.created sent again, of 02:00, is older too
        logisync.send(at("2026-11-30T02:00:00Z", shipment("s-1-again", "L-9201", "ACME",
                charge("LINEHAUL", "1", "1000.00"))));

        logisync.send(array(delivered("m-1", "L-9201", "2026-11-30T04:00:00Z"), pod("p-1", "L-9201")));

        assertThat(decimal(invoice("L-9201").get("amount_untaxed"))).isEqualByComparingTo("900.00");
        assertThat(logisync.db().queryForList("SELECT event_id FROM superseded_event ORDER BY id", String.class))
                .containsExactly("u-1", "s-1-again");
    }

    @Test
    void shouldCreditEveryPostedDocumentOfACancelledLoadWithItsOwnCreditNote() throws Exception {
        start();
        logisync.send(array(at("2026-11-30T02:00:00Z", shipment("s-1", "L-9202", "ACME",
                charge("LINEHAUL", "1", "800.00"))), delivered("m-1", "L-9202", "2026-11-30T04:00:00Z"),
                pod("p-1", "L-9202")));
        // 800.00 + 15 % tax = 920.00
        Map<String, Object> original = invoice("L-9202");
        assertThat(decimal(original.get("amount_total"))).isEqualByComparingTo("920.00");
        logisync.send(at("2026-11-30T05:00:00Z", event("u-1", "shipment.updated", "L-9202", Map.of("loadRef",
                "L-9202", "reason", "oversize confirmed", "charges", List.of(charge("LINEHAUL", "1", "1000.00"),
                        Map.of("chargeCode", "STOP_OFF", "quantity", 1, "amount", "300.00"))))));
        // +200.00 linehaul and 300.00 stop-off = 500.00 + 15 % = 575.00
        Map<String, Object> supplement = invoice("L-9202/S1");
        assertThat(decimal(supplement.get("amount_total"))).isEqualByComparingTo("575.00");

        logisync.send(at("2026-11-30T06:00:00Z", event("x-1", "shipment.cancelled", "L-9202", Map.of("loadRef",
                "L-9202", "reason", "customer cancelled the order"))));

        // one credit note per document, each reversing what that document billed
        List<Map<String, Object>> credits = logisync.records("account.move").stream()
                .filter(m -> "out_refund".equals(m.get("move_type"))).toList();
        assertThat(credits).hasSize(2);
        assertThat(credits).allSatisfy(c -> assertThat(c.get("state")).isEqualTo("posted"));
        assertThat(credits).extracting(c -> ((List<?>) c.get("reversed_entry_id")).get(0),
                c -> decimal(c.get("amount_total")).setScale(2)).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(original.get("id"), new BigDecimal("920.00")),
                        org.assertj.core.groups.Tuple.tuple(supplement.get("id"), new BigDecimal("575.00")));
        for (String ref : List.of("L-9202", "L-9202/S1")) {
            assertThat(invoice(ref).get("payment_state")).as(ref).isEqualTo("reversed");
            assertThat(decimal(invoice(ref).get("amount_residual"))).as(ref).isEqualByComparingTo("0");
        }
        // cancelled again by a resend: nothing more is credited
        logisync.send(at("2026-11-30T06:00:00Z", event("x-2", "shipment.cancelled", "L-9202", Map.of("loadRef",
                "L-9202", "reason", "customer cancelled the order"))));
        assertThat(logisync.records("account.move")).hasSize(4);
    }

    @Test
    void shouldLabelACreditedRejectionByWhoRejectedItAndWhyAndAChargeWithoutDescriptionByItsProduct()
            throws Exception {
        start();
        logisync.send(accessorialContract("PER_SHIPMENT"));
        logisync.send(array(shipmentPickedUp("s-1", "L-9003", "ACME", "2026-11-02T08:00:00-06:00",
                unpriced("LINEHAUL", "283"), Map.of("chargeCode", "STOP_OFF", "quantity", 1, "amount", "75.00")),
                accessorial("a-1", "A-9003", "L-9003", "DETENTION", "2026-11-02T14:00:00-06:00",
                        "2026-11-02T17:20:00-06:00"),
                event("d-1", "accessorial.approved", "L-9003", Map.of("accessorialId", "A-9003", "loadRef", "L-9003",
                        "decidedBy", "dana.dispatch", "amount", "90.00", "reason", "agreed with the consignee")),
                delivered("m-1", "L-9003", "2026-11-02T23:40:00Z"), pod("p-1", "L-9003")));
        Map<String, Object> original = invoice("L-9003");
        // the stop-off has no description: it reads as the product that bills it, Stop-off
        assertThat(lines(original)).extracting(l -> String.valueOf(l.get("name")))
                .contains("Stop-off - load L-9003").noneMatch(name -> name.startsWith("STOP_OFF"));

        logisync.send(rejected("d-2", "A-9003", "L-9003", "carla.customer-service",
                "customer shows the dock was ready"));

        Map<String, Object> credit = logisync.records("account.move").stream()
                .filter(m -> "out_refund".equals(m.get("move_type"))).findFirst().orElseThrow();
        assertThat(lines(credit)).singleElement().satisfies(line -> {
            assertThat(String.valueOf(line.get("name"))).startsWith("Detention A-9003")
                    .endsWith(" - reversed: rejected by carla.customer-service: customer shows the dock was ready")
                    .doesNotContain("approved amount");
            assertThat(decimal(line.get("price_subtotal"))).isEqualByComparingTo("90.00");
        });
    }

    @Test
    void shouldShowTheCustomersPoBesideTheLoadOnTheInvoiceAndStillFindItByItsReference() throws Exception {
        start();
        ObjectNode created = shipment("s-1", "L-9300", "ACME", charge("LINEHAUL", "1", "640.00"));
        ((ObjectNode) created.get("data")).put("customerReference", "ACME-PO-5521");
        // the create's reply is lost: logisync finds the invoice again in Odoo by its ref, the load reference
        logisync.odoo().faults().inject(io.logisync.odoo.sim.Fault.lostReply().on("account.move", "create")
                .times(1));

        logisync.send(array(created, delivered("m-1", "L-9300", "2026-11-30T04:00:00Z"), pod("p-1", "L-9300")));

        Map<String, Object> invoice = invoice("L-9300");
        assertThat(invoice.get("ref")).isEqualTo("L-9300");
        assertThat(invoice.get("invoice_origin")).isEqualTo("L-9300 (PO ACME-PO-5521)");
        assertThat(invoice.get("state")).isEqualTo("posted");
        assertThat(logisync.records("account.move")).hasSize(1);

        // a change after posting: the supplement names the original and the PO too
        logisync.send(at("2026-11-30T05:00:00Z", event("u-1", "shipment.updated", "L-9300", Map.of("loadRef",
                "L-9300", "reason", "extra stop", "charges", List.of(charge("LINEHAUL", "1", "700.00"))))));
        assertThat(invoice("L-9300/S1").get("invoice_origin")).isEqualTo(invoice.get("name") + " (PO ACME-PO-5521)");
    }

    @Test
    void shouldBillAChangeHeldBackByParkedAccessorialEventsOnceAnAdminDiscardsThem() throws Exception {
        start();
        List<Long> parked = billedLoadWithAReapprovalHeldBack("L-9001");

        for (long id : parked.subList(0, 2)) {
            assertThat(logisync.api("POST", "/api/v1/exceptions/" + id + "/discard", "{\"note\": \"sent by mistake\"}",
                    LogisyncHarness.ADMIN_KEY).statusCode()).isEqualTo(200);
        }
        // one parked accessorial event still holds the load back
        assertThat(invoices()).hasSize(1);

        assertThat(logisync.api("POST", "/api/v1/exceptions/" + parked.get(2) + "/discard", "{}",
                LogisyncHarness.ADMIN_KEY).statusCode()).isEqualTo(200);

        // nothing else arrived: the discard checked the load again; 300.00 - 262.50 = 37.50 on a supplement
        JsonNode release = Events.MAPPER.readTree(logisync.api("GET", "/api/v1/releases/L-9001", null,
                LogisyncHarness.OPERATOR_KEY).body());
        assertThat(release.get("released").asBoolean()).isTrue();
        Map<String, Object> supplement = invoice("L-9001/S1");
        assertThat(supplement.get("state")).isEqualTo("posted");
        assertThat(decimal(supplement.get("amount_untaxed"))).isEqualByComparingTo("37.50");
        assertThat(invoices()).hasSize(2);
    }

    @Test
    void shouldBillAChangeNothingAskedForOnTheNextSweep() throws Exception {
        start("--logisync.parking.sweep-delay-ms=500", "--logisync.parking.sweep-period-ms=500");
        billedLoadWithAReapprovalHeldBack("L-9004");

        // the rows are settled behind the console's back (another replica, a script): no route is told
        logisync.db().update("UPDATE parked_message SET status = 'DISCARDED', updated_at = ? WHERE subject = ?",
                java.sql.Timestamp.from(java.time.Instant.now()), "L-9004");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(invoices()).hasSize(2));
        assertThat(decimal(invoice("L-9004/S1").get("amount_untaxed"))).isEqualByComparingTo("37.50");
        // and only once, however many sweeps follow
        Thread.sleep(1500);
        assertThat(invoices()).hasSize(2);
    }

    /**
     * A load invoiced with detention A-...-1 approved at 262.50, then three accessorial decisions parked for it
     * (their proposals never came) and the detention approved again at 300.00 through the approval API, which the
     * parked events hold back. Returns the parked rows' ids.
     */
    private List<Long> billedLoadWithAReapprovalHeldBack(String loadRef) throws Exception {
        String detention = "A-" + loadRef.substring(2) + "-1";
        logisync.send(accessorialContract("PER_SHIPMENT"));
        logisync.send(array(shipmentPickedUp("s-1", loadRef, "ACME", "2026-11-02T08:00:00-06:00",
                unpriced("LINEHAUL", "283")), accessorial("a-1", detention, loadRef, "DETENTION",
                        "2026-11-02T14:00:00-06:00", "2026-11-02T17:20:00-06:00"),
                event("d-1", "accessorial.approved", loadRef, Map.of("accessorialId", detention, "loadRef", loadRef,
                        "decidedBy", "dana.dispatch", "amount", "262.50", "reason", "5 h at the dock")),
                delivered("m-1", loadRef, "2026-11-02T23:40:00Z"), pod("p-1", loadRef)));
        // 806.55 + 262.50 = 1069.05
        assertThat(decimal(invoice(loadRef).get("amount_untaxed"))).isEqualByComparingTo("1069.05");
        for (int i = 7; i <= 9; i++) {
            JsonNode answer = logisync.send(approvedUnknown("d-" + i, "A-" + loadRef.substring(2) + "-" + i, loadRef));
            assertThat(answer.at("/results/0/reason").asText()).isEqualTo("AWAITING_ACCESSORIAL");
        }
        var approval = logisync.api("POST", "/api/v1/accessorials/" + detention + "/approve",
                "{\"reason\": \"6 h at the dock after all\", \"amount\": \"300.00\"}", LogisyncHarness.APPROVER_KEY);
        assertThat(approval.statusCode()).isEqualTo(200);
        assertThat(invoices()).hasSize(1);
        return logisync.db().queryForList("SELECT id FROM parked_message WHERE status = 'PARKED' AND subject = ?"
                + " ORDER BY id", Long.class, loadRef);
    }

    private static ObjectNode approvedUnknown(String id, String accessorialId, String loadRef) {
        return event(id, "accessorial.approved", loadRef, Map.of("accessorialId", accessorialId, "loadRef", loadRef,
                "decidedBy", "dana.dispatch"));
    }

    private List<Map<String, Object>> invoices() {
        return logisync.records("account.move").stream().filter(m -> "out_invoice".equals(m.get("move_type")))
                .toList();
    }

    static ObjectNode at(String time, ObjectNode event) {
        event.put("time", time);
        return event;
    }

    private List<Map<String, Object>> lines(Map<String, Object> move) {
        List<?> ids = (List<?>) move.get("invoice_line_ids");
        return logisync.records("account.move.line").stream().filter(l -> ids.contains(l.get("id"))).toList();
    }

    private Map<String, Object> invoice(String ref) {
        List<Map<String, Object>> found = logisync.records("account.move").stream()
                .filter(m -> ref.equals(m.get("ref"))).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }
}
