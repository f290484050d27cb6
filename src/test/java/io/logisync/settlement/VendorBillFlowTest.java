package io.logisync.settlement;

import static io.logisync.support.Events.carrier;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.event;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.support.Events;
import io.logisync.support.LogisyncHarness;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Carrier bills and settlements into Odoo vendor bills, through the real routes, against the Odoo simulator. */
class VendorBillFlowTest {

    private static final String CARRIER = "MAPLE-EXPRESS";
    /** The load of the real 210 (B3-03), its invoice number (B3-02) and its L3 total. */
    private static final String LOAD = "75027674";
    private static final String NUMBER = "09851270";

    private LogisyncHarness logisync;

    @BeforeEach
    void start() throws Exception {
        logisync = LogisyncHarness.start("--logisync.retry.max-redeliveries=0",
                "--logisync.settlement.tolerance-percent=2", "--logisync.settlement.tolerance-amount=0");
        logisync.send(carrier("k-1", CARRIER, "Maple Express Inc."));
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
    }

    @AfterEach
    void stop() throws Exception {
        logisync.close();
    }

    // ------------------------------------------------------------------ the real 210 through the Pipe

    @Test
    void shouldBookTheReal210AsAPostedVendorBillOnTheLoadsAnalyticAccount() throws Exception {
        deliverAndInvoice(LOAD);
        logisync.send(assigned("a-1", LOAD, CARRIER, "659.40"));

        drop("catalyst-210.edi");

        Map<String, Object> bill = await().atMost(Duration.ofSeconds(30)).until(() -> onlyBill(), b -> b != null
                && "posted".equals(b.get("state")));
        assertThat(bill.get("ref")).isEqualTo(NUMBER);
        assertThat(LogisyncHarness.idOf(bill.get("partner_id"))).isEqualTo(logisync.partnerOf(CARRIER));
        assertThat(bill.get("invoice_date")).isEqualTo("2016-07-07");
        assertThat(nameOf(bill.get("currency_id"))).isEqualTo("USD");
        assertThat(decimal(bill.get("amount_untaxed"))).isEqualByComparingTo("659.40");
        long account = logisync.analyticAccount(LOAD);
        List<Map<String, Object>> lines = logisync.productLines(bill);
        assertThat(lines).extracting(l -> decimal(l.get("price_unit")).setScale(2).toPlainString())
                .containsExactly("3636.04", "15.00", "26.27", "-3017.91");
        assertThat(lines).extracting(l -> logisync.productCode(l.get("product_id")))
                .containsExactly("LINEHAUL", "CUSTOMS_CLEARANCE", "FUEL", "DISCOUNT");
        assertThat(lines).allSatisfy(l -> {
            assertThat((String) l.get("name")).endsWith("- load " + LOAD);
            assertThat(l.get("analytic_distribution")).isEqualTo(Map.of(String.valueOf(account), 100.0));
        });
        // the revenue of the same load is on the same analytic account
        Map<String, Object> invoice = moves("out_invoice").get(0);
        assertThat(logisync.productLines(invoice)).isNotEmpty().allSatisfy(l -> assertThat(l.get("analytic_distribution"))
                .isEqualTo(Map.of(String.valueOf(account), 100.0)));
        assertThat(logisync.records("account.analytic.account")).filteredOn(a -> LOAD.equals(a.get("name")))
                .hasSize(1);
    }

    @Test
    void shouldMakeOneBillForTheSameCarrierInvoiceDeliveredTwiceAndResentUnderANewId() throws Exception {
        deliverAndInvoice(LOAD);
        logisync.send(assigned("a-1", LOAD, CARRIER, "659.40"));
        drop("catalyst-210.edi");
        await().atMost(Duration.ofSeconds(30)).until(() -> onlyBill() != null);
        drop("catalyst-210.edi");
        await().atMost(Duration.ofSeconds(30)).until(() -> done().size() == 2);

        // the same invoice from dispatch: the 210's lines, in another order
        ObjectNode resent = event("resent-1", "carrier.invoice.received", CARRIER, Map.of("carrierCode", CARRIER,
                "carrierInvoiceNumber", NUMBER, "invoiceDate", "2016-07-07", "currency", "USD", "lines", List.of(
                        Map.of("loadRef", LOAD, "chargeCode", "DISCOUNT", "amount", "-3017.91"),
                        Map.of("loadRef", LOAD, "chargeCode", "LINEHAUL", "amount", "3636.04"),
                        Map.of("loadRef", LOAD, "chargeCode", "CUSTOMS_CLEARANCE", "amount", "15.00"),
                        Map.of("loadRef", LOAD, "chargeCode", "FUEL", "amount", "26.27")), "total", "659.40"));
        JsonNode answer = logisync.send(resent);

        assertThat(answer.get("results").get(0).get("outcome").asText()).isEqualTo("duplicate");
        assertThat(moves("in_invoice")).hasSize(1);
        assertThat(parkedCount()).isZero();
    }

