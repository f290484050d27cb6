package io.logisync;

import static io.logisync.support.Events.array;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.contract;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.shipment;
import static io.logisync.support.Events.shipmentPickedUp;
import static io.logisync.support.Events.unpriced;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.odoo.sim.Outage;
import io.logisync.parking.ParkingDesk;
import io.logisync.support.LogisyncHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShipmentExecutionRouteTest {

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
    void shouldPostOneInvoiceWithTheChargesOfADeliveredShipment() throws Exception {
        logisync.send(array(
                shipment("s-1", "L-100", "ACME", charge("LINEHAUL", "283", "2.85"), charge("FUEL", "283", "0.42"),
                        Map.of("chargeCode", "STOP_OFF", "quantity", 1, "amount", "75.00")),
                delivered("m-1", "L-100", "2026-11-02T15:40:00-0500"),
                pod("p-1", "L-100")));

        Map<String, Object> invoice = onlyInvoice();
        assertThat(invoice.get("state")).isEqualTo("posted");
        assertThat(invoice.get("move_type")).isEqualTo("out_invoice");
        assertThat(invoice.get("ref")).isEqualTo("L-100");
        assertThat(invoice.get("invoice_origin")).isEqualTo("L-100");
        assertThat((String) invoice.get("name")).startsWith("INV/");
        assertThat(partnerName(invoice)).isEqualTo("Acme Retail Inc.");
        // 283 x 2.85 = 806.55, 283 x 0.42 = 118.86, stop-off 75.00
        assertThat(lines(invoice)).extracting(l -> decimal(l.get("price_subtotal")).setScale(2))
                .containsExactlyInAnyOrder(new BigDecimal("806.55"), new BigDecimal("118.86"),
                        new BigDecimal("75.00"));
        // untaxed 1000.41; 15 % tax per line: 120.98 + 17.83 + 11.25 = 150.06; total 1150.47
        assertThat(decimal(invoice.get("amount_untaxed"))).isEqualByComparingTo("1000.41");
        assertThat(decimal(invoice.get("amount_total"))).isEqualByComparingTo("1150.47");
    }

    @Test
    void shouldBillWhatTheCustomerWasRatedWhenTheRateHasMoreDecimalsThanOdooKeeps() throws Exception {
        logisync.send(array(shipment("s-1", "L-112", "ACME", charge("LINEHAUL", "3", "33.333333")),
                delivered("m-1", "L-112", "2026-11-02T15:40:00Z"), pod("p-1", "L-112")));

        Map<String, Object> line = lines(onlyInvoice()).get(0);
        // 3 x 33.333333 = 99.999999, rated 100.00; Odoo keeps unit prices to the cent, so one unit at 100.00
        assertThat(decimal(line.get("price_subtotal"))).isEqualByComparingTo("100.00");
        assertThat(decimal(line.get("quantity"))).isEqualByComparingTo("1");
        assertThat((String) line.get("name")).endsWith("(3 x 33.333333)");
    }

    @Test
    void shouldKeepTheLatestDeliveryWhenAnOlderOneArrivesLate() throws Exception {
        logisync.send(array(shipment("s-1", "L-113", "ACME", charge("LINEHAUL", "1", "640.00")),
                delivered("m-1", "L-113", "2026-11-02T15:40:00Z"), pod("p-1", "L-113")));

        logisync.send(delivered("m-0", "L-113", "2026-11-01T09:00:00Z"));

        assertThat(logisync.db().queryForObject("SELECT delivered_at FROM shipment WHERE load_ref = 'L-113'",
                java.sql.Timestamp.class).toInstant()).isEqualTo("2026-11-02T15:40:00Z");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM shipment_milestone WHERE load_ref = 'L-113'",
                Integer.class)).isEqualTo(2);
        assertThat(invoices()).hasSize(1);
    }

    @Test
    void shouldNotInvoiceBeforeTheProofOfDelivery() throws Exception {
        logisync.send(array(shipment("s-1", "L-101", "ACME", charge("LINEHAUL", "1", "500.00")),
                delivered("m-1", "L-101", "2026-11-02T15:40:00Z")));

        assertThat(invoices()).isEmpty();

        logisync.send(pod("p-1", "L-101"));

        assertThat(decimal(onlyInvoice().get("amount_untaxed"))).isEqualByComparingTo("500.00");
    }

    @Test
    void shouldInvoiceWhateverOrderTheEventsArriveIn() throws Exception {
        logisync.send(array(pod("p-1", "L-102"), delivered("m-1", "L-102", "2026-11-02T15:40:00Z"),
                shipment("s-1", "L-102", "ACME", charge("LINEHAUL", "2", "100.00"))));

        assertThat(decimal(onlyInvoice().get("amount_untaxed"))).isEqualByComparingTo("200.00");
    }

    @Test
    void shouldChangeNothingInOdooWhenEverythingIsSentAgain() throws Exception {
        var events = array(shipment("s-1", "L-103", "ACME", charge("LINEHAUL", "1", "640.00")),
                delivered("m-1", "L-103", "2026-11-02T15:40:00Z"), pod("p-1", "L-103"));
        logisync.send(events);
        int callsBefore = logisync.odoo().calls().size();

        JsonNode again = logisync.send(events);

        assertThat(again.get("duplicates").asInt()).isEqualTo(3);
        assertThat(invoices()).hasSize(1);
        assertThat(logisync.odoo().calls()).hasSize(callsBefore);
    }

    @Test
    void shouldNotCreateASecondInvoiceForTheSameFactsUnderNewEventIds() throws Exception {
        logisync.send(array(shipment("s-1", "L-104", "ACME", charge("LINEHAUL", "1", "640.00")),
                delivered("m-1", "L-104", "2026-11-02T15:40:00Z"), pod("p-1", "L-104")));

        JsonNode again = logisync.send(array(shipment("s-2", "L-104", "ACME", charge("LINEHAUL", "1", "640.00")),
                delivered("m-2", "L-104", "2026-11-02T15:40:00Z"), pod("p-2", "L-104")));

        assertThat(again.get("accepted").asInt()).isEqualTo(3);
        assertThat(invoices()).hasSize(1);
    }

    @Test
    void shouldFindTheInvoiceInOdooWhenLogisyncLostItsOwnRecords() throws Exception {
        var events = array(shipment("s-1", "L-105", "ACME", charge("LINEHAUL", "1", "640.00")),
                delivered("m-1", "L-105", "2026-11-02T15:40:00Z"), pod("p-1", "L-105"));
        logisync.send(events);
        logisync.db().update("DELETE FROM binding");
        logisync.db().update("DELETE FROM camel_messageprocessed");
        logisync.db().update("DELETE FROM shipment_milestone");
        logisync.db().update("DELETE FROM shipment");

        logisync.send(events);

        assertThat(invoices()).hasSize(1);
        assertThat(logisync.records("res.partner")).filteredOn(p -> "ACME".equals(p.get("ref"))).hasSize(1);
    }

    @Test
    void shouldBillChargesThatRiseAfterPostingOnASupplementalInvoice() throws Exception {
        logisync.send(array(shipment("s-1", "L-109", "ACME", charge("LINEHAUL", "1", "220.00")),
                delivered("m-1", "L-109", "2026-11-02T15:40:00Z"), pod("p-1", "L-109")));
        String original = (String) onlyInvoiceWithRef("L-109").get("name");

        JsonNode answer = logisync.send(shipment("s-2", "L-109", "ACME", charge("LINEHAUL", "1", "999.00")));

        assertThat(answer.at("/results/0/outcome").asText()).isEqualTo("applied");
        // the posted invoice is not touched: still 220.00
        assertThat(decimal(onlyInvoiceWithRef("L-109").get("amount_untaxed"))).isEqualByComparingTo("220.00");
        // 999.00 - 220.00 = 779.00 billed on top, on a supplemental invoice that names the original
        Map<String, Object> supplement = onlyInvoiceWithRef("L-109/S1");
        assertThat(supplement.get("state")).isEqualTo("posted");
        assertThat(supplement.get("invoice_origin")).isEqualTo(original);
        assertThat(decimal(supplement.get("amount_untaxed"))).isEqualByComparingTo("779.00");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class)).isZero();
    }

    @Test
    void shouldParkTheShipmentItselfWhenOdooDoesNotKnowItsCurrency() throws Exception {
        // an ISO 4217 code (a code that is none is refused at the door) that this Odoo has no currency for
        ObjectNode inZorkmids = shipment("s-1", "L-114", "ACME", charge("LINEHAUL", "1", "640.00"));
        ((ObjectNode) inZorkmids.get("data")).put("currency", "MNT");

        JsonNode answer = logisync.send(array(inZorkmids, delivered("m-1", "L-114", "2026-11-02T15:40:00Z"),
                pod("p-1", "L-114")));

        assertThat(answer.at("/results/0/reason").asText()).isEqualTo("INVALID_DATA");
        assertThat(answer.at("/results/2/outcome").asText()).isEqualTo("applied");
        assertThat(logisync.db().queryForMap("SELECT event_id, detail FROM parked_message"))
                .containsEntry("EVENT_ID", "s-1")
                .hasEntrySatisfying("DETAIL", d -> assertThat((String) d).startsWith("data.currency").contains("MNT"));
        assertThat(invoices()).isEmpty();
    }

    @Test
    void shouldParkAShipmentWhoseChargeCodeHasNoProduct() throws Exception {
        JsonNode answer = logisync.send(shipment("s-1", "L-106", "ACME", charge("HAZMAT", "1", "150.00")));

        assertThat(answer.at("/results/0/outcome").asText()).isEqualTo("parked");
        assertThat(answer.at("/results/0/reason").asText()).isEqualTo("AWAITING_CHARGE_MAPPING");
        assertThat(logisync.db().queryForMap("SELECT reason, waiting_for, detail FROM parked_message"))
                .containsEntry("REASON", "AWAITING_CHARGE_MAPPING").containsEntry("WAITING_FOR", "charge:HAZMAT")
                .hasEntrySatisfying("DETAIL", detail -> assertThat((String) detail).contains("HAZMAT"));
    }

    @Test
    void shouldLeaveADraftWhenFinanceReviewsInvoicesInOdoo() throws Exception {
        try (LogisyncHarness drafts = LogisyncHarness.start("--logisync.invoice.post=false")) {
            drafts.send(array(customer("c-1", "ACME", "Acme Retail Inc."),
                    shipment("s-1", "L-108", "ACME", charge("LINEHAUL", "1", "640.00")),
                    delivered("m-1", "L-108", "2026-11-02T15:40:00Z"), pod("p-1", "L-108")));

            assertThat(drafts.records("account.move")).singleElement()
                    .satisfies(m -> assertThat(m.get("state")).isEqualTo("draft"))
                    .satisfies(m -> assertThat(m.get("name")).isEqualTo(false))
                    .satisfies(m -> assertThat(decimal(m.get("amount_untaxed"))).isEqualByComparingTo("640.00"));
        }
    }

    @Test
    void shouldRetryThenParkWhenOdooIsDown() throws Exception {
        logisync.send(shipment("s-1", "L-107", "ACME", charge("LINEHAUL", "1", "640.00")));
        logisync.odoo().close();

        JsonNode answer = logisync.send(array(delivered("m-1", "L-107", "2026-11-02T15:40:00Z"),
                pod("p-1", "L-107")));

        assertThat(answer.at("/results/1/status").asText()).isEqualTo("accepted");
        assertThat(answer.at("/results/1/outcome").asText()).isEqualTo("parked");
        assertThat(answer.at("/results/1/reason").asText()).isEqualTo("ODOO_UNAVAILABLE");
        assertThat(logisync.db().queryForMap("SELECT event_id, reason, detail, payload FROM parked_message"))
                .containsEntry("EVENT_ID", "p-1").containsEntry("REASON", "ODOO_UNAVAILABLE")
                // batched, the invoice's lines are priced (a product looked up) before the invoice is looked for
                .hasEntrySatisfying("DETAIL", detail -> assertThat((String) detail).containsAnyOf("account.move",
                        "product.product").contains("cannot connect"))
                .hasEntrySatisfying("PAYLOAD", payload -> assertThat((String) payload).contains("\"id\":\"p-1\""));
    }

    @Test
    void shouldRateEachShipmentWithTheContractVersionInForceAtItsPickupDate() throws Exception {
        logisync.send(array(
                contract("k-1", "C-ACME", "ACME", 1, "2026-01-01", "2026-06-30", "LINEHAUL", "MILE", "2.50"),
                contract("k-2", "C-ACME", "ACME", 2, "2026-07-01", null, "LINEHAUL", "MILE", "2.75")));

        // picked up on 30 June at 23:30 in Chicago (already 1 July in UTC): the date where the pickup is counts
        logisync.send(array(shipmentPickedUp("s-1", "L-400", "ACME", "2026-06-30T23:30:00-05:00",
                unpriced("LINEHAUL", "283")), delivered("m-1", "L-400", "2026-07-01T16:00:00Z"), pod("p-1", "L-400")));
        logisync.send(array(shipmentPickedUp("s-2", "L-401", "ACME", "2026-07-01T08:00:00-05:00",
                unpriced("LINEHAUL", "283")), delivered("m-2", "L-401", "2026-07-02T16:00:00Z"), pod("p-2", "L-401")));

        // version 1: 283 miles x 2.50 = 707.50; version 2: 283 miles x 2.75 = 778.25
        assertThat(invoices()).extracting(m -> m.get("ref"), m -> decimal(m.get("amount_untaxed")).setScale(2))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("L-400", new BigDecimal("707.50")),
                        org.assertj.core.groups.Tuple.tuple("L-401", new BigDecimal("778.25")));
        assertThat(logisync.db().queryForList("SELECT contract_version FROM shipment_contract ORDER BY load_ref",
                Integer.class)).containsExactly(1, 2);
    }

    @Test
    void shouldInvoiceInTheContractsBillingCompanyAndCurrency() throws Exception {
        try (LogisyncHarness canada = LogisyncHarness.start("--logisync.company.CA01=Logisync Canada")) {
            long company = canada.odoo().store().addCompany("Logisync Canada", "CAD");
            ObjectNode terms = contract("k-1", "C-NORTH", "ACME", 1, "2026-01-01", null, "LINEHAUL", "KM", "1.90");
            ((ObjectNode) terms.get("data")).put("currency", "CAD").put("billingCompany", "CA01")
                    .put("paymentTermCode", "NET30");
            canada.send(array(customer("c-1", "ACME", "Acme Retail Inc."), terms));

            canada.send(array(shipmentPickedUp("s-1", "L-402", "ACME", "2026-11-02T08:00:00-05:00",
                    unpriced("LINEHAUL", "455")), delivered("m-1", "L-402", "2026-11-03T16:00:00Z"),
                    pod("p-1", "L-402")));

            Map<String, Object> invoice = canada.records("account.move").stream()
                    .filter(m -> "out_invoice".equals(m.get("move_type"))).findFirst().orElseThrow();
            assertThat(((List<?>) invoice.get("company_id")).get(0)).isEqualTo(company);
            assertThat(((List<?>) invoice.get("currency_id")).get(1)).isEqualTo("CAD");
            assertThat(((List<?>) invoice.get("invoice_payment_term_id")).get(1)).isEqualTo("30 Days");
            assertThat(invoice.get("state")).isEqualTo("posted");
            long journal = ((Number) ((List<?>) invoice.get("journal_id")).get(0)).longValue();
            assertThat(((List<?>) canada.odoo().store().record("account.journal", journal).orElseThrow()
                    .get("company_id")).get(0)).isEqualTo(company);
            // 455 km x 1.90 = 864.50 CAD; the Canadian company's 15 % tax: 129.68 (129.675 rounded); total 994.18
            assertThat(decimal(invoice.get("amount_untaxed"))).isEqualByComparingTo("864.50");
            assertThat(decimal(invoice.get("amount_total"))).isEqualByComparingTo("994.18");
        }
    }

    @Test
    void shouldParkAShipmentWhoseCustomerHasTwoContractsInForce() throws Exception {
        logisync.send(array(contract("k-1", "C-1", "ACME", 1, "2026-01-01", null, "LINEHAUL", "FLAT", "900"),
                contract("k-2", "C-2", "ACME", 1, "2026-06-01", null, "LINEHAUL", "FLAT", "950")));

        JsonNode answer = logisync.send(shipmentPickedUp("s-1", "L-403", "ACME", "2026-11-02T08:00:00-05:00",
                unpriced("LINEHAUL", "1")));

        assertThat(answer.at("/results/0/reason").asText()).isEqualTo("INVALID_DATA");
        assertThat(logisync.db().queryForObject("SELECT detail FROM parked_message", String.class))
                .contains("C-1, C-2").contains("data.contractCode");
    }

    @Test
    void shouldInvoiceAnEventParkedDuringAnOutageOnceOdooIsBack() throws Exception {
        logisync.send(array(shipment("s-1", "L-110", "ACME", charge("LINEHAUL", "1", "640.00")),
                delivered("m-1", "L-110", "2026-11-02T15:40:00Z")));
        logisync.odoo().faults().down(Duration.ofHours(1), Outage.REFUSE_CONNECTIONS);
        JsonNode parked = logisync.send(pod("p-1", "L-110"));
        assertThat(parked.at("/results/0/reason").asText()).isEqualTo("ODOO_UNAVAILABLE");
        logisync.odoo().faults().up();

        int replayed = logisync.bean("parking", ParkingDesk.class).replaySatisfied();

        assertThat(replayed).isEqualTo(1);
        assertThat(decimal(onlyInvoice().get("amount_untaxed"))).isEqualByComparingTo("640.00");
        assertThat(logisync.db().queryForObject("SELECT status FROM parked_message WHERE event_id = 'p-1'",
                String.class)).isEqualTo("REPLAYED");
    }

    @Test
    void shouldAnswerAParkedEventSentAgainAsADuplicateAndParkItOnce() throws Exception {
        var unmapped = shipment("s-1", "L-111", "ACME", charge("HAZMAT", "1", "150.00"));
        logisync.send(unmapped);

        JsonNode again = logisync.send(unmapped);

        assertThat(again.at("/results/0/status").asText()).isEqualTo("duplicate");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class)).isEqualTo(1);
    }

    private Map<String, Object> onlyInvoice() {
        List<Map<String, Object>> invoices = invoices();
        assertThat(invoices).hasSize(1);
        return invoices.get(0);
    }

    private Map<String, Object> onlyInvoiceWithRef(String ref) {
        List<Map<String, Object>> found = invoices().stream().filter(m -> ref.equals(m.get("ref"))).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<Map<String, Object>> invoices() {
        return logisync.records("account.move").stream().filter(m -> "out_invoice".equals(m.get("move_type")))
                .toList();
    }

    private List<Map<String, Object>> lines(Map<String, Object> invoice) {
        List<?> ids = (List<?>) invoice.get("invoice_line_ids");
        return logisync.records("account.move.line").stream().filter(l -> ids.contains(l.get("id"))).toList();
    }

    private static String partnerName(Map<String, Object> invoice) {
        return String.valueOf(((List<?>) invoice.get("partner_id")).get(1));
    }

    static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }
}
