package io.logisync;

import static io.logisync.ShipmentExecutionRouteTest.decimal;
import static io.logisync.support.Events.array;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logisync.support.LogisyncHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboxRouteTest {

    private LogisyncHarness logisync;

    @AfterEach
    void stop() throws Exception {
        logisync.close();
    }

    @Test
    void shouldApplyABatchFileAndMoveItToTheDoneFolder() throws Exception {
        logisync = LogisyncHarness.start();

        drop("batch.json", array(customer("c-1", "ACME", "Acme Retail Inc."),
                shipment("s-1", "L-400", "ACME", charge("LINEHAUL", "1", "10.00"))).toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> files("done").size() == 1);
        assertThat(files("done").get(0).getFileName().toString()).startsWith("batch-").endsWith(".json");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM shipment WHERE load_ref = 'L-400'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void shouldMoveAnUnreadableFileToTheErrorFolderWithItsReason() throws Exception {
        logisync = LogisyncHarness.start();

        drop("broken.json", "[{\"specversion\": \"1.0\"");

        await().atMost(Duration.ofSeconds(20)).until(() -> files("error").size() == 2);
        Path reason = files("error").stream().filter(f -> f.toString().endsWith(".reason.txt")).findFirst()
                .orElseThrow();
        assertThat(reason.getFileName().toString()).startsWith("broken-").endsWith(".json.reason.txt");
        assertThat(Files.readString(reason)).contains("broken.json").contains("not valid JSON");
    }

    @Test
    void shouldApplyTheGoodEventsOfAFileAndReportTheRejectedOnes() throws Exception {
        logisync = LogisyncHarness.start();
        var bad = customer("c-2", "BAD", "Bad Co");
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("data")).remove("address");

        drop("mixed.json", array(customer("c-1", "ACME", "Acme Retail Inc."), bad).toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> files("error").size() == 2);
        assertThat(Files.readString(files("error").stream().filter(f -> f.toString().endsWith(".reason.txt"))
                .findFirst().orElseThrow()))
                .contains("event 1 (id c-2)").contains("$.data").contains("address")
                .contains("1 rejected event(s); the other 1 event(s) were taken");
        assertThat(logisync.records("res.partner")).extracting(p -> p.get("ref")).contains("ACME")
                .doesNotContain("BAD");
    }

    @Test
    void shouldReportAStatusThatCannotBeReadInsteadOfDroppingIt() throws Exception {
        logisync = LogisyncHarness.start();
        String real = Files.readString(Path.of("samples/edi/canadapost-214.edi"));
        String broken = real.replace("AT7*D1*NS***20191102*1648*MT", "AT7*D1*NS***20191102*1648*QQ");

        drop("broken-time.edi", broken);

        await().atMost(Duration.ofSeconds(20)).until(() -> files("error").size() == 2);
        String reason = Files.readString(files("error").stream()
                .filter(f -> f.toString().endsWith(".reason.txt")).findFirst().orElseThrow());
        assertThat(reason).contains("4343638098146166").contains("QQ");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM shipment_milestone", Integer.class))
                .isEqualTo(17);
    }

    @Test
    void shouldRefuseAFileThatIsNotUtf8() throws Exception {
        logisync = LogisyncHarness.start();
        byte[] latin1 = customer("c-1", "CAFE", "Caf\u00e9 Co").toString().getBytes(StandardCharsets.ISO_8859_1);

        Files.createDirectories(logisync.inbox());
        Files.write(logisync.inbox().resolve("latin1.json"), latin1);

        await().atMost(Duration.ofSeconds(20)).until(() -> files("error").size() == 2);
        assertThat(logisync.records("res.partner")).extracting(p -> p.get("ref")).doesNotContain("CAFE");
    }

    @Test
    void shouldKeepEveryFailedFileAndNotBeHeldUpByAnEmptyOne() throws Exception {
        logisync = LogisyncHarness.start();

        drop("empty.json", "");
        await().atMost(Duration.ofSeconds(20)).until(() -> files("error").size() == 2);
        drop("empty.json", "");
        await().atMost(Duration.ofSeconds(20)).until(() -> files("error").size() == 4);
        drop("later.json", customer("c-1", "ACME", "Acme Retail Inc.").toString());

        await().atMost(Duration.ofSeconds(5)).until(() -> files("done").size() == 1);
        assertThat(files("error")).extracting(f -> f.getFileName().toString())
                .filteredOn(name -> name.endsWith(".reason.txt")).hasSize(2);
    }

    @Test
    void shouldApplyTheGoodLinesOfAnNdjsonFile() throws Exception {
        logisync = LogisyncHarness.start();

        drop("lines.ndjson", customer("c-1", "ACME", "Acme Retail Inc.") + "\n{not json\n"
                + customer("c-2", "BETA", "Beta Co") + "\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> files("error").size() == 2);
        assertThat(logisync.records("res.partner")).extracting(p -> p.get("ref")).contains("ACME", "BETA");
    }

    @Test
    void shouldKeepAnNdjsonEventWhoseTextHoldsAUnicodeLineSeparator() throws Exception {
        logisync = LogisyncHarness.start();

        drop("separator.ndjson", "\n" + customer("c-1", "ACME", "Acme\u2028Retail Inc.") + "\r\n{not json\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> files("error").size() == 2);
        assertThat(logisync.records("res.partner")).extracting(p -> p.get("name")).contains("Acme\u2028Retail Inc.");
        // the broken event is on the third line of the file, counting the empty first one
        assertThat(Files.readString(files("error").stream().filter(f -> f.toString().endsWith(".reason.txt"))
                .findFirst().orElseThrow())).contains("line 3");
    }

    @Test
    void shouldMoveAJsonFileHoldingSeveralValuesToTheErrorFolder() throws Exception {
        logisync = LogisyncHarness.start();

        drop("concatenated.json", customer("c-1", "ACME", "Acme Retail Inc.") + "\n"
                + customer("c-2", "BETA", "Beta Co"));

        await().atMost(Duration.ofSeconds(20)).until(() -> files("error").size() == 2);
        assertThat(Files.readString(files("error").stream().filter(f -> f.toString().endsWith(".reason.txt"))
                .findFirst().orElseThrow())).contains("more than one JSON value");
        assertThat(logisync.records("res.partner")).extracting(p -> p.get("ref")).doesNotContain("ACME", "BETA");
    }

    @Test
    void shouldTurnTheDeliveredStatusOfTheReal214IntoAMilestone() throws Exception {
        logisync = LogisyncHarness.start();

        Files.createDirectories(logisync.inbox());
        Files.copy(Path.of("samples/edi/canadapost-214.edi"), logisync.inbox().resolve("canadapost-214.edi"));

        await().atMost(Duration.ofSeconds(20)).until(() -> files("done").size() == 1);
        // AT7*D1 on 20191102 1648 MT: Mountain daylight time, UTC-6, so 22:48 UTC
        assertThat(logisync.db().queryForList("SELECT code, occurred_at, source_code FROM shipment_milestone"
                + " WHERE load_ref = '4343638098146166'"))
                .anySatisfy(row -> {
                    assertThat(row.get("CODE")).isEqualTo("DELIVERED");
                    assertThat(row.get("SOURCE_CODE")).isEqualTo("D1");
                    assertThat(((java.sql.Timestamp) row.get("OCCURRED_AT")).toInstant())
                            .isEqualTo(java.time.Instant.parse("2019-11-02T22:48:00Z"));
                });
    }

    @Test
    void shouldInvoiceTheBundledSamplesAndTheReal214() throws Exception {
        logisync = LogisyncHarness.start("--demo");

        await().atMost(Duration.ofSeconds(60)).until(() -> files("done").size() == 5);
        await().atMost(Duration.ofSeconds(20)).until(() -> invoices().size() == 4
                && invoices().stream().allMatch(i -> "posted".equals(i.get("state"))));

        // worked by hand with the sandbox's 15 % sales tax, rounded per line
        assertThat(invoices())
                .extracting(i -> i.get("ref"), i -> decimal(i.get("amount_total")).setScale(2).toPlainString())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("4343638098146166", "545.54"),
                        org.assertj.core.groups.Tuple.tuple("L-1001", "1150.47"),
                        org.assertj.core.groups.Tuple.tuple("L-1002", "833.75"),
                        org.assertj.core.groups.Tuple.tuple("L-1003", "1242.00"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logisync.db().queryForList(
                "SELECT reason FROM parked_message WHERE status = 'PARKED'", String.class))
                .containsExactly("AWAITING_CHARGE_MAPPING"));
    }

    private List<Map<String, Object>> invoices() {
        return logisync.records("account.move").stream().filter(m -> "out_invoice".equals(m.get("move_type")))
                .toList();
    }

    private void drop(String name, String content) throws Exception {
        Files.createDirectories(logisync.inbox());
        Path partial = logisync.inbox().resolve("." + name + ".part");
        Files.writeString(partial, content);
        Files.move(partial, logisync.inbox().resolve(name));
    }

    private List<Path> files(String folder) throws Exception {
        Path dir = logisync.inbox().resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
