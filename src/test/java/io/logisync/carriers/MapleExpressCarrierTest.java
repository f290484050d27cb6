package io.logisync.carriers;

import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.support.Events;
import io.logisync.support.LogCapture;
import io.logisync.support.LogisyncHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The EDI carrier of routes/carriers/maple-express.pipe.yaml, through its Pipe, with the real X12 samples. */
class MapleExpressCarrierTest {

    private LogisyncHarness logisync;
    private Path inbound;

    @BeforeEach
    void start() throws Exception {
        logisync = LogisyncHarness.start("--logisync.retry.max-redeliveries=0");
        inbound = logisync.carriers().resolve("maple-express/inbound");
        Files.createDirectories(inbound);
    }

    @AfterEach
    void stop() throws Exception {
        logisync.close();
    }

    static String sample(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/edi", name), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drop(String name, String content) throws IOException {
        Path partial = inbound.resolve(name + ".part");
        Files.writeString(partial, content, StandardCharsets.US_ASCII);
        Files.move(partial, inbound.resolve(name));
    }

    private List<Path> files(String folder) {
        Path dir = folder.startsWith("/") ? Path.of(folder) : inbound.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String onlyAcknowledgement() throws IOException {
        Path outbound = logisync.carriers().resolve("maple-express/outbound");
        await().atMost(Duration.ofSeconds(30)).until(() -> files(outbound.toString()).size() == 1);
        return Files.readString(files(outbound.toString()).get(0));
    }

    @Test
    void shouldInvoiceTheLoadTheReal214ReportsDelivered() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        logisync.send(shipment("s-1", "4343638098146166", "ACME", charge("LINEHAUL", "1", "474.38")));
        logisync.send(pod("p-1", "4343638098146166"));

        drop("canadapost-214.edi", sample("canadapost-214.edi"));

        await().atMost(Duration.ofSeconds(30)).until(() -> files(".done").size() == 1);
        List<Map<String, Object>> invoices = logisync.records("account.move");
        assertThat(invoices).singleElement().satisfies(invoice -> {
            assertThat(invoice.get("ref")).isEqualTo("4343638098146166");
            assertThat(new BigDecimal(String.valueOf(invoice.get("amount_untaxed")))).isEqualByComparingTo("474.38");
        });
        // 19 sets, 18 of them milestones; the CA (cancelled) status of set 3 is no milestone
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM shipment_milestone", Integer.class))
                .isEqualTo(18);
        String ack = onlyAcknowledgement();
        assertThat(ack).contains("AK1*QM*000001644~").contains("AK9*A*19*19*19~")
                .contains("*ZZ*00602679321    *02*CPC            *");
    }

    @Test
    void shouldKeepTheReal210ParkedUntilItsCarrierIsKnown() throws Exception {
        drop("catalyst-210.edi", sample("catalyst-210.edi"));

        await().atMost(Duration.ofSeconds(30)).until(() -> files(".done").size() == 1);
        List<Map<String, Object>> parked = logisync.db().queryForList("SELECT reason, waiting_for, subject, payload"
                + " FROM parked_message");
        assertThat(parked).singleElement().satisfies(row -> {
            // no carrier.upserted made Maple Express a vendor in Odoo yet, so its bill cannot be made
            assertThat(row.get("REASON")).isEqualTo("AWAITING_CARRIER");
            assertThat(row.get("WAITING_FOR")).isEqualTo("carrier:MAPLE-EXPRESS");
            // the carrier's code in master data, from the Pipe's carrierCode
            assertThat(row.get("SUBJECT")).isEqualTo("MAPLE-EXPRESS");
            JsonNode data = Events.MAPPER.readTree((String) row.get("PAYLOAD")).get("data");
            assertThat(data.get("carrierInvoiceNumber").asText()).isEqualTo("09851270");
            // 3636.04 + 15.00 + 26.27 - 3017.91 = 659.40, the L3 total
            assertThat(data.get("total").asText()).isEqualTo("659.40");
            assertThat(data.get("lines")).extracting(l -> l.get("chargeCode").asText())
                    .containsExactly("LINEHAUL", "CUSTOMS_CLEARANCE", "FUEL", "DISCOUNT");
        });
        assertThat(onlyAcknowledgement()).contains("AK2*210*18380001~").contains("AK5*A~").contains("AK9*A*1*1*1~");
    }

