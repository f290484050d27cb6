package io.logisync;

import static io.logisync.support.Events.accessorial;
import static io.logisync.support.Events.approved;
import static io.logisync.support.Events.array;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.contract;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.event;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.rejected;
import static io.logisync.support.Events.shipment;
import static io.logisync.support.Events.shipmentPickedUp;
import static io.logisync.support.Events.unpriced;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import io.logisync.support.LogisyncHarness;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same flow on PostgreSQL, chosen by JDBC URL: the schema migrates and nothing is invoiced twice. */
class PostgresStorageTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void shouldInvoiceOnceWithItsStateInPostgres() throws Exception {
        var events = array(customer("c-1", "ACME", "Acme Retail Inc."),
                shipment("s-1", "L-500", "ACME", charge("LINEHAUL", "1", "640.00")),
                delivered("m-1", "L-500", "2026-11-02T15:40:00Z"), pod("p-1", "L-500"));
        try (LogisyncHarness logisync = LogisyncHarness.start(
                "--logisync.db.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--logisync.db.user=postgres")) {

            logisync.send(events);
            JsonNode again = logisync.send(events);

            assertThat(again.get("duplicates").asInt()).isEqualTo(4);
            assertThat(logisync.records("account.move")).singleElement()
                    .satisfies(m -> assertThat(m.get("state")).isEqualTo("posted"));
            assertThat(logisync.db().queryForObject("SELECT invoice_state FROM shipment WHERE load_ref = 'L-500'",
                    String.class)).isEqualTo("posted");
            assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM camel_messageprocessed", Integer.class))
                    .isEqualTo(4);
        }
    }

    @Test
    void shouldRateWithAContractVersionKeptInPostgres() throws Exception {
        try (LogisyncHarness logisync = LogisyncHarness.start(
                "--logisync.db.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--logisync.db.user=postgres")) {

            // the database outlives the other test's simulator: ids and codes of their own
            logisync.send(array(customer("pg-c-1", "NORTHWIND", "Northwind Traders"),
                    contract("pg-k-1", "C-NW", "NORTHWIND", 1, "2026-01-01", null, "LINEHAUL", "MILE", "2.85"),
                    shipmentPickedUp("pg-s-1", "L-501", "NORTHWIND", "2026-11-02T08:00:00-06:00",
                            unpriced("LINEHAUL", "100")),
                    delivered("pg-m-1", "L-501", "2026-11-02T15:40:00Z"), pod("pg-p-1", "L-501")));

            // 100 miles x 2.85 = 285.00
            assertThat(logisync.records("account.move")).singleElement().satisfies(m -> assertThat(
                    ShipmentExecutionRouteTest.decimal(m.get("amount_untaxed"))).isEqualByComparingTo("285.00"));
            assertThat(logisync.db().queryForObject("SELECT rate FROM contract_rate WHERE contract_code = 'C-NW'",
                    java.math.BigDecimal.class)).isEqualByComparingTo("2.85");
        }
    }

    @Test
    void shouldConsolidateAndAdjustWithItsBillingRecordInPostgres() throws Exception {
        // a database of its own, so the other tests' counts stay theirs
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE billing");
        }
        try (LogisyncHarness logisync = LogisyncHarness.start(
                "--logisync.db.url=" + postgres.getJdbcUrl("postgres", "billing"),
                "--logisync.db.user=postgres")) {
            logisync.send(array(customer("pg-c-2", "GLOBEX", "Globex Corporation"), event("pg-k-2",
                    "contract.upserted", "C-GX", Map.of("code", "C-GX", "customerCode", "GLOBEX", "version", 1,
                            "effectiveFrom", "2026-01-01", "currency", "USD", "invoiceGrouping", "WEEKLY",
                            "rates", List.of(Map.of("chargeCode", "LINEHAUL", "unit", "MILE", "rate", "2.85")),
                            "accessorialRules", List.of(Map.of("code", "LUMPER", "flatAmount", "95.00"))))));
            for (String load : List.of("L-502", "L-503")) {
                logisync.send(array(shipmentPickedUp("pg-s-" + load, load, "GLOBEX", "2026-11-02T08:00:00-06:00",
                        unpriced("LINEHAUL", "100")), delivered("pg-m-" + load, load, "2026-11-03T15:40:00Z"),
                        pod("pg-p-" + load, load)));
            }

            Object made = logisync.camel().createProducerTemplate().requestBodyAndHeader(
                    "direct:consolidate-invoices", null, "LogisyncAsOf", "2026-11-09", List.class);
            logisync.send(array(accessorial("pg-a-1", "PG-A-1", "L-503", "LUMPER", null, null),
                    approved("pg-d-1", "PG-A-1", "L-503", "dana.dispatch")));
            logisync.send(rejected("pg-d-2", "PG-A-1", "L-503", "sam.supervisor", "receipt was for another load"));

            assertThat(made).isEqualTo(List.of("C-GX 2026-W45"));
            // two loads of 100 miles x 2.85 = 285.00 each: 570.00 on the week's invoice
            assertThat(logisync.records("account.move")).filteredOn(m -> "C-GX 2026-W45".equals(m.get("ref")))
                    .singleElement().satisfies(m -> assertThat(ShipmentExecutionRouteTest.decimal(
                            m.get("amount_untaxed"))).isEqualByComparingTo("570.00"));
            // the lumper, 95.00 flat, approved after posting, then rejected: billed on top, then credited
            assertThat(logisync.records("account.move")).filteredOn(m -> "L-503/S1".equals(m.get("ref")))
                    .singleElement().satisfies(m -> assertThat(ShipmentExecutionRouteTest.decimal(
                            m.get("amount_untaxed"))).isEqualByComparingTo("95.00"));
            assertThat(logisync.records("account.move")).filteredOn(m -> "L-503/C1".equals(m.get("ref")))
                    .singleElement().satisfies(m -> assertThat(m.get("move_type")).isEqualTo("out_refund"));
            assertThat(logisync.db().queryForObject("SELECT SUM(amount) FROM billed_line WHERE load_ref = 'L-503'",
                    java.math.BigDecimal.class)).isEqualByComparingTo("285.00");
        }
    }
}
