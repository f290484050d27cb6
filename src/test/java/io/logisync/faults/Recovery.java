package io.logisync.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.logisync.odoo.sim.SimulatorStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What must hold once logisync has recovered from a fault, read from the Odoo simulator's records and logisync's own
 * tables: every delivered shipment has exactly one invoice in Odoo and it is posted; every event the door accepted was
 * applied or parked (the idempotent consumer recorded it as taken); every parked message says why.
 */
final class Recovery {

    private Recovery() {
    }

    /** True once every load has its one posted invoice and nothing waits for Odoo any more; for Awaitility. */
    static boolean isRecovered(SimulatorStore odoo, JdbcTemplate db, List<String> loadRefs) {
        List<Map<String, Object>> invoices = customerInvoices(odoo);
        boolean everyLoadPosted = loadRefs.stream().allMatch(load -> invoices.stream().filter(i -> load.equals(
                i.get("ref"))).allMatch(i -> "posted".equals(i.get("state"))) && invoices.stream().anyMatch(i ->
                load.equals(i.get("ref"))));
        Integer waiting = db.queryForObject("SELECT COUNT(*) FROM parked_message WHERE status = 'PARKED'"
                + " AND waiting_for = 'odoo'", Integer.class);
        return everyLoadPosted && waiting != null && waiting == 0;
    }

    /**
     * Waits until every load has its posted invoice, then until the three guarantees hold (the last event is recorded
     * as taken just after its invoice is read back), and fails naming the first that does not.
     */
    static void awaitRecovered(SimulatorStore odoo, JdbcTemplate db, List<String> loadRefs, Set<String> accepted,
            Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> isRecovered(odoo, db, loadRefs));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertRecovered(odoo, db, loadRefs, accepted));
    }

    /** Asserts the three guarantees; {@code accepted} are the events the door answered as accepted. */
    static void assertRecovered(SimulatorStore odoo, JdbcTemplate db, List<String> loadRefs,
            Set<String> accepted) {
        List<Map<String, Object>> invoices = customerInvoices(odoo);
        for (String load : loadRefs) {
            assertThat(invoices).as("customer invoices of load %s", load).filteredOn(i -> load.equals(i.get("ref")))
                    .singleElement().satisfies(i -> assertThat(i.get("state")).as("state of the invoice of %s",
                            load).isEqualTo("posted"));
        }
        assertThat(invoices).as("one customer invoice per delivered load, and none else").hasSize(loadRefs.size());
        Set<String> taken = new TreeSet<>(db.queryForList("SELECT messageId FROM camel_messageprocessed",
                String.class));
        assertThat(taken).as("events recorded as taken (applied or parked)").containsAll(accepted);
        assertThat(db.queryForList("SELECT reason, detail FROM parked_message")).allSatisfy(row -> {
            assertThat((String) row.get("REASON")).as("reason of a parked message").isNotBlank();
            assertThat((String) row.get("DETAIL")).as("detail of a parked message").isNotBlank();
        });
        assertThat(db.queryForObject("SELECT COUNT(*) FROM parked_message WHERE status = 'PARKED'"
                + " AND reason = 'ODOO_UNAVAILABLE'", Integer.class)).as("events still waiting for Odoo").isZero();
    }

    /** The idempotency keys ({@code source id}) of the events an answer lists as accepted, applied or parked. */
    static Set<String> acceptedIn(JsonNode answer) {
        Set<String> keys = new TreeSet<>();
        for (JsonNode result : answer.get("results")) {
            if ("accepted".equals(result.get("status").asText())) {
                keys.add(result.get("source").asText() + " " + result.get("id").asText());
            }
        }
        return keys;
    }

    /** The idempotency keys of a batch of events. */
    static Set<String> keysOf(ArrayNode events) {
        Set<String> keys = new TreeSet<>();
        events.forEach(e -> keys.add(e.get("source").asText() + " " + e.get("id").asText()));
        return keys;
    }

    /** The load references of {@code count} loads named {@code prefix-1}, {@code prefix-2}, ... */
    static List<String> loads(String prefix, int count) {
        List<String> answer = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            answer.add(prefix + "-" + i);
        }
        return answer;
    }

    /**
     * Waits until every carrier invoice has exactly one vendor bill in Odoo, posted, and no other vendor bill exists;
     * fails naming the first invoice that has none, or two.
     */
    static void awaitOneBillPerCarrierInvoice(SimulatorStore odoo, List<String> carrierInvoiceNumbers,
            Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<Map<String, Object>> bills = odoo.records("account.move").stream()
                    .filter(m -> "in_invoice".equals(m.get("move_type"))).toList();
            for (String number : carrierInvoiceNumbers) {
                assertThat(bills).as("vendor bills of carrier invoice %s", number)
                        .filteredOn(b -> number.equals(b.get("ref"))).singleElement()
                        .satisfies(b -> assertThat(b.get("state")).as("state of the bill of %s", number)
                                .isEqualTo("posted"));
            }
            assertThat(bills).as("one vendor bill per carrier invoice, and none else")
                    .hasSize(carrierInvoiceNumbers.size());
        });
    }

    static List<Map<String, Object>> customerInvoices(SimulatorStore odoo) {
        return odoo.records("account.move").stream().filter(m -> "out_invoice".equals(m.get("move_type"))).toList();
    }
}