    @Test
    void shouldParkACarrierInvoiceResentWithOtherAmountsAsAConflictNamingBothFigures() throws Exception {
        deliverAndInvoice("L-1");
        logisync.send(assigned("a-1", "L-1", CARRIER, "1010.00"));
        logisync.send(carrierInvoice("ci-1", "PH-1001", "L-1", "1010.00"));
        assertThat(moves("in_invoice")).singleElement().satisfies(b -> assertThat(b.get("state"))
                .isEqualTo("posted"));

        JsonNode answer = logisync.send(carrierInvoice("ci-2", "PH-1001", "L-1", "5000.00"));

        assertThat(answer.get("results").get(0).get("outcome").asText()).isEqualTo("parked");
        assertThat(answer.get("results").get(0).get("reason").asText()).isEqualTo("CARRIER_INVOICE_CONFLICT");
        Map<String, Object> parked = logisync.db().queryForMap("SELECT reason, waiting_for, detail FROM"
                + " parked_message WHERE status = 'PARKED'");
        assertThat(parked.get("WAITING_FOR")).isEqualTo("carrier-invoice-conflict:" + CARRIER + "/PH-1001");
        assertThat((String) parked.get("DETAIL")).contains("recorded USD 1010.00").contains("now USD 5000.00")
                .contains("booked in Odoo as");
        // nothing changed in Odoo or in logisync's record
        assertThat(moves("in_invoice")).singleElement().satisfies(b -> assertThat(decimal(b.get("amount_untaxed")))
                .isEqualByComparingTo("1010.00"));
        assertThat(logisync.db().queryForObject("SELECT total FROM vendor_bill WHERE vendor_ref = 'PH-1001'",
                BigDecimal.class)).isEqualByComparingTo("1010.00");
        // the identical resend stays a quiet duplicate
        JsonNode same = logisync.send(carrierInvoice("ci-3", "PH-1001", "L-1", "1010.00"));
        assertThat(same.get("results").get(0).get("outcome").asText()).isEqualTo("duplicate");
        assertThat(parkedCount()).isEqualTo(1);
    }

    @Test
    void shouldParkACorrectedInvoiceAfterARejectionAsAConflictNamingTheRejection() throws Exception {
        deliverAndInvoice("L-1");
        logisync.send(assigned("a-1", "L-1", CARRIER, "600.00"));
        logisync.send(carrierInvoice("ci-1", "INV-1", "L-1", "659.40"));
        assertThat(decide("reject", "INV-1", "{\"reason\": \"overbilled\"}", LogisyncHarness.APPROVER_KEY)
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedCount() == 0);

        JsonNode answer = logisync.send(carrierInvoice("ci-2", "INV-1", "L-1", "600.00"));

        assertThat(answer.get("results").get(0).get("reason").asText()).isEqualTo("CARRIER_INVOICE_CONFLICT");
        assertThat(logisync.db().queryForObject("SELECT detail FROM parked_message WHERE status = 'PARKED'",
                String.class)).contains("REJECTED by " + LogisyncHarness.APPROVER).contains("overbilled")
                .contains("recorded USD 659.40").contains("now USD 600.00");
        assertThat(moves("in_invoice")).isEmpty();
    }

