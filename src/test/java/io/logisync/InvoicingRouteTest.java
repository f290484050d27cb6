package io.logisync;

import static io.logisync.support.Events.accessorial;
import static io.logisync.support.Events.accessorialContract;
import static io.logisync.support.Events.approved;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.event;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.rejected;
import static io.logisync.support.Events.shipment;
import static io.logisync.support.Events.shipmentPickedUp;
import static io.logisync.support.Events.unpriced;
import static io.logisync.support.Events.withFuel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.odoo.sim.Fault;
import io.logisync.odoo.sim.SimulatorCall;
import io.logisync.parking.ParkingDesk;
import io.logisync.support.LogisyncHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** routes/invoicing.camel.yaml: release, per-shipment and consolidated invoices, adjustments after posting, PODs. */
class InvoicingRouteTest {

    private LogisyncHarness logisync;

    @AfterEach
    void stop() throws Exception {
        if (logisync != null) {
            logisync.close();
        }
    }

    private void start(String grouping, String... overrides) throws Exception {
        logisync = LogisyncHarness.start(overrides);
        logisync.send(array(customer("c-1", "ACME", "Acme Retail Inc."), accessorialContract(grouping)));
    }

    @Test
    void shouldBillAnAccessorialApprovedAfterPostingOnASupplementalInvoice() throws Exception {
        start("PER_SHIPMENT");
        logisync.send(array(shipment283("L-20"), delivered("m-1", "L-20", "2026-11-02T23:40:00Z"),
                pod("p-1", "L-20")));
        Map<String, Object> original = invoice("L-20");
        assertThat(original.get("state")).isEqualTo("posted");
        logisync.send(accessorial("a-1", "A-20", "L-20", "DETENTION", "2026-11-02T14:00:00-06:00",
                "2026-11-02T17:20:00-06:00"));
        assertThat(invoices()).hasSize(1);

        logisync.send(approved("d-1", "A-20", "L-20", "dana.dispatch"));

        // the posted invoice is never edited: still 283 miles x 2.85 = 806.55
        assertThat(decimal(invoice("L-20").get("amount_untaxed"))).isEqualByComparingTo("806.55");
        assertThat(invoice("L-20").get("invoice_line_ids")).isEqualTo(original.get("invoice_line_ids"));
        // detention 200 min - 120 free = 80, rounded up to 90 min: 1.5 h x 75.00 = 112.50; tax 15 % = 16.875,
        // 16.88 to the cent; total 129.38
        Map<String, Object> supplement = invoice("L-20/S1");
        assertThat(supplement.get("move_type")).isEqualTo("out_invoice");
        assertThat(supplement.get("state")).isEqualTo("posted");
        assertThat(supplement.get("invoice_origin")).isEqualTo(original.get("name"));
        assertThat(String.valueOf(supplement.get("narration"))).contains("Supplemental invoice to "
                + original.get("name")).contains("A-20 (DETENTION) approved after the invoice was posted");
        assertThat(decimal(supplement.get("amount_untaxed"))).isEqualByComparingTo("112.50");
        assertThat(decimal(supplement.get("amount_total"))).isEqualByComparingTo("129.38");
        assertThat(lines(supplement)).singleElement().satisfies(l -> {
            assertThat(decimal(l.get("quantity"))).isEqualByComparingTo("1.5");
            assertThat(decimal(l.get("price_unit"))).isEqualByComparingTo("75.00");
        });
    }

