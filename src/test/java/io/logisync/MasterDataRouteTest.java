package io.logisync;

import static io.logisync.support.Events.array;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.support.LogisyncHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MasterDataRouteTest {

    private LogisyncHarness logisync;

    @BeforeEach
    void start() throws Exception {
        logisync = LogisyncHarness.start();
    }

    @AfterEach
    void stop() throws Exception {
        logisync.close();
    }

    @Test
    void shouldCreateACompanyPartnerWithTheCustomerCodeAsReference() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));

        Map<String, Object> partner = partner("ACME");
        assertThat(partner.get("name")).isEqualTo("Acme Retail Inc.");
        assertThat(partner.get("is_company")).isEqualTo(true);
        assertThat(partner.get("vat")).isEqualTo("US123456789");
        assertThat(partner.get("email")).isEqualTo("ap@example.com");
        assertThat(partner.get("city")).isEqualTo("Detroit");
        assertThat(((List<?>) partner.get("country_id")).get(1)).isEqualTo("United States");
        assertThat(partner.get("customer_rank")).isEqualTo(1L);
    }

    @Test
    void shouldLeaveTheCustomerRankThatOdooCountedWhenItUpdatesAPartner() throws Exception {
        long existing = logisync.odoo().store().insert("res.partner",
                Map.of("name", "Acme", "ref", "ACME", "is_company", true, "customer_rank", 7));

        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));

        assertThat(partner("ACME")).containsEntry("id", existing).containsEntry("customer_rank", 7L)
                .containsEntry("name", "Acme Retail Inc.");
    }

    @Test
    void shouldMakeNoOdooCallForACustomerThatDidNotChange() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        int callsBefore = logisync.odoo().calls().size();

        logisync.send(customer("c-2", "ACME", "Acme Retail Inc."));

        assertThat(logisync.odoo().calls()).hasSize(callsBefore);
    }

    @Test
    void shouldWriteAChangedCustomerToTheSamePartner() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));

        logisync.send(customer("c-2", "ACME", "Acme Retail Holdings Inc."));

        assertThat(logisync.records("res.partner")).filteredOn(p -> "ACME".equals(p.get("ref"))).singleElement()
                .satisfies(p -> assertThat(p.get("name")).isEqualTo("Acme Retail Holdings Inc."));
    }

    @Test
    void shouldBindToAPartnerThatOdooAlreadyHas() throws Exception {
        long existing = logisync.odoo().store().insert("res.partner",
                Map.of("name", "ACME (keyed in by finance)", "ref", "ACME", "is_company", true));

        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));

        assertThat(logisync.records("res.partner")).filteredOn(p -> "ACME".equals(p.get("ref"))).singleElement()
                .satisfies(p -> assertThat(((Number) p.get("id")).longValue()).isEqualTo(existing));
    }

    @Test
    void shouldParkShipmentsOfAnUnknownCustomerAndReplayThemInOrderWhenItArrives() throws Exception {
        JsonNode parked = logisync.send(array(
                shipment("s-1", "L-200", "LATE", charge("LINEHAUL", "1", "950.00")),
                shipment("s-2", "L-200", "LATE", charge("LINEHAUL", "1", "975.00"))));

        assertThat(parked.at("/results/0/reason").asText()).isEqualTo("AWAITING_CUSTOMER");
        assertThat(parked.at("/results/1/reason").asText()).isEqualTo("AWAITING_CUSTOMER");
        assertThat(logisync.db().queryForList("SELECT waiting_for FROM parked_message ORDER BY id", String.class))
                .containsExactly("customer:LATE", "customer:LATE");

        logisync.send(customer("c-1", "LATE", "Great Lakes Foods Co."));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                logisync.db().queryForList("SELECT status FROM parked_message ORDER BY id", String.class))
                .containsExactly("REPLAYED", "REPLAYED"));
        logisync.send(array(delivered("m-1", "L-200", "2026-11-03T16:20:00-05:00"), pod("p-1", "L-200")));
        // the later correction (975.00) was replayed last, so it is what the customer is billed
        assertThat(logisync.records("account.move")).singleElement()
                .satisfies(m -> assertThat(m.get("ref")).isEqualTo("L-200"))
                .satisfies(m -> assertThat(m.get("state")).isEqualTo("posted"))
                .satisfies(m -> assertThat(ShipmentExecutionRouteTest.decimal(m.get("amount_untaxed")))
                        .isEqualByComparingTo("975.00"));
    }

    @Test
    void shouldReplayAParkedShipmentIntoAnInvoiceWhenItsCustomerArrives() throws Exception {
        logisync.send(array(shipment("s-1", "L-201", "LATE", charge("LINEHAUL", "1", "950.00")),
                delivered("m-1", "L-201", "2026-11-03T16:20:00-05:00"), pod("p-1", "L-201")));
        assertThat(logisync.records("account.move")).isEmpty();

        logisync.send(customer("c-1", "LATE", "Great Lakes Foods Co."));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logisync.records("account.move"))
                .singleElement().satisfies(m -> assertThat(m.get("state")).isEqualTo("posted")));
    }

    private Map<String, Object> partner(String code) {
        return logisync.records("res.partner").stream().filter(p -> code.equals(p.get("ref"))).findFirst()
                .orElseThrow(() -> new AssertionError("no partner with ref " + code));
    }
}
