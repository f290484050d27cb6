package io.logisync.faults;

import static io.logisync.faults.Recovery.awaitRecovered;
import static io.logisync.faults.Recovery.keysOf;
import static io.logisync.faults.Recovery.loads;
import static io.logisync.support.Events.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.logisync.support.EmbeddedKafka;
import io.logisync.support.Events;
import io.logisync.support.LogisyncHarness;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault suite against logisync's database on the Kafka bus: the door keeps taking events (they wait in Kafka),
 * and the consumer retries the record it could not apply with backoff rather than taking it again at once in a loop.
 */
class KafkaDatabaseOutageTest {

    private EmbeddedKafka kafka;
    private H2Server database;
    private LogisyncHarness logisync;

    @BeforeEach
    void start() throws Exception {
        kafka = EmbeddedKafka.start();
        String topic = "events-" + UUID.randomUUID();
        kafka.createTopic(topic, 1);
        database = H2Server.start();
        logisync = LogisyncHarness.start("--logisync.bus=kafka", "--logisync.kafka.brokers=" + kafka.bootstrapServers(),
                "--logisync.kafka.events-topic=" + topic, "--logisync.kafka.group-id=logisync-" + UUID.randomUUID(),
                "--logisync.db.url=" + database.url(), "--logisync.db.connection-timeout-ms=300",
                "--logisync.retry.max-redeliveries=3", "--logisync.retry.delay-ms=250",
                "--logisync.retry.max-delay-ms=1000");
    }

    @AfterEach
    void stop() throws Exception {
        logisync.close();
        database.close();
        kafka.close();
    }

    @Test
    void shouldKeepTakingEventsAndBackOffWhileTheDatabaseIsDown() throws Exception {
        List<String> loads = loads("L-KDB", 3);
        ArrayNode events = Flows.lives("ACME", loads);
        events.insert(0, customer("c-ACME", "ACME", "Acme Retail Inc."));
        database.down();

        JsonNode answer = logisync.send(events);

        // the events are in Kafka: the door needs no database to take them
        assertThat(answer.get("results")).allSatisfy(r -> assertThat(r.get("outcome").asText()).isEqualTo("queued"));
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> takeEvent().getExchangesFailed() >= 2);
        Duration twoFailedRecords = Duration.ofNanos(System.nanoTime() - started);
        // each try waits 300 ms for a connection, and the record is tried four times, 250, 500 and 1000 ms apart:
        // 4 x 0.3 + 1.75 = about 2.95 s before Kafka hands it over again, so two failed takes last about 6 s (taken
        // again at once, two would last 0.6 s)
        assertThat(twoFailedRecords).isGreaterThan(Duration.ofSeconds(3));

        database.up();

        Set<String> accepted = new TreeSet<>(keysOf(events));
        awaitRecovered(logisync.odoo().store(), logisync.db(), loads, accepted, Duration.ofSeconds(30));
        assertThat(Events.MAPPER.readTree(logisync.management("/observe/health").body()).toString()).contains("UP");
    }

    private ManagedRouteMBean takeEvent() {
        return logisync.camel().getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedRoute("take-event");
    }
}