    @Test
    void shouldCreditARejectionAfterBillingWithACreditNote() throws Exception {
        start("PER_SHIPMENT");
        logisync.send(array(shipment283("L-21"), accessorial("a-1", "A-21", "L-21", "WAITING",
                "2026-11-02T08:00:00-06:00", "2026-11-02T09:50:00-06:00"),
                delivered("m-1", "L-21", "2026-11-02T23:40:00Z"), pod("p-1", "L-21")));
        // waiting 110 min - 60 free = 50, rounded up to 60: 1 h x 50.00 = 50.00, approved on its own;
        // 806.55 + 50.00 = 856.55; tax 120.98 (120.9825) + 7.50 = 128.48; total 985.03
        Map<String, Object> original = invoice("L-21");
        assertThat(decimal(original.get("amount_total"))).isEqualByComparingTo("985.03");

        logisync.send(rejected("d-1", "A-21", "L-21", "carla.customer-service", "customer shows the dock was ready"));

        Map<String, Object> credit = only(logisync.records("account.move").stream()
                .filter(m -> "out_refund".equals(m.get("move_type"))).toList());
        assertThat(credit.get("ref")).isEqualTo("L-21/C1");
        assertThat(credit.get("state")).isEqualTo("posted");
        assertThat(((List<?>) credit.get("reversed_entry_id")).get(0)).isEqualTo(original.get("id"));
        assertThat(String.valueOf(credit.get("narration"))).contains("A-21 (WAITING) rejected after billing");
        // 50.00 + 15 % tax 7.50 = 57.50 credited; the invoice keeps 985.03 - 57.50 = 927.53 due
        assertThat(decimal(credit.get("amount_untaxed"))).isEqualByComparingTo("50.00");
        assertThat(decimal(credit.get("amount_total"))).isEqualByComparingTo("57.50");
        assertThat(decimal(invoice("L-21").get("amount_residual"))).isEqualByComparingTo("927.53");
        assertThat(decimal(invoice("L-21").get("amount_untaxed"))).isEqualByComparingTo("856.55");
    }

    @Test
    void shouldChargeTheFuelSurchargeOfTheBandThePriceFallsInAtAndEitherSideOfABoundary() throws Exception {
        logisync = LogisyncHarness.start("--logisync.fuel-index.DOE-US-DIESEL.2026-10-19=3.499",
                "--logisync.fuel-index.DOE-US-DIESEL.2026-10-26=3.500",
                "--logisync.fuel-index.DOE-US-DIESEL.2026-11-02=3.501");
        logisync.send(array(customer("c-1", "ACME", "Acme Retail Inc."),
                withFuel(accessorialContract("PER_SHIPMENT"))));

        for (String[] load : new String[][] {{"L-22", "2026-10-21"}, {"L-23", "2026-10-28"}, {"L-24", "2026-11-04"}}) {
            logisync.send(array(shipmentPickedUp("s-" + load[0], load[0], "ACME", load[1] + "T08:00:00-06:00",
                    unpriced("LINEHAUL", "283")), delivered("m-" + load[0], load[0], "2026-11-05T16:00:00Z"),
                    pod("p-" + load[0], load[0])));
        }

        // linehaul 283 miles x 2.85 = 806.55 on each; the surcharge is its own line:
        // 3.499 is below 3.50: 10 % = 80.655, 80.66 to the cent
        assertThat(fuelLine("L-22")).isEqualByComparingTo("80.66");
        // 3.500 is the start of the 12.5 % band (from included, to excluded): 100.81875, 100.82
        assertThat(fuelLine("L-23")).isEqualByComparingTo("100.82");
        // 3.501 is inside it: 100.82
        assertThat(fuelLine("L-24")).isEqualByComparingTo("100.82");
        assertThat(decimal(invoice("L-23").get("amount_untaxed"))).isEqualByComparingTo("907.37");
    }

    @Test
    void shouldParkAShipmentWhoseFuelIndexHasNoPriceForItsPickupDate() throws Exception {
        logisync = LogisyncHarness.start("--logisync.fuel-index.DOE-US-DIESEL.2026-10-19=3.499");
        logisync.send(array(customer("c-1", "ACME", "Acme Retail Inc."),
                withFuel(accessorialContract("PER_SHIPMENT"))));

        // the first price is of 19 October: a pickup on 10 October has none
        JsonNode answer = logisync.send(shipmentPickedUp("s-1", "L-25", "ACME", "2026-10-10T08:00:00-06:00",
                unpriced("LINEHAUL", "283")));

        assertThat(answer.at("/results/0/reason").asText()).isEqualTo("AWAITING_FUEL_PRICE");
        assertThat(logisync.db().queryForObject("SELECT waiting_for FROM parked_message", String.class))
                .isEqualTo("fuel-price:DOE-US-DIESEL@2026-10-10");
    }

