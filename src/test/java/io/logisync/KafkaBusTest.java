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
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.odoo.sim.Fault;
import io.logisync.support.EmbeddedKafka;
import io.logisync.support.LogisyncHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** routes/ingress.camel.yaml with logisync.bus = kafka: the same routes, the events on a real KRaft broker. */
class KafkaBusTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static EmbeddedKafka kafka;

    private String topic;
    private String group;
    private LogisyncHarness logisync;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
        // where dispatch hears of parked loads; without it each send waits for the topic until the stop times out
        kafka.createTopic("logistics.outbound", 1);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @BeforeEach
    void start() throws Exception {
        topic = "events-" + UUID.randomUUID();
        group = "logisync-" + UUID.randomUUID();
        kafka.createTopic(topic, 3);
        logisync = LogisyncHarness.start("--logisync.bus=kafka",
                "--logisync.kafka.brokers=" + kafka.bootstrapServers(),
                "--logisync.kafka.events-topic=" + topic,
                "--logisync.kafka.group-id=" + group,
                "--logisync.retry.delay-ms=1500");
    }

    @AfterEach
    void stop() throws Exception {
        logisync.close();
    }

    @Test
    void shouldPublishEachEventKeyedBySubjectAndInvoiceFromTheTopic() throws Exception {
        var events = array(customer("c-1", "ACME", "Acme Retail Inc."),
                shipment("s-1", "L-700", "ACME", charge("LINEHAUL", "1", "640.00")),
                delivered("m-1", "L-700", "2026-11-02T15:40:00Z"), pod("p-1", "L-700"));

        JsonNode answer = logisync.send(events);

        assertThat(answer.get("results")).extracting(r -> r.get("outcome").asText()).containsOnly("queued");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(logisync.records("account.move"))
                .singleElement().satisfies(m -> assertThat(m.get("state")).isEqualTo("posted")));
        List<ConsumerRecord<String, String>> records = kafka.records(topic);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("ACME", "L-700", "L-700",
                "L-700");
        assertThat(records).extracting(r -> MAPPER.readTree(r.value()).get("id").asText())
                .containsExactlyInAnyOrder("c-1", "s-1", "m-1", "p-1");
        // one load's events share a partition, in the order they were sent
        assertThat(records.stream().filter(r -> r.key().equals("L-700")).map(ConsumerRecord::partition).distinct())
                .hasSize(1);
        assertThat(records.stream().filter(r -> r.key().equals("L-700")).sorted(
                java.util.Comparator.comparingLong(ConsumerRecord::offset))
                .map(r -> r.value().contains("\"id\":\"s-1\"") ? "s-1" : r.value().contains("\"id\":\"m-1\"")
                        ? "m-1" : "p-1")).containsExactly("s-1", "m-1", "p-1");
        // the sender's API key never reaches the topic; only the event and its content type travel
        assertThat(records).allSatisfy(r -> {
            assertThat(r.headers().lastHeader("Authorization")).isNull();
            assertThat(new String(r.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json");
        });
    }

    @Test
    void shouldCommitTheOffsetOnlyOnceTheEventIsAppliedOrParked() throws Exception {
        logisync.odoo().faults().inject(Fault.serviceUnavailable().on("account.move", "create"));
        logisync.send(array(customer("c-1", "ACME", "Acme Retail Inc."),
                shipment("s-1", "L-701", "ACME", charge("LINEHAUL", "1", "640.00")),
                delivered("m-1", "L-701", "2026-11-02T15:40:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> committedEverything());

        logisync.send(pod("p-1", "L-701"));

        // Odoo refuses the invoice; while the retries (1.5 s, then 3 s) run, the pod's offset stays uncommitted
        await().atMost(Duration.ofSeconds(10)).until(() -> logisync.odoo().calls().stream()
                .anyMatch(c -> "account.move".equals(c.model()) && "create".equals(c.method())));
        assertThat(committedEverything()).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> logisync.db().queryForObject(
                "SELECT COUNT(*) FROM parked_message WHERE event_id = 'p-1' AND reason = 'ODOO_UNAVAILABLE'",
                Integer.class) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> committedEverything());
    }

    @Test
    void shouldParkARecordOnTheTopicThatIsNotAValidEvent() throws Exception {
        kafka.send(topic, "L-702", "{not json");
        kafka.send(topic, "L-703", MAPPER.writeValueAsString(Map.of("specversion", "1.0", "id", "x-1",
                "source", "tms/main", "type", "logistics.pod.received.v1", "subject", "L-703")));

        await().atMost(Duration.ofSeconds(30)).until(() -> logisync.db().queryForObject(
                "SELECT COUNT(*) FROM parked_message WHERE reason = 'INVALID_DATA'", Integer.class) == 2);

        var parked = logisync.db().queryForList("SELECT event_id, detail, payload FROM parked_message ORDER BY id");
        assertThat(parked).anySatisfy(row -> {
            assertThat(row.get("PAYLOAD")).isEqualTo("{not json");
            assertThat((String) row.get("DETAIL")).contains("the record is not JSON");
        });
        assertThat(parked).anySatisfy(row -> {
            assertThat(row.get("EVENT_ID")).isEqualTo("x-1");
            assertThat((String) row.get("DETAIL")).contains("time");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> committedEverything());
    }

    private boolean committedEverything() throws Exception {
        Map<TopicPartition, Long> ends = kafka.endOffsets(topic);
        return kafka.committedOffsets(group, topic).equals(ends);
    }
}
