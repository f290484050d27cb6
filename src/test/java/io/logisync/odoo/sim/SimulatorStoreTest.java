package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seeding and inspecting the store directly, and its behaviour under concurrent calls. */
class SimulatorStoreTest {

    private OdooSimulator odoo;

    @BeforeEach
    void start() {
        odoo = OdooSimulator.start(0);
    }

    @AfterEach
    void stop() {
        odoo.close();
    }

    @Test
    void shouldSeedWhatAFreshAccountingDatabaseHas() {
        SimulatorStore store = odoo.store();

        assertThat(store.record("res.company", 1).orElseThrow()).containsEntry("name", "YourCompany")
                .containsEntry("currency_id", List.of(1L, "USD"));
        assertThat(store.records("res.currency")).extracting(r -> r.get("name"))
                .contains("USD", "EUR", "CAD", "GBP");
        assertThat(store.records("res.currency")).allSatisfy(r -> assertThat(r.get("decimal_places")).isEqualTo(2L));
        assertThat(store.record("res.country", 233).orElseThrow()).containsEntry("code", "US")
                .containsEntry("name", "United States");
        assertThat(store.records("res.country")).extracting(r -> r.get("code"))
                .contains("CA", "MX", "DE", "FR", "GB", "NL", "BE");
        assertThat(store.records("account.tax")).extracting(r -> r.get("type_tax_use"), r -> r.get("amount"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sale", 15.0),
                        org.assertj.core.groups.Tuple.tuple("purchase", 15.0));
        assertThat(store.records("account.payment.term")).extracting(r -> r.get("name"))
                .contains("Immediate Payment", "15 Days", "30 Days");
        assertThat(store.records("account.journal")).extracting(r -> r.get("code")).contains("INV", "BILL");
    }

    @Test
    void shouldSeedTheServiceProductsWithTheSaleTax() {
        List<Map<String, Object>> products = odoo.store().records("product.product");

        assertThat(products).extracting(p -> p.get("default_code")).containsExactly("LINEHAUL", "FUEL",
                "DETENTION", "WAITING", "LAYOVER", "LUMPER", "TONU", "REDELIVERY", "SPECIAL_HANDLING", "STOP_OFF",
                "CARRIER_COST", "CUSTOMS_CLEARANCE", "DISCOUNT");
        assertThat(products).allSatisfy(p -> {
            assertThat(p.get("type")).isEqualTo("service");
            assertThat(p.get("taxes_id")).isEqualTo(List.of(1L));
        });
        assertThat(products.get(6).get("name")).isEqualTo("Truck order not used");
        assertThat(odoo.store().count("product.template")).isEqualTo(13);
    }

    @Test
    void shouldInsertAndReadRecordsAsReadReturnsThem() {
        long partner = odoo.store().insert("res.partner", Map.of("name", "Seeded Carrier", "supplier_rank", 1));

        Map<String, Object> record = odoo.store().record("res.partner", partner).orElseThrow();

        assertThat(record).containsEntry("id", partner).containsEntry("name", "Seeded Carrier")
                .containsEntry("email", false).containsEntry("supplier_rank", 1L)
                .containsEntry("category_id", List.of());
        assertThat(record.get("create_date").toString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(odoo.store().record("res.partner", 999_999L)).isEmpty();
        assertThatThrownBy(() -> odoo.store().insert("res.partner", Map.of("email", "x@example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odoo.exceptions.ValidationError");
        assertThatThrownBy(() -> odoo.store().records("x.nothing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldStartIdsWhereATestWantsThem() {
        odoo.store().setNextId("account.move", 5_000_000_000L);

        long move = odoo.store().insert("account.move", Map.of("move_type", "out_invoice"));

        assertThat(move).isEqualTo(5_000_000_000L);
        assertThat(odoo.store().insert("account.move", Map.of("move_type", "out_invoice")))
                .isEqualTo(5_000_000_001L);
    }

    @Test
    void shouldResetToTheDefaults() {
        odoo.store().insert("res.partner", Map.of("name", "Temporary"));

        odoo.store().reset();

        assertThat(odoo.store().records("res.partner")).extracting(r -> r.get("name")).doesNotContain("Temporary");
        assertThat(odoo.store().count("product.product")).isEqualTo(13);
    }

    @Test
    void shouldGiveEveryConcurrentCreateItsOwnId() throws Exception {
        WireClient client = new WireClient(odoo);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                int n = i;
                tasks.add(() -> client.call("res.partner", "create", Map.of("vals_list",
                        List.of(Map.of("name", "Parallel " + n)))).get(0).asLong());
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Long> future : pool.invokeAll(tasks)) {
                ids.add(future.get());
            }
            assertThat(ids).hasSize(80);
            assertThat(client.call("res.partner", "search_count", Map.of("domain",
                    List.of(List.of("name", "=like", "Parallel %")))).asLong()).isEqualTo(80L);
        } finally {
            pool.shutdownNow();
        }
    }
}
