package io.logisync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.invoicing.BillLine;
import io.logisync.invoicing.BillingDocument;
import io.logisync.invoicing.BillingStore;
import io.logisync.runtime.StorageAccess;
import io.logisync.store.ShipmentStore.Milestone;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stores' cheaper paths answer as the plain ones did: the idempotency record, the binding cache, a shipment and
 * its milestones in one query, rows made by their first update, and the release gate's one-query glance.
 */
class StoreStatementsTest {

    private AutoCloseable storage;
    private DataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void open() {
        storage = StorageAccess.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource = StorageAccess.dataSource(storage);
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void close() throws Exception {
        storage.close();
    }

    @Test
    void shouldTakeAnEventKeyOnceAndTellItIsTaken() {
        EventIdempotency events = new EventIdempotency(dataSource, "logisync-events");

        assertThat(events.contains("tms/main|e-1")).isFalse();
        assertThat(events.add("tms/main|e-1")).isTrue();
        assertThat(events.add("tms/main|e-1")).as("a key taken already is not taken twice").isFalse();
        assertThat(events.contains("tms/main|e-1")).isTrue();
        assertThat(new EventIdempotency(dataSource, "other-consumer").contains("tms/main|e-1"))
                .as("keys are kept per consumer name").isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED", Integer.class)).isEqualTo(1);
    }

    @Test
    void shouldKeepABindingFoundAndSeeItsOwnRebindAtOnce() {
        BindingStore bindings = new BindingStore(dataSource, Duration.ofMinutes(1));
        bindings.bind("customer", "ACME", "res.partner", 7, null);
        assertThat(bindings.find("customer", "ACME").orElseThrow().odooId()).isEqualTo(7);

        // kept: a change behind the store's back (another replica) is not seen while the entry lives
        jdbc.update("UPDATE binding SET odoo_id = 8 WHERE kind = 'customer' AND external_ref = 'ACME'");
        assertThat(bindings.find("customer", "ACME").orElseThrow().odooId()).isEqualTo(7);

        // this store's own rebind is seen at once
        bindings.bind("customer", "ACME", "res.partner", 9, null);
        assertThat(bindings.find("customer", "ACME").orElseThrow().odooId()).isEqualTo(9);
    }

    @Test
    void shouldNotKeepAMissSoABindingMadeElsewhereIsSeenAtOnce() {
        BindingStore bindings = new BindingStore(dataSource, Duration.ofMinutes(1));
        assertThat(bindings.find("carrier", "CR-1")).isEmpty();

        new BindingStore(dataSource).bind("carrier", "CR-1", "res.partner", 12, null);

        assertThat(bindings.find("carrier", "CR-1").orElseThrow().odooId()).isEqualTo(12);
    }

    @Test
    void shouldReadEveryBindingWhenNothingIsKept() {
        BindingStore bindings = new BindingStore(dataSource);
        bindings.bind("product", "SVC-LH", "product.product", 3, null);
        assertThat(bindings.find("product", "SVC-LH").orElseThrow().odooId()).isEqualTo(3);

        jdbc.update("UPDATE binding SET odoo_id = 4 WHERE kind = 'product'");

        assertThat(bindings.find("product", "SVC-LH").orElseThrow().odooId()).isEqualTo(4);
    }

    @Test
    void shouldReadAShipmentWithItsMilestonesInTheOrderTheyHappenedWhateverOrderTheyCame() {
        ShipmentStore shipments = new ShipmentStore(dataSource);
        Instant delivered = Instant.parse("2026-11-02T22:30:00Z");
        Instant departed = Instant.parse("2026-11-02T15:10:00Z");
        // a milestone before shipment.created makes the row; the same milestone again is kept once
        shipments.recordMilestone("L-1", new Milestone("DELIVERED", delivered, 2, null), "m-2");
        shipments.recordMilestone("L-1", new Milestone("DEPARTED_PICKUP", departed, 1, null), "m-1");
        shipments.recordMilestone("L-1", new Milestone("DELIVERED", delivered, 2, null), "m-2b");

        ShipmentStore.Shipment read = shipments.find("L-1").orElseThrow();

        assertThat(read.isCreated()).isFalse();
        assertThat(read.milestones()).extracting(Milestone::code).containsExactly("DEPARTED_PICKUP", "DELIVERED");
        assertThat(read.deliveredAt()).contains(delivered);
        assertThat(shipments.find("L-2")).isEmpty();

        shipments.recordCreated("L-1", "ACME", "USD", "PO-9", "[]", "s-1");
        shipments.recordPod("L-1", Instant.parse("2026-11-02T22:35:00Z"), "p-1");
        read = shipments.find("L-1").orElseThrow();
        assertThat(read.isCreated()).isTrue();
        assertThat(read.customerPo()).isEqualTo("PO-9");
        assertThat(read.hasPod()).isTrue();
        assertThat(read.milestones()).hasSize(2);
    }

    @Test
    void shouldKeepTheLatestDeliveryWhenAnOlderOneArrivesLate() {
        ShipmentStore shipments = new ShipmentStore(dataSource);
        Instant later = Instant.parse("2026-11-03T10:00:00Z");
        shipments.recordMilestone("L-1", new Milestone("DELIVERED", later, 2, null), "m-1");
        shipments.recordMilestone("L-1", new Milestone("DELIVERED", later.minusSeconds(7200), 2, null), "m-0");

        assertThat(jdbc.queryForObject("SELECT delivered_at FROM shipment WHERE load_ref = 'L-1'",
                java.sql.Timestamp.class).toInstant()).isEqualTo(later);
    }

    @Test
    void shouldGlanceAtALoadAsTheFullChecksWouldSeeIt() {
        ShipmentStore shipments = new ShipmentStore(dataSource);
        BillingStore billing = new BillingStore(dataSource, new ObjectMapper());
        assertThat(billing.glance("L-1")).as("no row yet").isEmpty();

        shipments.recordCreated("L-1", "ACME", "USD", null, "[]", "s-1");
        BillingStore.LoadGlance glance = billing.glance("L-1").orElseThrow();
        assertThat(glance.created()).isTrue();
        assertThat(glance.pod() || glance.anyDelivered() || glance.cancelled() || glance.billed()).isFalse();

        shipments.recordMilestone("L-1", new Milestone("DELIVERED", Instant.parse("2026-11-02T22:30:00Z"), 2,
                null), "m-1");
        shipments.recordPod("L-1", Instant.parse("2026-11-02T22:35:00Z"), "p-1");
        billing.recordCancelled("L-1", Instant.parse("2026-11-03T08:00:00Z"), "customer cancelled", false, null);
        glance = billing.glance("L-1").orElseThrow();
        assertThat(glance.pod()).isTrue();
        assertThat(glance.anyDelivered()).isTrue();
        assertThat(glance.cancelled()).isTrue();
        assertThat(glance.billed()).isFalse();
    }

    private static BillingDocument document(String docRef, BillingDocument.Kind kind, String loadRef,
            String groupKey) {
        return new BillingDocument(docRef, kind, loadRef, "ACME", groupKey, null, BillingDocument.Status.PLANNED,
                false, null, null, null, null, "USD", null);
    }

    @Test
    void shouldGlanceAtALoadBilledAloneOrOnAConsolidatedInvoiceAndNotOnACancelledOne() {
        ShipmentStore shipments = new ShipmentStore(dataSource);
        BillingStore billing = new BillingStore(dataSource, new ObjectMapper());
        for (String load : List.of("L-OWN", "L-CONS", "L-CANC")) {
            shipments.recordCreated(load, "ACME", "USD", null, "[]", "s-" + load);
        }
        BillLine linehaul = BillLine.oneUnit("LINEHAUL", "L-OWN", "LINEHAUL", "Linehaul", new BigDecimal("100.00"));
        billing.plan(document("INV-L-OWN", BillingDocument.Kind.INVOICE, "L-OWN", null), List.of(linehaul));
        billing.plan(document("CONS-ACME-1", BillingDocument.Kind.CONSOLIDATED, null, "ACME|2026-11-02"),
                List.of(BillLine.oneUnit("LINEHAUL", "L-CONS", "LINEHAUL", "Linehaul", new BigDecimal("100.00"))));
        billing.plan(document("INV-L-CANC", BillingDocument.Kind.INVOICE, "L-CANC", null),
                List.of(BillLine.oneUnit("LINEHAUL", "L-CANC", "LINEHAUL", "Linehaul", new BigDecimal("100.00"))));
        billing.recordOutcome("INV-L-CANC", null, "cancel", null);

        assertThat(billing.glance("L-OWN").orElseThrow().billed()).isTrue();
        assertThat(billing.glance("L-CONS").orElseThrow().billed()).isTrue();
        assertThat(billing.glance("L-CANC").orElseThrow().billed()).isFalse();
        for (String load : List.of("L-OWN", "L-CONS", "L-CANC")) {
            assertThat(billing.glance(load).orElseThrow().billed()).as(load)
                    .isEqualTo(billing.originalOf(load).isPresent());
        }
    }
}