    @Test
    void shouldBindToTheBillOdooHasAlreadyInsteadOfMakingASecond() throws Exception {
        deliverAndInvoice(LOAD);
        logisync.send(assigned("a-1", LOAD, CARRIER, "659.40"));
        // a bill made before a lost reply: in Odoo, but not in logisync's records
        long existing = logisync.odoo().store().insert("account.move", Map.of("move_type", "in_invoice",
                "partner_id", logisync.partnerOf(CARRIER), "ref", "INV-77", "invoice_date", "2026-11-03",
                "invoice_line_ids", List.of(List.of(0, 0, Map.of("name", "Linehaul", "quantity", 1.0,
                        "price_unit", 659.40)))));

        logisync.send(carrierInvoice("ci-1", "INV-77", LOAD, "659.40"));

        assertThat(moves("in_invoice")).singleElement().satisfies(b -> {
            assertThat(((Number) b.get("id")).longValue()).isEqualTo(existing);
            assertThat(b.get("state")).isEqualTo("posted");
        });
    }

    // ------------------------------------------------------------------ matching and approval

    @Test
    void shouldPostABillWithinTheTolerance() throws Exception {
        deliverAndInvoice("L-1");
        // 2 % of 650.00 is 13.00; the bill is 659.40, 9.40 over
        logisync.send(assigned("a-1", "L-1", CARRIER, "650.00"));

        JsonNode answer = logisync.send(carrierInvoice("ci-1", "INV-1", "L-1", "659.40"));

        assertThat(answer.get("results").get(0).get("outcome").asText()).isEqualTo("applied");
        assertThat(moves("in_invoice")).singleElement().satisfies(b -> {
            assertThat(b.get("state")).isEqualTo("posted");
            assertThat(decimal(b.get("amount_untaxed"))).isEqualByComparingTo("659.40");
        });
        assertThat(costFindings()).isEmpty();
    }

    @Test
    void shouldHoldABillOutsideTheToleranceUntilAnApproverApprovesIt() throws Exception {
        deliverAndInvoice("L-1");
        // 2 % of 600.00 is 12.00; the bill is 59.40 over
        logisync.send(assigned("a-1", "L-1", CARRIER, "600.00"));

        JsonNode answer = logisync.send(carrierInvoice("ci-1", "INV-1", "L-1", "659.40"));

        assertThat(answer.get("results").get(0).get("reason").asText()).isEqualTo("AWAITING_SETTLEMENT_APPROVAL");
        assertThat(moves("in_invoice")).isEmpty();
        Map<String, Object> parked = logisync.db().queryForMap("SELECT reason, waiting_for, detail FROM"
                + " parked_message");
        assertThat(parked.get("WAITING_FOR")).isEqualTo("settlement-approval:" + CARRIER + "/INV-1");
        assertThat((String) parked.get("DETAIL")).contains("load L-1 billed 659.40 against 600.00 agreed")
                .contains("tolerance 12.00");
        HttpResponse<String> shown = logisync.api("GET", "/api/v1/carrier-invoices?status=AWAITING_APPROVAL", null,
                LogisyncHarness.OPERATOR_KEY);
        assertThat(Events.MAPPER.readTree(shown.body())).singleElement()
                .satisfies(b -> assertThat(b.get("vendorRef").asText()).isEqualTo("INV-1"));

        // an operator may look but not decide; an approver must say why
        assertThat(decide("approve", "INV-1", "{\"reason\": \"ok\"}", LogisyncHarness.OPERATOR_KEY).statusCode())
                .isEqualTo(403);
        assertThat(decide("approve", "INV-1", "{}", LogisyncHarness.APPROVER_KEY).statusCode()).isEqualTo(400);
        HttpResponse<String> misspelt = decide("approve", "INV-1", "{\"reason\": \"ok\", \"amont\": \"600\"}",
                LogisyncHarness.APPROVER_KEY);
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(misspelt.body()).contains("$.amont").contains("accepted: reason");
        HttpResponse<String> approved = decide("approve", "INV-1", "{\"reason\": \"waiting time agreed by phone\"}",
                LogisyncHarness.APPROVER_KEY);

        assertThat(approved.statusCode()).isEqualTo(200);
        Map<String, Object> bill = await().atMost(Duration.ofSeconds(30)).until(() -> onlyBill(),
                b -> b != null && "posted".equals(b.get("state")));
        assertThat(decimal(bill.get("amount_untaxed"))).isEqualByComparingTo("659.40");
        JsonNode record = await().atMost(Duration.ofSeconds(10)).until(() -> Events.MAPPER.readTree(logisync.api(
                "GET", "/api/v1/carrier-invoices/" + CARRIER + "/INV-1", null, LogisyncHarness.OPERATOR_KEY).body()),
                r -> "posted".equals(r.path("state").asText()));
        assertThat(record.get("status").asText()).isEqualTo("CREATED");
        assertThat(record.get("decidedBy").asText()).isEqualTo(LogisyncHarness.APPROVER);
        assertThat(record.get("decisionReason").asText()).isEqualTo("waiting time agreed by phone");
        assertThat(record.get("decidedAt").asText()).isNotEmpty();
        assertThat(record.get("state").asText()).isEqualTo("posted");
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedCount() == 0);

