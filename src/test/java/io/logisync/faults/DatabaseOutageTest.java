package io.logisync.faults;

import static io.logisync.faults.Recovery.acceptedIn;
import static io.logisync.faults.Recovery.awaitRecovered;
import static io.logisync.faults.Recovery.keysOf;
import static io.logisync.faults.Recovery.loads;
import static io.logisync.support.Events.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.logisync.support.Events;
import io.logisync.support.LogisyncHarness;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault suite against logisync's own database: while it is unreachable, the door answers 503 and stores
 * nothing, so the sender sends again; once it is back, everything sent is applied once.
 */
class DatabaseOutageTest {

    private H2Server database;
    private LogisyncHarness logisync;
    private final Set<String> accepted = new TreeSet<>();

    @BeforeEach
    void start() throws Exception {
        database = H2Server.start();
        logisync = LogisyncHarness.start("--logisync.db.url=" + database.url(),
                "--logisync.db.connection-timeout-ms=300", "--logisync.retry.max-redeliveries=3",
                "--logisync.retry.delay-ms=50", "--logisync.retry.max-delay-ms=400");
        accepted.addAll(acceptedIn(logisync.send(customer("c-ACME", "ACME", "Acme Retail Inc."))));
    }

    @AfterEach
    void stop() throws Exception {
        logisync.close();
        database.close();
    }

    @Test
    void shouldAnswer503AndStoreNothingWhileTheDatabaseIsDown() throws Exception {
        List<String> loads = loads("L-DB", 3);
        ArrayNode events = Flows.lives("ACME", loads);
        database.down();

        HttpResponse<String> refused = logisync.post(events.toString(), LogisyncHarness.TMS_KEY);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(Events.MAPPER.readTree(refused.body()).get("message").asText()).contains("send the same request");
        assertThat(Recovery.customerInvoices(logisync.odoo().store())).isEmpty();

        database.up();
        // the sender sends the same request again, as the 503 asked, until it is taken
        JsonNode answer = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> sendOnce(events), a -> a != null);

        // a resend that was answered 503 may have taken some events already: those come back as duplicates
        accepted.addAll(acceptedIn(answer));
        accepted.addAll(duplicatesIn(answer));
        assertThat(accepted).containsAll(keysOf(events));
        awaitRecovered(logisync.odoo().store(), logisync.db(), loads, accepted, Duration.ofSeconds(20));
    }

    @Test
    void shouldMoveAFileDroppedWhileTheDatabaseIsDownToTheErrorFolderWithItsReason() throws Exception {
        List<String> loads = loads("L-DBF", 2);
        ArrayNode events = Flows.lives("ACME", loads);
        database.down();

        Files.writeString(logisync.inbox().resolve("loads.json"), events.toString());

        Path errors = logisync.inbox().resolve("error");
        await().atMost(Duration.ofSeconds(20)).until(() -> reasonFile(errors) != null && failedFile(errors) != null);
        assertThat(Files.readString(reasonFile(errors))).contains("JDBC Connection");
        assertThat(Recovery.customerInvoices(logisync.odoo().store())).isEmpty();

        // once the database is back, the operator drops the file again, as its reason file says is safe
        database.up();
        Files.move(failedFile(errors), logisync.inbox().resolve("loads-again.json"));

        accepted.addAll(keysOf(events));
        awaitRecovered(logisync.odoo().store(), logisync.db(), loads, accepted, Duration.ofSeconds(20));
    }

    private static Path failedFile(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).findFirst().orElse(null);
        }
    }

    private static Path reasonFile(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".reason.txt")).findFirst().orElse(null);
        }
    }

    private static Set<String> duplicatesIn(JsonNode answer) {
        Set<String> keys = new TreeSet<>();
        answer.get("results").forEach(r -> {
            if ("duplicate".equals(r.get("status").asText())) {
                keys.add(r.get("source").asText() + " " + r.get("id").asText());
            }
        });
        return keys;
    }

    /** The answer to one request, or null when it was answered 503. */
    private JsonNode sendOnce(ArrayNode events) throws Exception {
        HttpResponse<String> response = logisync.post(events.toString(), LogisyncHarness.TMS_KEY);
        if (response.statusCode() == 503) {
            return null;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Events.MAPPER.readTree(response.body());
    }
}
