package io.logisync;

import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.event;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.odoo.sim.OdooSimulator;
import io.logisync.odoo.sim.SimulatorCall;
import io.logisync.support.EmbeddedKafka;
import io.logisync.support.Events;
import io.logisync.support.LogisyncHarness;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two logisync instances on one Kafka topic and one PostgreSQL take 10,000 events, duplicates and shuffled orders
 * among them, while one of them is stopped and started again; every delivered load is invoiced exactly once.
 */
@Tag("scale")
class ScaleOutTest {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleOutTest.class);

    private static final int CUSTOMERS = 20;
    /** Customers whose customer.upserted comes only after their loads, so those loads park and are replayed. */
    private static final int LATE_CUSTOMERS = 2;
    private static final int LOADS = 1_000;
    /** Every 100th load bills a charge code that has no product: it stays parked, as it should. */
    private static final int UNMAPPED_EVERY = 100;
    private static final List<String> MILESTONES = List.of("DISPATCHED", "ARRIVED_PICKUP", "DEPARTED_PICKUP",
            "IN_TRANSIT", "ARRIVED_DELIVERY", "DELIVERED");
    private static final int BATCH = 200;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void shouldInvoiceEveryDeliveredLoadOnceAcrossTwoInstancesWithOneRestarted() throws Exception {
        // 20 customers + 1,000 loads x (shipment.created + 6 milestones + pod) = 8,020 unique events;
        // 1,980 of them are sent a second time, so 10,000 deliveries in all
        List<ObjectNode> unique = workload();
        List<ObjectNode> deliveries = withDuplicates(unique, 10_000 - unique.size(), new Random(8));
        assertThat(unique).hasSize(8_020);
        assertThat(deliveries).hasSize(10_000);

        try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .start(); OdooSimulator odoo = OdooSimulator.start(0)) {
            kafka.createTopic("logistics.events", 6);
            // the parked loads' shipment exceptions go out here; without it each stop waits out its timeout
            kafka.createTopic("logistics.outbound", 1);
            String[] settings = {"--logisync.bus=kafka", "--logisync.kafka.brokers=" + kafka.bootstrapServers(),
                "--logisync.db.url=" + postgres.getJdbcUrl("postgres", "postgres"), "--logisync.db.user=postgres",
                "--logisync.parking.sweep-delay-ms=2000", "--logisync.parking.sweep-period-ms=2000",
                "--logisync.ingress.max-events=" + BATCH, "--logisync.kafka.consumers=3"};
            LogisyncHarness first = LogisyncHarness.startOn(odoo, with(settings, "--camel.main.name=logisync-a"));
            LogisyncHarness second = LogisyncHarness.startOn(odoo, with(settings, "--camel.main.name=logisync-b"));
            try {
                long started = System.nanoTime();
                List<List<ObjectNode>> batches = batches(deliveries);
                int stopAt = batches.size() / 3;
                int restartAt = 2 * batches.size() / 3;
                for (int i = 0; i < batches.size(); i++) {
                    if (i == stopAt) {
                        second.close();
                        second = null;
                    }
                    if (i == restartAt) {
                        second = LogisyncHarness.startOn(odoo, with(settings, "--camel.main.name=logisync-b2"));
                    }
                    LogisyncHarness door = second != null && i % 2 == 1 ? second : first;
                    assertThat(door.send(toArray(batches.get(i))).get("accepted").asInt())
                            .isEqualTo(batches.get(i).size());
                }

                long sent = System.nanoTime();
                JdbcTemplate db = first.db();
                int invoiced = LOADS - LOADS / UNMAPPED_EVERY;
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThat(db.queryForObject("SELECT COUNT(*) FROM shipment WHERE invoice_state = 'posted'",
                                Integer.class)).isEqualTo(invoiced));
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(db.queryForObject(
                        "SELECT COUNT(*) FROM camel_messageprocessed", Integer.class)).isEqualTo(unique.size()));
                long done = System.nanoTime();
                // figures for the README's sizing; nothing here asserts a speed
                LOG.info("Scale-out run: {} deliveries ({} unique) sent in {} ms through two doors; all applied {} ms"
                        + " after the first was sent: {} deliveries/s on {} cores", deliveries.size(), unique.size(),
                        (sent - started) / 1_000_000, (done - started) / 1_000_000,
                        deliveries.size() * 1_000_000_000L / (done - started),
                        Runtime.getRuntime().availableProcessors());

                // exactly one posted invoice per delivered load with mapped charges, none for the others
                List<Map<String, Object>> invoices = odoo.store().records("account.move").stream()
                        .filter(m -> "out_invoice".equals(m.get("move_type"))).toList();
                Map<Object, Long> perLoad = invoices.stream().collect(Collectors.groupingBy(m -> m.get("ref"),
                        Collectors.counting()));
                assertThat(invoices).hasSize(invoiced).allSatisfy(m -> assertThat(m.get("state"))
                        .isEqualTo("posted"));
                assertThat(perLoad.values()).containsOnly(1L);
                assertThat(perLoad).doesNotContainKey(loadRef(0)).containsKey(loadRef(1));
                // each load's single LINEHAUL charge: quantity 1 x rate (500 + n % 50) worked for one load
                assertThat(invoices.stream().filter(m -> loadRef(7).equals(m.get("ref"))).findFirst().orElseThrow()
                        .get("amount_untaxed").toString()).startsWith("507");

                // every unique event was taken once; what stays parked is the unmapped charge code and nothing else
                assertThat(db.queryForList("SELECT reason, COUNT(*) AS n FROM parked_message WHERE status = 'PARKED'"
                        + " GROUP BY reason")).containsExactly(Map.of("reason", "AWAITING_CHARGE_MAPPING",
                                "n", (long) (LOADS / UNMAPPED_EVERY)));
                // loads of the late customers waited for them, and were replayed into invoices
                assertThat(db.queryForObject("SELECT COUNT(DISTINCT subject) FROM parked_message"
                        + " WHERE reason = 'AWAITING_CUSTOMER' AND status = 'REPLAYED'", Integer.class))
                        .isPositive();
                assertThat(db.queryForObject("SELECT COUNT(*) FROM parked_message WHERE reason = 'AWAITING_CUSTOMER'"
                        + " AND status <> 'REPLAYED'", Integer.class)).isZero();
                // and the second delivery of an event changed nothing in Odoo: each invoice created once, in
                // batches of those released together
                List<SimulatorCall> creates = odoo.calls().stream().filter(c -> "account.move".equals(c.model())
                        && "create".equals(c.method()) && c.error() == null).toList();
                assertThat(creates.stream().mapToInt(SimulatorCall::records).sum()).isEqualTo(invoiced);
                assertThat(creates).hasSizeLessThanOrEqualTo(invoiced);
                assertThat(kafka.committedOffsets("logisync", "logistics.events"))
                        .isEqualTo(kafka.endOffsets("logistics.events"));
            } finally {
                if (second != null) {
                    second.close();
                }
                first.close();
            }
        }
    }

    /** Customers first, except the late ones; each load's events in a shuffled order, the loads interleaved. */
    private static List<ObjectNode> workload() {
        Random random = new Random(42);
        List<ObjectNode> early = new ArrayList<>();
        List<ObjectNode> late = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            (c < LATE_CUSTOMERS ? late : early).add(customer("cust-" + c, customerCode(c), "Customer " + c));
        }
        List<List<ObjectNode>> perLoad = new ArrayList<>();
        for (int n = 0; n < LOADS; n++) {
            String load = loadRef(n);
            String chargeCode = n % UNMAPPED_EVERY == 0 ? "HAZMAT" : "LINEHAUL";
            List<ObjectNode> events = new ArrayList<>();
            events.add(shipment("s-" + n, load, customerCode(n % CUSTOMERS),
                    charge(chargeCode, "1", (500 + n % 50) + ".00")));
            for (int m = 0; m < MILESTONES.size(); m++) {
                events.add(event("m-" + n + "-" + m, "milestone.recorded", load, Map.of("loadRef", load,
                        "code", MILESTONES.get(m), "occurredAt", "2026-11-02T1" + m + ":00:00Z", "stopSequence",
                        m < 3 ? 1 : 2)));
            }
            events.add(pod("p-" + n, load));
            Collections.shuffle(events, random);
            perLoad.add(events);
        }
        List<ObjectNode> answer = new ArrayList<>(early);
        List<ObjectNode> loads = interleave(perLoad, random);
        answer.addAll(loads.subList(0, loads.size() / 2));
        answer.addAll(late);
        answer.addAll(loads.subList(loads.size() / 2, loads.size()));
        return answer;
    }

    /** Merges the loads' event lists at random, keeping each load's own (shuffled) order. */
    private static List<ObjectNode> interleave(List<List<ObjectNode>> perLoad, Random random) {
        List<ObjectNode> answer = new ArrayList<>();
        List<List<ObjectNode>> open = new ArrayList<>();
        for (List<ObjectNode> events : perLoad) {
            open.add(new ArrayList<>(events));
        }
        while (!open.isEmpty()) {
            int pick = random.nextInt(Math.min(open.size(), 50));
            answer.add(open.get(pick).remove(0));
            if (open.get(pick).isEmpty()) {
                open.remove(pick);
            }
        }
        return answer;
    }

    /** Sends some events a second time, a little later in the stream, as a sender that retries does. */
    private static List<ObjectNode> withDuplicates(List<ObjectNode> unique, int count, Random random) {
        List<ObjectNode> answer = new ArrayList<>(unique);
        for (int i = 0; i < count; i++) {
            int original = random.nextInt(unique.size());
            int at = Math.min(answer.size(), original + 1 + random.nextInt(400));
            answer.add(at, unique.get(original).deepCopy());
        }
        return answer;
    }

    private static List<List<ObjectNode>> batches(List<ObjectNode> events) {
        List<List<ObjectNode>> answer = new ArrayList<>();
        for (int i = 0; i < events.size(); i += BATCH) {
            answer.add(events.subList(i, Math.min(events.size(), i + BATCH)));
        }
        return answer;
    }

    private static ArrayNode toArray(List<ObjectNode> events) {
        ArrayNode answer = Events.MAPPER.createArrayNode();
        events.forEach(answer::add);
        return answer;
    }

    private static String[] with(String[] settings, String extra) {
        String[] answer = java.util.Arrays.copyOf(settings, settings.length + 1);
        answer[settings.length] = extra;
        return answer;
    }

    private static String customerCode(int n) {
        return "C-" + n;
    }

    private static String loadRef(int n) {
        return "L-" + (10_000 + n);
    }
}