        // approved, but the load's margin is not what was agreed: the nightly reconciliation says so
        assertThat(costFindings()).singleElement().satisfies(f -> {
            assertThat(f.path("loadRef").asText()).isEqualTo("L-1");
            assertThat(f.path("document").asText()).isEqualTo("INV-1");
            assertThat(f.path("ratedAmount").decimalValue()).isEqualByComparingTo("600.00");
            assertThat(f.path("odooAmount").decimalValue()).isEqualByComparingTo("659.40");
            assertThat(f.path("detail").asText()).contains("more than the tolerance")
                    .contains("approved by " + LogisyncHarness.APPROVER);
            assertThat(f.path("odooId").asLong()).isEqualTo(((Number) bill.get("id")).longValue());
        });
    }

    @Test
    void shouldFindAVendorBillMadeForACancelledLoadWithItsOdooId() throws Exception {
        deliverAndInvoice("L-1");
        logisync.send(assigned("a-1", "L-1", CARRIER, "659.40"));
        logisync.send(carrierInvoice("ci-1", "INV-1", "L-1", "659.40"));
        long bill = ((Number) onlyBill().get("id")).longValue();
        assertThat(costFindings()).isEmpty();

        logisync.send(event("x-1", "shipment.cancelled", "L-1", Map.of("loadRef", "L-1", "reason", "customer")));

        assertThat(costFindings()).singleElement().satisfies(f -> {
            assertThat(f.path("loadRef").asText()).isEqualTo("L-1");
            assertThat(f.path("document").asText()).isEqualTo("INV-1");
            assertThat(f.path("odooId").asLong()).isEqualTo(bill);
            assertThat(f.path("detail").asText()).contains("vendor bill for load L-1").contains("was cancelled");
        });
    }

    /** The findings of a reconciliation run now about vendor bills against the agreed cost. */
    private List<JsonNode> costFindings() throws Exception {
        HttpResponse<String> ran = logisync.api("POST", "/api/v1/reconciliation/run?full=true", null,
                LogisyncHarness.ADMIN_KEY);
        assertThat(ran.statusCode()).isEqualTo(200);
        List<JsonNode> answer = new ArrayList<>();
        Events.MAPPER.readTree(ran.body()).path("findings").forEach(f -> {
            if ("vendor-bill-cost-mismatch".equals(f.path("check").asText())) {
                answer.add(f);
            }
        });
        return answer;
    }

    @Test
    void shouldMakeNoBillForARejectedCarrierInvoiceEvenWhenItIsSentAgain() throws Exception {
        deliverAndInvoice("L-1");
        logisync.send(assigned("a-1", "L-1", CARRIER, "600.00"));
        logisync.send(carrierInvoice("ci-1", "INV-1", "L-1", "659.40"));

        HttpResponse<String> rejected = decide("reject", "INV-1", "{\"reason\": \"not agreed\"}",
                LogisyncHarness.APPROVER_KEY);

        assertThat(rejected.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedCount() == 0);
        logisync.send(carrierInvoice("ci-2", "INV-1", "L-1", "659.40"));
        assertThat(moves("in_invoice")).isEmpty();
        assertThat(parkedCount()).isZero();
        assertThat(decide("approve", "INV-1", "{\"reason\": \"changed my mind\"}", LogisyncHarness.APPROVER_KEY)
                .statusCode()).isEqualTo(409);
    }

    @Test
    void shouldHoldABillWithoutAssignmentAndMakeItOnceTheAssignmentArrives() throws Exception {
        deliverAndInvoice("L-1");

        JsonNode answer = logisync.send(carrierInvoice("ci-1", "INV-1", "L-1", "659.40"));

        assertThat(answer.get("results").get(0).get("reason").asText()).isEqualTo("AWAITING_SETTLEMENT_APPROVAL");
        assertThat(logisync.db().queryForObject("SELECT detail FROM parked_message", String.class))
                .contains("load L-1 has no assignment");
        logisync.send(assigned("a-1", "L-1", CARRIER, "659.40"));

        // the assignment replays the bills of its load that waited for an agreed cost, without the sweep
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedCount() == 0);
        assertThat(moves("in_invoice")).singleElement().satisfies(b -> assertThat(b.get("state"))
                .isEqualTo("posted"));
    }

    @Test
    void shouldParkAnAssignmentForAnUnknownLoadOrCarrierAndKeepTheLatest() throws Exception {
        JsonNode early = logisync.send(assigned("a-0", "L-9", CARRIER, "100.00"));
        assertThat(early.get("results").get(0).get("reason").asText()).isEqualTo("AWAITING_SHIPMENT");
        logisync.send(shipment("s-9", "L-9", "ACME", charge("LINEHAUL", "1", "800.00")));
        JsonNode unknown = logisync.send(assigned("a-1", "L-9", "NOBODY", "100.00"));
        assertThat(unknown.get("results").get(0).get("reason").asText()).isEqualTo("AWAITING_CARRIER");

        ObjectNode later = assigned("a-2", "L-9", CARRIER, "420.00");
        later.put("time", "2026-11-03T10:00:00Z");
        logisync.send(later);
        logisync.send(assigned("a-3", "L-9", CARRIER, "999.00"));

        assertThat(logisync.db().queryForObject("SELECT agreed_amount FROM shipment_assignment WHERE load_ref = 'L-9'",
                BigDecimal.class)).isEqualByComparingTo("420.00");
    }

    @Test
    void shouldRejectAnAssignmentWithoutTheCurrencyOfItsAgreedCostNamingTheField() throws Exception {
        ObjectNode event = assigned("a-1", "L-1", CARRIER, "100.00");
        ((ObjectNode) event.get("data").get("agreedCost")).remove("currency");

        HttpResponse<String> answer = logisync.post(Events.MAPPER.writeValueAsString(event), LogisyncHarness.TMS_KEY);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("$.data.agreedCost: required property 'currency' not found");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM shipment_assignment", Integer.class)).isZero();
    }

    // ------------------------------------------------------------------ settlement.requested

    @Test
    void shouldParkASettlementWhosePeriodEndsBeforeItStarts() throws Exception {
        JsonNode answer = logisync.send(settlement("st-1", "2026-11-07", "2026-11-01"));

        assertThat(answer.get("results").get(0).get("reason").asText()).isEqualTo("INVALID_DATA");
        assertThat(logisync.db().queryForObject("SELECT detail FROM parked_message", String.class))
                .contains("periodTo").contains("before periodFrom");
        assertThat(moves("in_invoice")).isEmpty();
    }

    @Test
    void shouldSelfBillTheDeliveredUnbilledLoadsOfThePeriodOnce() throws Exception {
        deliverAndInvoice("L-1");
        deliverAndInvoice("L-2");
        deliverAndInvoice("L-3");
        logisync.send(shipment("s-late", "L-4", "ACME", charge("LINEHAUL", "1", "800.00")));
        logisync.send(delivered("d-late", "L-4", "2026-11-20T12:00:00Z"));
        logisync.send(assigned("a-1", "L-1", CARRIER, "500.00"));
        logisync.send(assigned("a-2", "L-2", CARRIER, "300.00"));
        logisync.send(assigned("a-3", "L-3", CARRIER, "200.00"));
        logisync.send(assigned("a-4", "L-4", CARRIER, "700.00"));
        // L-3 has its carrier's own bill already
        logisync.send(carrierInvoice("ci-3", "INV-3", "L-3", "200.00"));

        logisync.send(settlement("st-1", "2026-11-01", "2026-11-07"));
        logisync.send(settlement("st-2", "2026-11-01", "2026-11-07"));

        List<Map<String, Object>> bills = moves("in_invoice");
        assertThat(bills).extracting(b -> b.get("ref")).containsExactlyInAnyOrder("INV-3",
                "SETTLEMENT/" + CARRIER + "/2026-11-01..2026-11-07");
        Map<String, Object> settlement = bills.stream().filter(b -> ((String) b.get("ref")).startsWith("SETTLEMENT"))
                .findFirst().orElseThrow();
        assertThat(settlement.get("state")).isEqualTo("posted");
        assertThat(logisync.productLines(settlement)).extracting(l -> (String) l.get("name"), l -> decimal(l.get("price_unit"))
                .setScale(2).toPlainString(), l -> logisync.productCode(l.get("product_id"))).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Agreed carrier cost - load L-1", "500.00", "CARRIER_COST"),
                        org.assertj.core.groups.Tuple.tuple("Agreed carrier cost - load L-2", "300.00", "CARRIER_COST"));
        assertThat(logisync.productLines(settlement)).extracting(l -> l.get("analytic_distribution")).containsExactly(
                Map.of(String.valueOf(logisync.analyticAccount("L-1")), 100.0),
                Map.of(String.valueOf(logisync.analyticAccount("L-2")), 100.0));
        // a carrier bill for a settled load is not booked a second time without an approver
        JsonNode again = logisync.send(carrierInvoice("ci-1", "INV-1", "L-1", "500.00"));
        assertThat(again.get("results").get(0).get("reason").asText()).isEqualTo("AWAITING_SETTLEMENT_APPROVAL");
        assertThat(moves("in_invoice")).hasSize(2);
    }

    @Test
    void shouldLeaveCancelledLoadsAndLoadsWithARejectedCarrierInvoiceOutOfASettlementSayingWhy() throws Exception {
        deliverAndInvoice("L-1");
        deliverAndInvoice("L-2");
        deliverAndInvoice("L-3");
        deliverAndInvoice("L-4");
        logisync.send(assigned("a-1", "L-1", CARRIER, "500.00"));
        logisync.send(assigned("a-2", "L-2", CARRIER, "300.00"));
        logisync.send(assigned("a-3", "L-3", CARRIER, "200.00"));
        logisync.send(assigned("a-4", "L-4", CARRIER, "400.00"));
        logisync.send(event("x-2", "shipment.cancelled", "L-2", Map.of("loadRef", "L-2", "reason", "customer")));
        logisync.send(event("x-4", "shipment.cancelled", "L-4", Map.of("loadRef", "L-4", "reason", "customer",
                "truckOrderNotUsed", true)));
        // L-3's carrier billed 900.00 against 200.00 agreed, and an approver rejected it as overbilled
        logisync.send(carrierInvoice("ci-3", "INV-3", "L-3", "900.00"));
        assertThat(decide("reject", "INV-3", "{\"reason\": \"overbilled\"}", LogisyncHarness.APPROVER_KEY)
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedCount() == 0);

        logisync.send(settlement("st-1", "2026-11-01", "2026-11-07"));

        Map<String, Object> settlement = moves("in_invoice").stream().filter(b -> ((String) b.get("ref"))
                .startsWith("SETTLEMENT")).findFirst().orElseThrow();
        assertThat(logisync.productLines(settlement)).extracting(l -> (String) l.get("name"))
                .containsExactly("Agreed carrier cost - load L-1");
        assertThat(decimal(settlement.get("amount_untaxed"))).isEqualByComparingTo("500.00");
        JsonNode listed = Events.MAPPER.readTree(logisync.api("GET", "/api/v1/carrier-invoices?status=CREATED", null,
                LogisyncHarness.OPERATOR_KEY).body());
        JsonNode shown = null;
        for (JsonNode b : listed) {
            if (b.path("vendorRef").asText().startsWith("SETTLEMENT")) {
                shown = b;
            }
        }
        assertThat(shown).isNotNull();
        assertThat(shown.get("match").asText()).contains("load L-2 was cancelled")
                .contains("load L-4 was cancelled with truck order not used")
                .contains("load L-3 has carrier invoice INV-3 rejected by " + LogisyncHarness.APPROVER);
    }

    // ------------------------------------------------------------------ bills parked before vendor billing

    @Test
    void shouldReplayABillParkedBeforeVendorBillingIntoAVendorBill() throws Exception {
        deliverAndInvoice("L-1");
        logisync.send(assigned("a-1", "L-1", CARRIER, "659.40"));
        ObjectNode old = carrierInvoice("old-1", "INV-OLD", "L-1", "659.40");
        long parkedId = parkAsBefore(old);

        logisync.camel().createProducerTemplate().sendBody("direct:wake-parked-carrier-invoices", null);

        assertThat(moves("in_invoice")).singleElement().satisfies(b -> {
            assertThat(b.get("ref")).isEqualTo("INV-OLD");
            assertThat(b.get("state")).isEqualTo("posted");
        });
        assertThat(logisync.db().queryForObject("SELECT status FROM parked_message WHERE id = ?", String.class,
                parkedId)).isEqualTo("REPLAYED");
    }

    @Test
    void shouldParkAParkedBillWhoseTotalIsNotItsLinesSumAsInvalidNamingBoth() throws Exception {
        ObjectNode old = carrierInvoice("old-1", "INV-OLD", "L-1", "659.40");
        ((ObjectNode) old.get("data")).put("total", "700.00");
        long parkedId = parkAsBefore(old);

        logisync.bean("parking", io.logisync.parking.ParkingDesk.class).replaySatisfied();

        Map<String, Object> row = logisync.db().queryForMap("SELECT reason, detail FROM parked_message WHERE id = ?",
                parkedId);
        assertThat(row.get("REASON")).isEqualTo("INVALID_DATA");
        assertThat((String) row.get("DETAIL")).contains("700.00").contains("659.40");
        assertThat(moves("in_invoice")).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private void deliverAndInvoice(String loadRef) throws Exception {
        logisync.send(shipment("s-" + loadRef, loadRef, "ACME", charge("LINEHAUL", "1", "800.00")));
        logisync.send(delivered("d-" + loadRef, loadRef, "2026-11-02T12:00:00Z"));
        logisync.send(pod("p-" + loadRef, loadRef));
    }

    private static ObjectNode assigned(String id, String loadRef, String carrierCode, String amount) {
        return event(id, "shipment.assigned", loadRef, Map.of("loadRef", loadRef, "carrierCode", carrierCode,
                "agreedCost", Map.of("amount", amount, "currency", "USD"), "driverRef", "D-7"));
    }

    private static ObjectNode carrierInvoice(String id, String number, String loadRef, String amount) {
        return event(id, "carrier.invoice.received", CARRIER, Map.of("carrierCode", CARRIER,
                "carrierInvoiceNumber", number, "invoiceDate", "2026-11-03", "currency", "USD",
                "lines", List.of(Map.of("loadRef", loadRef, "chargeCode", "LINEHAUL", "amount", amount)),
                "total", amount));
    }

    private static ObjectNode settlement(String id, String from, String to) {
        return event(id, "settlement.requested", CARRIER, Map.of("carrierCode", CARRIER, "periodFrom", from,
                "periodTo", to));
    }

    /** Parks an event as logisync did before vendor billing existed. */
    private long parkAsBefore(ObjectNode event) throws Exception {
        return logisync.bean("parkingStore", io.logisync.store.ParkingStore.class).park(event.get("id").asText(),
                event.get("source").asText(), event.get("type").asText(), event.get("subject").asText(),
                "AWAITING_VENDOR_BILLING", "feature:vendor-billing", "vendor billing is not built yet",
                Events.MAPPER.writeValueAsString(event));
    }

    private HttpResponse<String> decide(String decision, String number, String body, String key) throws Exception {
        return logisync.api("POST", "/api/v1/carrier-invoices/" + CARRIER + "/" + number + "/" + decision, body, key);
    }

    private void drop(String sample) throws IOException {
        Path inbound = logisync.carriers().resolve("maple-express/inbound");
        Files.createDirectories(inbound);
        Path partial = inbound.resolve(sample + ".part");
        Files.writeString(partial, Files.readString(Path.of("src/test/resources/edi", sample),
                StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
        Files.move(partial, inbound.resolve(System.nanoTime() + "-" + sample));
    }

    private List<Path> done() throws IOException {
        Path dir = logisync.carriers().resolve("maple-express/inbound/.done");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var list = Files.list(dir)) {
            return list.toList();
        }
    }

    private int parkedCount() {
        return logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message WHERE status = 'PARKED'",
                Integer.class);
    }

    private List<Map<String, Object>> moves(String type) {
        return logisync.records("account.move").stream().filter(m -> type.equals(m.get("move_type"))).toList();
    }

    private Map<String, Object> onlyBill() {
        List<Map<String, Object>> bills = moves("in_invoice");
        assertThat(bills).hasSizeLessThanOrEqualTo(1);
        return bills.isEmpty() ? null : bills.get(0);
    }

    private static String nameOf(Object many2one) {
        return String.valueOf(((List<?>) many2one).get(1));
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }
}