    @Test
    void shouldMakeOneWeeklyInvoiceForThreeShipmentsWithLinesLabelledByLoad() throws Exception {
        start("WEEKLY");
        // week 45 of 2026 runs from Monday 2 November to Sunday 8 November
        logisync.send(array(loadOf("L-31", "100", "2026-11-02T18:00:00Z"), loadOf("L-32", "200",
                "2026-11-04T18:00:00Z"), loadOf("L-33", "283", "2026-11-08T20:00:00Z"), loadOf("L-34", "50",
                "2026-11-09T10:00:00Z")));
        assertThat(invoices()).isEmpty();

        assertThat(consolidate("2026-11-08")).isEmpty();
        List<String> made = consolidate("2026-11-09");

        assertThat(made).containsExactly("C-ACME 2026-W45");
        Map<String, Object> weekly = invoice("C-ACME 2026-W45");
        assertThat(weekly.get("state")).isEqualTo("posted");
        assertThat(weekly.get("invoice_origin")).isEqualTo("L-31, L-32, L-33");
        // 100 x 2.85 = 285.00, 200 x 2.85 = 570.00, 283 x 2.85 = 806.55: 1661.55; L-34 is in week 46
        assertThat(lines(weekly)).extracting(l -> l.get("name"), l -> decimal(l.get("price_subtotal")).setScale(2))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("L-31: Linehaul",
                        new BigDecimal("285.00")), org.assertj.core.groups.Tuple.tuple("L-32: Linehaul",
                        new BigDecimal("570.00")), org.assertj.core.groups.Tuple.tuple("L-33: Linehaul",
                        new BigDecimal("806.55")));
        assertThat(decimal(weekly.get("amount_untaxed"))).isEqualByComparingTo("1661.55");
        assertThat(invoices()).hasSize(1);

