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
}
