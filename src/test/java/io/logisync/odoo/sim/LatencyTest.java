package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The latency model: a cost per call plus a cost per record, so batches are cheaper than single calls. */
class LatencyTest {

    @Test
    void shouldChargeAFixedCostPerCallAndACostPerRecordOfCreateAndActionPost() {
        Latency latency = new Latency(20, 3);

        assertThat(latency.millisFor("create", 30)).isEqualTo(20 + 90);
        assertThat(latency.millisFor("action_post", 2)).isEqualTo(26);
        assertThat(latency.millisFor("read", 30)).isEqualTo(20);
        assertThat(latency.millisFor("search_read", 0)).isEqualTo(20);
    }

    @Test
    void shouldLetEachMethodHaveItsOwnCostPerRecord() {
        Latency latency = new Latency(10, 2).withPerRecord("action_post", 8).withPerRecord("write", 1);

        assertThat(latency.millisFor("create", 5)).isEqualTo(20);
        assertThat(latency.millisFor("action_post", 5)).isEqualTo(50);
        assertThat(latency.millisFor("write", 5)).isEqualTo(15);
        // a model's own cost wins over its method's
        Latency moves = latency.withPerRecord("account.move.create", 100).withPerCall("account.move.create", 50);
        assertThat(moves.millisFor("account.move", "create", 2)).isEqualTo(250);
        assertThat(moves.millisFor("res.partner", "create", 2)).isEqualTo(14);
        assertThat(moves.millisFor("account.move", "action_post", 5)).isEqualTo(50);
        assertThat(latency).isNotEqualTo(new Latency(10, 2));
    }

    @Test
    void shouldMakeOneCreateOfThirtyCheaperThanThirtyCreates() {
        try (OdooSimulator odoo = OdooSimulator.builder().port(0).latency(new Latency(15, 1)).start();
                OdooClient client = SimClients.client(odoo, OdooProtocol.JSON2)) {
            List<Map<String, Object>> partners = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                partners.add(Map.of("name", "Batch " + i));
            }

            long started = System.nanoTime();
            assertThat(client.create("res.partner", partners, null)).hasSize(30);
            long batchMillis = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            for (Map<String, Object> partner : partners) {
                client.create("res.partner", List.of(partner), null);
            }
            long singleMillis = (System.nanoTime() - started) / 1_000_000;

            // 15 + 30 x 1 = 45 ms against 30 x (15 + 1) = 480 ms, less whatever the machine adds
            assertThat(batchMillis).isGreaterThanOrEqualTo(45);
            assertThat(singleMillis).isGreaterThanOrEqualTo(480).isGreaterThan(batchMillis * 3);
        }
    }

    @Test
    void shouldCalibrateOnTheIssuesOdooFigures() {
        Latency latency = Latency.calibrated(20);

        // one 3-line invoice: create about 330 ms, post about 220 ms
        assertThat(latency.millisFor("account.move", "create", 1)).isEqualTo(330);
        assertThat(latency.millisFor("account.move", "action_post", 1)).isEqualTo(220);
        // 30 in one create and one action_post: about 210 ms an invoice
        double perInvoice = (latency.millisFor("account.move", "create", 30)
                + latency.millisFor("account.move", "action_post", 30)) / 30.0;
        assertThat(perInvoice).isBetween(205.0, 215.0);
        assertThat(latency.millisFor("account.move", "search_read", 0)).isEqualTo(20);
        assertThat(latency.millisFor("account.move", "read", 30)).isEqualTo(20);
        // an attachment or an analytic account does none of an invoice's accounting: an ordinary call, any size
        assertThat(latency.millisFor("ir.attachment", "create", 30)).isEqualTo(20);
        assertThat(latency.millisFor("account.analytic.account", "create", 1)).isEqualTo(20);
    }

    @Test
    void shouldReadTheCalibratedModelPerCallCostsAndWorkersFromProperties() {
        Latency latency = SimulatorProperties.parse(Map.of("latency.model", "calibrated", "latency.fixed-ms", "5",
                "latency.per-call-ms.write", "40", "latency.workers", "2")).latency();

        assertThat(latency.millisFor("account.move", "create", 2)).isEqualTo(211 + 2 * 119);
        assertThat(latency.millisFor("write", 3)).isEqualTo(40);
        assertThat(latency.millisFor("read", 3)).isEqualTo(5);
        assertThat(latency.workers()).isEqualTo(2);
        assertThat(SimulatorProperties.parse(Map.of("latency.fixed-ms", "20")).latency())
                .isEqualTo(Latency.flat(20));
    }

    @Test
    void shouldLetOnlyAsManyCallsWorkAtOnceAsOdooHasWorkers() throws Exception {
        try (OdooSimulator odoo = OdooSimulator.builder().port(0).latency(Latency.flat(150).withWorkers(1)).start();
                OdooClient client = SimClients.client(odoo, OdooProtocol.JSON2)) {
            client.serverVersion();
            Thread[] callers = new Thread[3];
            long started = System.nanoTime();
            for (int i = 0; i < callers.length; i++) {
                int n = i;
                callers[i] = new Thread(() -> client.create("res.partner", List.of(Map.of("name", "W" + n)), null));
                callers[i].start();
            }
            for (Thread caller : callers) {
                caller.join();
            }
            // one worker: the three calls of 150 ms each wait their turn, so they take at least 450 ms together
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(450);
            assertThat(odoo.store().count("res.partner")).isGreaterThanOrEqualTo(3);
        }
    }
}