        int calls = logisync.odoo().calls().size();
        assertThat(consolidate("2026-11-09")).isEmpty();
        assertThat(logisync.odoo().calls()).hasSize(calls);
    }

    @Test
    void shouldFindTheConsolidatedInvoiceInOdooAfterItsCreateLostItsReply() throws Exception {
        start("DAILY");
        logisync.send(array(loadOf("L-35", "100", "2026-11-02T18:00:00Z"), loadOf("L-36", "200",
                "2026-11-02T19:00:00Z")));
        logisync.odoo().faults().inject(Fault.lostReply().on("account.move", "create").times(1));

        assertThat(consolidate("2026-11-03")).isEmpty();
        List<String> finished = consolidate("2026-11-03");

        assertThat(finished).containsExactly("C-ACME 2026-11-02");
        // created once, though its first reply was lost: found again in Odoo by its reference
        assertThat(invoices()).singleElement().satisfies(m -> {
            assertThat(m.get("ref")).isEqualTo("C-ACME 2026-11-02");
            assertThat(m.get("state")).isEqualTo("posted");
            // 285.00 + 570.00 = 855.00
            assertThat(decimal(m.get("amount_untaxed"))).isEqualByComparingTo("855.00");
        });
    }

    @Test
    void shouldRunTheConsolidatedInvoicingOnItsQuartzSchedule() throws Exception {
        start("DAILY", "--logisync.invoice.consolidation.cron=0/1 * * * * ?");

        logisync.send(loadOf("L-37", "100", "2026-11-02T18:00:00Z"));

        // 2 November ended long before today: the next second's run invoices it, 100 x 2.85 = 285.00
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(invoices()).singleElement()
                .satisfies(m -> assertThat(decimal(m.get("amount_untaxed"))).isEqualByComparingTo("285.00")));
    }

    @Test
    void shouldBillTruckOrderNotUsedForACancelledLoadWhereTheContractPricesIt() throws Exception {
        start("PER_SHIPMENT");
        logisync.send(array(shipment283("L-40"), shipment283("L-41")));

        logisync.send(array(cancelled("x-1", "L-40", "customer cancelled after dispatch", true),
                cancelled("x-2", "L-41", "customer cancelled before dispatch", false)));

        // the contract prices a truck order not used at 250.00; the linehaul is no longer billed
        Map<String, Object> tonu = invoice("L-40");
        assertThat(tonu.get("state")).isEqualTo("posted");
        assertThat(decimal(tonu.get("amount_untaxed"))).isEqualByComparingTo("250.00");
        // a cancelled load with nothing left to bill is not invoiced
        assertThat(invoices()).hasSize(1);
    }

    @Test
    void shouldCancelTheDraftOfALoadCancelledWithNothingLeftToBill() throws Exception {
        start("PER_SHIPMENT", "--logisync.invoice.post=false");
        logisync.send(array(shipment283("L-42"), delivered("m-1", "L-42", "2026-11-02T23:40:00Z"),
                pod("p-1", "L-42")));
        assertThat(invoice("L-42").get("state")).isEqualTo("draft");

        logisync.send(cancelled("x-1", "L-42", "entered twice in dispatch", false));

        assertThat(logisync.records("account.move")).singleElement()
                .satisfies(m -> assertThat(m.get("state")).isEqualTo("cancel"));
    }

    @Test
    void shouldCreditTheWholeInvoiceOfALoadCancelledAfterPosting() throws Exception {
        start("PER_SHIPMENT");
        logisync.send(array(shipment283("L-49"), delivered("m-1", "L-49", "2026-11-02T23:40:00Z"),
                pod("p-1", "L-49")));

        logisync.send(cancelled("x-1", "L-49", "billed to the wrong customer", false));

        // 806.55 + 15 % tax 120.98 = 927.53 credited in full: the invoice reads as reversed, nothing left due
        Map<String, Object> credit = only(logisync.records("account.move").stream()
                .filter(m -> "out_refund".equals(m.get("move_type"))).toList());
        assertThat(decimal(credit.get("amount_total"))).isEqualByComparingTo("927.53");
        assertThat(String.valueOf(credit.get("narration"))).contains("cancelled: billed to the wrong customer");
        assertThat(invoice("L-49").get("payment_state")).isEqualTo("reversed");
        assertThat(decimal(invoice("L-49").get("amount_residual"))).isEqualByComparingTo("0");
    }

    @Test
    void shouldAddAnAccessorialApprovedBeforePostingToTheDraft() throws Exception {
        start("PER_SHIPMENT", "--logisync.invoice.post=false");
        logisync.send(array(shipment283("L-43"), delivered("m-1", "L-43", "2026-11-02T23:40:00Z"),
                pod("p-1", "L-43")));
        Object draftId = invoice("L-43").get("id");

        logisync.send(array(accessorial("a-1", "A-43", "L-43", "LUMPER", null, null),
                approved("d-1", "A-43", "L-43", "dana.dispatch")));

        // the same draft, now 806.55 + lumper 95.00 flat = 901.55
        Map<String, Object> draft = only(logisync.records("account.move"));
        assertThat(draft.get("id")).isEqualTo(draftId);
        assertThat(draft.get("state")).isEqualTo("draft");
        assertThat(decimal(draft.get("amount_untaxed"))).isEqualByComparingTo("901.55");
        assertThat(lines(draft)).hasSize(2);
    }

    @Test
    void shouldBillARepriceAfterPostingOnASupplementalInvoiceAndACreditNote() throws Exception {
        start("PER_SHIPMENT");
        logisync.send(array(shipment("s-1", "L-44", "ACME", charge("LINEHAUL", "283", "2.85"),
                Map.of("chargeCode", "STOP_OFF", "quantity", 1, "amount", "75.00")),
                delivered("m-1", "L-44", "2026-11-02T23:40:00Z"), pod("p-1", "L-44")));
        // 806.55 + 75.00 = 881.55
        assertThat(decimal(invoice("L-44").get("amount_untaxed"))).isEqualByComparingTo("881.55");

        logisync.send(event("u-1", "shipment.updated", "L-44", Map.of("loadRef", "L-44",
                "reason", "route re-measured, stop-off waived", "charges", List.of(charge("LINEHAUL", "300",
                        "2.85")))));

        // 300 - 283 = 17 more miles x 2.85 = 48.45 on top
        Map<String, Object> supplement = invoice("L-44/S1");
        assertThat(decimal(supplement.get("amount_untaxed"))).isEqualByComparingTo("48.45");
        assertThat(lines(supplement)).singleElement().satisfies(l -> assertThat(decimal(l.get("quantity")))
                .isEqualByComparingTo("17"));
        assertThat(String.valueOf(supplement.get("narration"))).contains("route re-measured, stop-off waived");
        // the stop-off, 75.00, credited against the invoice it was billed on
        Map<String, Object> credit = only(logisync.records("account.move").stream()
                .filter(m -> "out_refund".equals(m.get("move_type"))).toList());
        assertThat(decimal(credit.get("amount_untaxed"))).isEqualByComparingTo("75.00");
        assertThat(((List<?>) credit.get("reversed_entry_id")).get(0)).isEqualTo(invoice("L-44").get("id"));
        assertThat(decimal(invoice("L-44").get("amount_untaxed"))).isEqualByComparingTo("881.55");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class)).isZero();
    }

    @Test
    void shouldInvoiceTheChargesOfAnUpdateThatCameBeforeDelivery() throws Exception {
        start("PER_SHIPMENT");
        logisync.send(shipment283("L-45"));

        logisync.send(array(event("u-1", "shipment.updated", "L-45", Map.of("loadRef", "L-45", "reason",
                "reassigned to a longer route", "charges", List.of(unpriced("LINEHAUL", "300")))),
                delivered("m-1", "L-45", "2026-11-02T23:40:00Z"), pod("p-1", "L-45")));

        // 300 miles rated by the contract at 2.85 = 855.00, on one invoice and nothing else
        assertThat(decimal(invoice("L-45").get("amount_untaxed"))).isEqualByComparingTo("855.00");
        assertThat(logisync.records("account.move")).hasSize(1);
    }

    @Test
    void shouldAttachTheProofOfDeliveryDocumentsToTheInvoice() throws Exception {
        start("PER_SHIPMENT");
        ObjectNode proof = pod("p-1", "L-46");
        ((com.fasterxml.jackson.databind.node.ArrayNode) proof.get("data").get("documents")).add(mapper()
                .valueToTree(Map.of("fileName", "signature.pdf", "mimeType", "application/pdf",
                        "contentBase64", "JVBERi0xLjQK")));

        logisync.send(array(shipment283("L-46"), delivered("m-1", "L-46", "2026-11-02T23:40:00Z"), proof));
        logisync.send(pod("p-2", "L-46"));

        Object invoiceId = invoice("L-46").get("id");
        List<Map<String, Object>> attachments = logisync.records("ir.attachment");
        assertThat(attachments).hasSize(2).allSatisfy(a -> {
            assertThat(a.get("res_model")).isEqualTo("account.move");
            assertThat(a.get("res_id")).isEqualTo(invoiceId);
        });
        assertThat(attachments).filteredOn(a -> "pod.pdf".equals(a.get("name"))).singleElement().satisfies(a -> {
            assertThat(a.get("type")).isEqualTo("url");
            assertThat(a.get("url")).isEqualTo("https://tms.example.com/pod/L-46.pdf");
        });
        assertThat(attachments).filteredOn(a -> "signature.pdf".equals(a.get("name"))).singleElement()
                .satisfies(a -> assertThat(a.get("datas")).isEqualTo("JVBERi0xLjQK"));
    }

    @Test
    void shouldLookForAFirstInvoiceInOdooOnceThenCreatePostAndAttachItsPod() throws Exception {
        start("PER_SHIPMENT");
        logisync.send(array(shipment283("L-48"), delivered("m-1", "L-48", "2026-11-02T23:40:00Z")));
        logisync.odoo().clearCalls();

        logisync.send(pod("p-1", "L-48"));

        assertThat(invoice("L-48").get("state")).isEqualTo("posted");
        assertThat(logisync.records("ir.attachment")).singleElement()
                .satisfies(a -> assertThat(a.get("res_id")).isEqualTo(invoice("L-48").get("id")));
        // looked for by reference (logisync's own record of what it sent can be lost with the process), then created
        // and posted, its number read back; its POD was never sent, so it is attached without a search
        assertThat(logisync.odoo().calls()).filteredOn(c -> "account.move".equals(c.model()))
                .extracting(SimulatorCall::method).containsExactly("search_read", "create", "action_post", "read");
        assertThat(logisync.odoo().calls()).filteredOn(c -> "ir.attachment".equals(c.model()))
                .extracting(SimulatorCall::method).containsExactly("create");
    }

    @Test
    void shouldFindTheAttachmentWhoseCreateLostItsReplyInsteadOfAttachingItTwice() throws Exception {
        start("PER_SHIPMENT");
        logisync.odoo().faults().inject(Fault.lostReply().on("ir.attachment", "create").times(1));

        logisync.send(array(shipment283("L-49"), delivered("m-1", "L-49", "2026-11-02T23:40:00Z"),
                pod("p-1", "L-49")));
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message WHERE event_id = 'p-1'",
                Integer.class)).isEqualTo(1);
        logisync.bean("parking", ParkingDesk.class).replaySatisfied();

        // the attachment was made by the first attempt, whose reply was lost: found on the invoice, not made again
        assertThat(logisync.records("ir.attachment")).singleElement()
                .satisfies(a -> assertThat(a.get("res_id")).isEqualTo(invoice("L-49").get("id")));
        assertThat(logisync.odoo().calls()).filteredOn(c -> "ir.attachment".equals(c.model()))
                .extracting(SimulatorCall::method).containsExactly("create", "search_read");
        assertThat(invoices()).hasSize(1);
    }

    @Test
    void shouldParkOnlyTheAttachmentWhenItFailsAndPostTheInvoiceAnyway() throws Exception {
        start("PER_SHIPMENT");
        logisync.odoo().faults().inject(Fault.serviceUnavailable().on("ir.attachment", "create"));

        JsonNode answer = logisync.send(array(shipment283("L-47"), delivered("m-1", "L-47", "2026-11-02T23:40:00Z"),
                pod("p-1", "L-47")));

        assertThat(answer.at("/results/2/outcome").asText()).isEqualTo("applied");
        assertThat(invoice("L-47").get("state")).isEqualTo("posted");
        assertThat(logisync.records("ir.attachment")).isEmpty();
        assertThat(logisync.db().queryForMap("SELECT event_id, reason, waiting_for, detail FROM parked_message"))
                .containsEntry("EVENT_ID", "p-1").containsEntry("REASON", "ODOO_UNAVAILABLE")
                .containsEntry("WAITING_FOR", "odoo")
                .hasEntrySatisfying("DETAIL", d -> assertThat((String) d).contains("pod.pdf", "the invoice went"));

        logisync.odoo().faults().clear();
        logisync.bean("parking", ParkingDesk.class).replaySatisfied();

        assertThat(logisync.records("ir.attachment")).singleElement()
                .satisfies(a -> assertThat(a.get("res_id")).isEqualTo(invoice("L-47").get("id")));
        assertThat(invoices()).hasSize(1);
    }

    @Test
    void shouldWaitForFinanceApprovalWhenTheReleaseRulesAskForIt() throws Exception {
        start("PER_SHIPMENT", "--logisync.release.require-finance-approval=true");

        JsonNode answer = logisync.send(array(shipment283("L-48"), delivered("m-1", "L-48", "2026-11-02T23:40:00Z"),
                pod("p-1", "L-48")));

        assertThat(answer.at("/results/2/reason").asText()).isEqualTo("AWAITING_FINANCE_APPROVAL");
        assertThat(invoices()).isEmpty();
        JsonNode held = mapper().readTree(logisync.api("GET", "/api/v1/releases/L-48", null,
                LogisyncHarness.OPERATOR_KEY).body());
        assertThat(held.get("released").asBoolean()).isFalse();
        assertThat(held.get("waitingFor").toString()).contains("finance approval");
        assertThat(logisync.api("POST", "/api/v1/releases/L-48/approve", "{}", LogisyncHarness.OPERATOR_KEY)
                .statusCode()).isEqualTo(403);
        var noReason = logisync.api("POST", "/api/v1/releases/L-48/approve", "{}", LogisyncHarness.APPROVER_KEY);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(mapper().readTree(noReason.body()).get("message").asText()).contains("$.reason");
        var misspelt = logisync.api("POST", "/api/v1/releases/L-48/approve", "{\"reasn\": \"ok\"}",
                LogisyncHarness.APPROVER_KEY);
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(mapper().readTree(misspelt.body()).get("message").asText()).contains("$.reasn")
                .contains("accepted: reason");
        assertThat(invoices()).isEmpty();

        var approval = logisync.api("POST", "/api/v1/releases/L-48/approve",
                "{\"reason\": \"checked against the rate confirmation\"}", LogisyncHarness.APPROVER_KEY);

        assertThat(approval.statusCode()).isEqualTo(200);
        assertThat(mapper().readTree(approval.body()).get("approvedBy").asText()).isEqualTo(LogisyncHarness.APPROVER);
        // the parked POD is replayed on its own: 283 miles x 2.85 = 806.55
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> logisync.db().queryForObject(
                "SELECT status FROM parked_message WHERE event_id = 'p-1'", String.class).equals("REPLAYED"));
        assertThat(invoice("L-48").get("state")).isEqualTo("posted");
        assertThat(decimal(invoice("L-48").get("amount_untaxed"))).isEqualByComparingTo("806.55");
        JsonNode released = mapper().readTree(logisync.api("GET", "/api/v1/releases/L-48", null,
                LogisyncHarness.OPERATOR_KEY).body());
        assertThat(released.get("released").asBoolean()).isTrue();
        assertThat(released.at("/documents/0/number").asText()).isEqualTo(invoice("L-48").get("name"));
    }

    @Test
    void shouldAnswerConflictToAFinanceApprovalWhenNoneIsRequired() throws Exception {
        start("PER_SHIPMENT");
        logisync.send(array(shipment283("L-49"), delivered("m-1", "L-49", "2026-11-02T23:40:00Z"),
                pod("p-1", "L-49")));

        var approval = logisync.api("POST", "/api/v1/releases/L-49/approve", "{\"reason\": \"looks fine\"}",
                LogisyncHarness.APPROVER_KEY);

        assertThat(approval.statusCode()).isEqualTo(409);
        assertThat(mapper().readTree(approval.body()).get("message").asText())
                .contains("finance approval is not required");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM shipment_billing"
                + " WHERE finance_approved_by IS NOT NULL", Integer.class)).isZero();
    }

    private static ObjectNode shipment283(String loadRef) {
        return shipmentPickedUp("s-" + loadRef, loadRef, "ACME", "2026-11-02T08:00:00-06:00",
                unpriced("LINEHAUL", "283"));
    }

    /** A load of the given miles, delivered at the given time, with its POD. */
    private static ObjectNode[] loadOf(String loadRef, String miles, String deliveredAt) {
        return new ObjectNode[] {shipmentPickedUp("s-" + loadRef, loadRef, "ACME", "2026-11-02T08:00:00-06:00",
                unpriced("LINEHAUL", miles)), delivered("m-" + loadRef, loadRef, deliveredAt),
            pod("p-" + loadRef, loadRef)};
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode array(Object... eventsOrLoads) {
        com.fasterxml.jackson.databind.node.ArrayNode answer = mapper().createArrayNode();
        for (Object item : eventsOrLoads) {
            if (item instanceof ObjectNode[] load) {
                for (ObjectNode event : load) {
                    answer.add(event);
                }
            } else {
                answer.add((ObjectNode) item);
            }
        }
        return answer;
    }

    private static ObjectNode cancelled(String id, String loadRef, String reason, boolean truckOrderNotUsed) {
        return event(id, "shipment.cancelled", loadRef, Map.of("loadRef", loadRef, "reason", reason,
                "truckOrderNotUsed", truckOrderNotUsed));
    }

    private static com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return io.logisync.support.Events.MAPPER;
    }

    @SuppressWarnings("unchecked")
    private List<String> consolidate(String asOf) {
        return logisync.camel().createProducerTemplate().requestBodyAndHeader("direct:consolidate-invoices", null,
                "LogisyncAsOf", asOf, List.class);
    }

    private BigDecimal fuelLine(String loadRef) {
        return lines(invoice(loadRef)).stream().filter(l -> String.valueOf(l.get("name")).startsWith(
                "Fuel surcharge")).map(l -> decimal(l.get("price_subtotal"))).reduce(BigDecimal.ZERO,
                        BigDecimal::add);
    }

    private Map<String, Object> invoice(String ref) {
        return only(logisync.records("account.move").stream().filter(m -> ref.equals(m.get("ref"))).toList());
    }

    private List<Map<String, Object>> invoices() {
        return logisync.records("account.move").stream().filter(m -> "out_invoice".equals(m.get("move_type")))
                .toList();
    }

    private List<Map<String, Object>> lines(Map<String, Object> move) {
        List<?> ids = (List<?>) move.get("invoice_line_ids");
        return logisync.records("account.move.line").stream().filter(l -> ids.contains(l.get("id"))).toList();
    }

    private static Map<String, Object> only(List<Map<String, Object>> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }
}