    @Test
    void shouldTakeTheSameInvoiceFileTwiceOnce() throws Exception {
        drop("catalyst-210.edi", sample("catalyst-210.edi"));
        await().atMost(Duration.ofSeconds(30)).until(() -> files(".done").size() == 1);

        drop("catalyst-210.edi", sample("catalyst-210.edi"));

        await().atMost(Duration.ofSeconds(30)).until(() -> files(".done").size() == 2);
        // the second delivery of carrier invoice 09851270 is a duplicate: one bill kept, not two
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class)).isEqualTo(1);
    }

    @Test
    void shouldTakeTheSameInvoiceFileResentWithOtherLineBreaksOnce() throws Exception {
        drop("catalyst-210.edi", sample("catalyst-210.edi"));
        await().atMost(Duration.ofSeconds(30)).until(() -> files(".done").size() == 1);

        drop("catalyst-210-crlf.edi", sample("catalyst-210.edi").replace("~\n", "~\r\n").replace("~L", "~\r\nL"));

        await().atMost(Duration.ofSeconds(30)).until(() -> files(".done").size() == 2);
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class)).isEqualTo(1);
    }

    @Test
    void shouldTakeAnotherInvoiceUnderReusedControlNumbersAsANewOneAndWarn() throws Exception {
        drop("catalyst-210.edi", sample("catalyst-210.edi"));
        await().atMost(Duration.ofSeconds(30)).until(() -> files(".done").size() == 1);

        try (LogCapture log = LogCapture.of("io.logisync.carrier")) {
            // another invoice number and load, the same ISA13/GS06/ST02
            drop("other-210.edi", sample("catalyst-210.edi").replace("B3**09851270*75027674", "B3**09851299*75027699"));

            await().atMost(Duration.ofSeconds(30)).until(() -> files(".done").size() == 2);
            assertThat(log.messages()).filteredOn(m -> m.contains("000001838-1838-18380001")
                    && m.contains("already used for a different transaction set")).hasSize(1);
        }
        List<String> invoices = logisync.db().queryForList("SELECT payload FROM parked_message", String.class)
                .stream().map(payload -> {
                    try {
                        return Events.MAPPER.readTree(payload).get("data").get("carrierInvoiceNumber").asText();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
        assertThat(invoices).containsExactlyInAnyOrder("09851270", "09851299");
    }

    @Test
    void shouldTakeAnotherDeliveryUnderReusedControlNumbersAsANewMilestone() throws Exception {
        drop("canadapost-214.edi", sample("canadapost-214.edi"));
        await().atMost(Duration.ofSeconds(30)).until(() -> files(".done").size() == 1);

        // the same control numbers, another shipment
        drop("other-214.edi", sample("canadapost-214.edi").replace("4343638098146166", "4343638098140000"));

        await().atMost(Duration.ofSeconds(30)).until(() -> files(".done").size() == 2);
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM shipment_milestone WHERE load_ref"
                + " = '4343638098140000'", Integer.class)).isPositive();
    }

    @Test
    void shouldTakeTheSameStatusFileTwiceOnce() throws Exception {
        drop("canadapost-214.edi", sample("canadapost-214.edi"));
        await().atMost(Duration.ofSeconds(30)).until(() -> files(".done").size() == 1);

        drop("canadapost-214.edi", sample("canadapost-214.edi"));

        await().atMost(Duration.ofSeconds(30)).until(() -> files(".done").size() == 2);
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM shipment_milestone", Integer.class))
                .isEqualTo(18);
    }

    @Test
    void shouldAnswerTheBrokenEnvelopeOfTheReal204WithARejecting997AndParkIt() throws Exception {
        // the real 204 says SE01 41 but its set has 38 segments
        drop("catalyst-204.edi", sample("catalyst-204.edi"));

        await().atMost(Duration.ofSeconds(30)).until(() -> files(".parked").size() == 2);
        Path reason = files(".parked").stream().filter(f -> f.toString().endsWith(".reason.txt")).findFirst()
                .orElseThrow();
        assertThat(Files.readString(reason)).contains("SE01 says 41 segments but set 178780001 has 38");
        Path parkedFile = files(".parked").stream().filter(f -> f.toString().endsWith(".edi")).findFirst()
                .orElseThrow();
        assertThat(Files.readString(parkedFile)).isEqualTo(sample("catalyst-204.edi"));
        assertThat(onlyAcknowledgement()).contains("AK2*204*178780001~").contains("AK5*R*4~")
                .contains("AK9*R*1*1*0~");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class)).isZero();
    }

    @Test
    void shouldRefuseA210WhoseChargesDoNotAddUpToL3() throws Exception {
        // the discount one dollar smaller: 3636.04 + 15.00 + 26.27 - 3016.91 = 660.40, but L3-05 says 659.40
        drop("short-210.edi", sample("catalyst-210.edi").replace("L1*4***-301791", "L1*4***-301691"));

        await().atMost(Duration.ofSeconds(30)).until(() -> files(".parked").size() == 2);
        String reason = Files.readString(files(".parked").stream().filter(f -> f.toString().endsWith(".reason.txt"))
                .findFirst().orElseThrow());
        assertThat(reason).contains("set 18380001 (210)").contains("add up to 660.40").contains("L3-05 says 659.40");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class)).isZero();
        // the file's syntax is sound, so its 997 accepts it; the refusal is a business one
        assertThat(onlyAcknowledgement()).contains("AK9*A*1*1*1~");
    }
}
