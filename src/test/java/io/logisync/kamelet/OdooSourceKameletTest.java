package io.logisync.kamelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.sim.OdooSimulator;
import io.logisync.support.LogisyncHarness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** kamelets/odoo-source.kamelet.yaml, polling the Odoo simulator's partners by write_date. */
class OdooSourceKameletTest {

    /** What the sink received: the partner's ref, the change header, the record's write_date. */
    record Received(String ref, String change, String writeDate) {
    }

    private OdooSimulator odoo;
    private String dbUrl;

    @BeforeEach
    void start() throws Exception {
        odoo = OdooSimulator.start(0);
        dbUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @AfterEach
    void stop() {
        odoo.close();
    }

    private LogisyncHarness logisync(List<Received> received, int pageSize) throws Exception {
        LogisyncHarness logisync = LogisyncHarness.startOn(odoo, "--logisync.db.url=" + dbUrl);
        logisync.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:odoo-source?model=res.partner&watermark=test-partners&pollInterval=100"
                        + "&overlapSeconds=3&pageSize=" + pageSize + "&fields=name,ref"
                        + "&domain=[[\"ref\", \"=like\", \"SRC-%\"]]")
                        .routeId("test-odoo-source")
                        .process(exchange -> received.add(new Received(
                                (String) exchange.getMessage().getBody(Map.class).get("ref"),
                                exchange.getMessage().getHeader(OdooSource.CHANGE, String.class),
                                exchange.getMessage().getHeader(OdooSource.WRITE_DATE, String.class))));
            }
        });
        return logisync;
    }

    private static long create(LogisyncHarness logisync, String... refs) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (String ref : refs) {
            values.add(Map.of("name", "Partner " + ref, "ref", ref, "is_company", true));
        }
        return odooOf(logisync).create("res.partner", values, OdooContext.DEFAULT).get(0);
    }

    private static OdooClient odooOf(LogisyncHarness logisync) {
        return logisync.bean("odooClient", OdooClient.class);
    }

    private static List<String> refs(List<Received> received) {
        return received.stream().map(Received::ref).toList();
    }

    @Test
    void shouldTellNewRecordsFromUpdatedOnesAndSendEachChangeOnce() throws Exception {
        List<Received> received = Collections.synchronizedList(new ArrayList<>());
        try (LogisyncHarness logisync = logisync(received, 100)) {
            long id = create(logisync, "SRC-1");
            create(logisync, "SRC-2");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
            Thread.sleep(1100);
            odooOf(logisync).write("res.partner", List.of(id), Map.of("name", "Partner One Renamed"),
                    OdooContext.DEFAULT);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);
            // several polls inside the overlap window read the same records again
            Thread.sleep(800);

            assertThat(received).extracting(Received::ref, Received::change).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("SRC-1", "created"),
                    org.assertj.core.groups.Tuple.tuple("SRC-2", "created"),
                    org.assertj.core.groups.Tuple.tuple("SRC-1", "updated"));
            assertThat(received.get(2).writeDate()).isGreaterThan(received.get(0).writeDate());
            assertThat(logisync.db().queryForObject("SELECT write_date FROM odoo_source_watermark WHERE"
                    + " source_name = 'test-partners'", String.class)).isEqualTo(received.get(2).writeDate());
        }
    }

    @Test
    void shouldLoseNoRecordThatSharesItsSecondWithOthersReadAcrossPages() throws Exception {
        Instant frozen = Instant.parse("2026-12-04T03:30:07Z");
        odoo.store().setClock(Clock.fixed(frozen, ZoneOffset.UTC));
        List<Received> received = Collections.synchronizedList(new ArrayList<>());
        try (LogisyncHarness logisync = logisync(received, 2)) {
            create(logisync, "SRC-1", "SRC-2", "SRC-3", "SRC-4", "SRC-5");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 5);
            // the watermark is at that very second now; a record committed later with the same stamp still comes
            long sixth = create(logisync, "SRC-6");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 6);
            // and a change within that second too: the stamp is the same, the values are not
            odooOf(logisync).write("res.partner", List.of(sixth), Map.of("name", "Partner Six Renamed"),
                    OdooContext.DEFAULT);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 7);
            Thread.sleep(800);

            assertThat(refs(received)).containsExactly("SRC-1", "SRC-2", "SRC-3", "SRC-4", "SRC-5", "SRC-6",
                    "SRC-6");
            assertThat(received.get(6).change()).isEqualTo("updated");
            assertThat(received).allSatisfy(r -> assertThat(r.writeDate()).isEqualTo("2026-12-04 03:30:07"));
        }
    }

    @Test
    void shouldSendNothingTwiceAcrossARestartOnTheSameDatabase() throws Exception {
        List<Received> first = Collections.synchronizedList(new ArrayList<>());
        long id;
        try (LogisyncHarness logisync = logisync(first, 100)) {
            id = create(logisync, "SRC-1");
            create(logisync, "SRC-2");
            await().atMost(Duration.ofSeconds(10)).until(() -> first.size() >= 2);
        }
        List<Received> second = Collections.synchronizedList(new ArrayList<>());
        try (LogisyncHarness logisync = logisync(second, 100)) {
            // changed while no logisync was polling
            odooOf(logisync).write("res.partner", List.of(id), Map.of("name", "Partner One Renamed"),
                    OdooContext.DEFAULT);
            create(logisync, "SRC-3");
            await().atMost(Duration.ofSeconds(10)).until(() -> second.size() >= 2);
            Thread.sleep(800);

            assertThat(refs(first)).containsExactly("SRC-1", "SRC-2");
            assertThat(second).extracting(Received::ref, Received::change).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("SRC-1", "updated"),
                    org.assertj.core.groups.Tuple.tuple("SRC-3", "created"));
        }
    }
}
