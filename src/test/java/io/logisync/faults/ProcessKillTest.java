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
import io.logisync.odoo.sim.OdooSimulator;
import io.logisync.support.Events;
import io.logisync.support.LogisyncHarness;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The fault suite's hardest case: logisync is killed ({@code kill -9}) in the middle of a batch and started again.
 * logisync runs in a JVM of its own, started from this test JVM's classpath with the real routes, against an Odoo
 * simulator in this JVM and an H2 file database that outlives the process. What a killed process had not answered
 * the sender sends again; a file it had not finished is still in the inbox. Afterwards every delivered shipment has
 * exactly one posted invoice and nothing accepted is lost.
 */
class ProcessKillTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private OdooSimulator odoo;
    private Path work;
    private int httpPort;
    private int managementPort;
    private Process logisync;
    private int starts;

    @BeforeEach
    void start() throws Exception {
        // 15 ms per Odoo call makes a batch take seconds, so the kill lands while invoices are being made
        odoo = OdooSimulator.builder().port(0).latency(15, 0).start();
        work = Files.createTempDirectory("logisync-kill");
        httpPort = freePort();
        managementPort = freePort();
        logisync = launch();
    }

    @AfterEach
    void stop() {
        if (logisync != null) {
            logisync.destroyForcibly();
        }
        odoo.close();
    }

    @Test
    void shouldInvoiceEveryShipmentOnceAfterBeingKilledMidBatch() throws Exception {
        Set<String> accepted = new TreeSet<>(acceptedIn(sendUntilTaken(Events.array(customer("c-ACME", "ACME",
                "Acme Retail Inc.")))));
        List<String> posted = loads("L-KILL", 12);
        List<String> dropped = loads("L-FILE", 6);
        ArrayNode batch = Flows.lives("ACME", posted);
        ArrayNode file = Flows.lives("ACME", dropped);

        Files.writeString(work.resolve("inbox").resolve("loads.json"), file.toString());
        var inFlight = http.sendAsync(request(batch), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> postedInvoices() >= 3);
        logisync.destroyForcibly().waitFor();

        int postedWhenKilled = postedInvoices();
        assertThat(inFlight).failsWithin(Duration.ofSeconds(10));
        logisync = launch();
        // the sender never had its answer, so it sends the whole batch again; what was taken is a duplicate
        accepted.addAll(acceptedIn(sendUntilTaken(batch)));
        accepted.addAll(keysOf(file));

        List<String> all = new ArrayList<>(posted);
        all.addAll(dropped);
        assertThat(postedWhenKilled).as("invoices posted when logisync was killed").isLessThan(all.size());
        awaitRecovered(odoo.store(), db(), all, accepted, Duration.ofSeconds(90));
        assertThat(starts).isEqualTo(2);
    }

    /** Starts logisync in a JVM of its own and waits until it answers. */
    private Process launch() throws Exception {
        starts++;
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", classpath, "io.logisync.Application",
                "--logisync.odoo.url=" + odoo.url(), "--logisync.odoo.database=" + odoo.database(),
                "--logisync.odoo.user=" + odoo.login(), "--logisync.odoo.api-key=" + odoo.apiKey(),
                "--logisync.db.url=" + dbUrl(),
                "--logisync.inbox.dir=" + work.resolve("inbox"), "--logisync.carriers.dir=" + work.resolve("carriers"),
                "--logisync.inbox.poll-ms=200", "--logisync.inbox.settle-ms=100",
                "--logisync.ingress.api-keys=tms/main=" + LogisyncHarness.TMS_KEY,
                "--logisync.retry.max-redeliveries=3", "--logisync.retry.delay-ms=50",
                "--logisync.parking.sweep-delay-ms=1000", "--logisync.parking.sweep-period-ms=1000",
                "--camel.server.port=" + httpPort, "--camel.management.port=" + managementPort));
        Path log = work.resolve("logisync-" + starts + ".log");
        Process process = new ProcessBuilder(command).directory(Path.of(System.getProperty("user.dir")).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
                assertThat(process.isAlive()).as("logisync is running; its log: %s", log).isTrue();
                return healthy();
            });
        } catch (RuntimeException | AssertionError e) {
            process.destroyForcibly();
            throw new AssertionError("logisync did not start; last lines of its log:\n" + tail(log), e);
        }
        return process;
    }

    private boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                    + "/observe/health")).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends a request until it is answered 200, as a sender does after 503 or a broken connection. */
    private JsonNode sendUntilTaken(ArrayNode events) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            try {
                HttpResponse<String> response = http.send(request(events), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 ? Events.MAPPER.readTree(response.body()) : null;
            } catch (IOException e) {
                return null;
            }
        }, answer -> answer != null);
    }

    private HttpRequest request(ArrayNode events) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/events"))
                .header("Content-Type", "application/cloudevents-batch+json")
                .header("Authorization", "Bearer " + LogisyncHarness.TMS_KEY)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(events.toString())).build();
    }

    private int postedInvoices() {
        return (int) Recovery.customerInvoices(odoo.store()).stream().filter(i -> "posted".equals(i.get("state")))
                .count();
    }

    private String dbUrl() {
        return "jdbc:h2:file:" + work.resolve("db").resolve("logisync") + ";AUTO_SERVER=TRUE";
    }

    /** logisync's database, read alongside the running process (H2's automatic mixed mode). */
    private JdbcTemplate db() {
        DataSource source = new DriverManagerDataSource(dbUrl(), "sa", "");
        return new JdbcTemplate(source);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
