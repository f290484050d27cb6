package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooProtocol;
import io.logisync.odoo.OdooUnavailableException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Latency and fault rules from flat properties, as the sandbox reads them from {@code logisync.sandbox.*}. */
class SimulatorPropertiesTest {

    @Test
    void shouldReadLatencySeedAndRulesInTheOrderOfTheirNames() {
        SimulatorProperties parsed = SimulatorProperties.parse(Map.ofEntries(
                Map.entry("port", "8069"),
                Map.entry("latency.fixed-ms", "20"),
                Map.entry("latency.per-record-ms", "5"),
                Map.entry("latency.per-record-ms.action_post", "15"),
                Map.entry("faults.seed", "42"),
                Map.entry("fault.b-post.kind", "lost-reply"),
                Map.entry("fault.b-post.model", "account.move"),
                Map.entry("fault.b-post.method", "action_post"),
                Map.entry("fault.b-post.times", "1"),
                Map.entry("fault.a-proxy.kind", "rate-limited"),
                Map.entry("fault.a-proxy.probability", "0.05"),
                Map.entry("fault.a-proxy.retry-after-s", "7"),
                Map.entry("fault.c-slow.kind", "slow"),
                Map.entry("fault.c-slow.delay-ms", "2500")));

        assertThat(parsed.latency()).isEqualTo(new Latency(20, 5).withPerRecord("action_post", 15));
        assertThat(parsed.seed()).isEqualTo(42L);
        assertThat(parsed.faults()).containsExactly(
                Fault.rateLimited(Duration.ofSeconds(7)).withProbability(0.05),
                Fault.lostReply().on("account.move", "action_post").times(1),
                Fault.slow(Duration.ofMillis(2500)));
    }

    @Test
    void shouldLeaveLatencyAloneWhenNoLatencyKeyIsGiven() {
        assertThat(SimulatorProperties.parse(Map.of("port", "0")).latency()).isNull();
    }

    @Test
    void shouldRefuseUnknownOrMalformedKeys() {
        assertThatThrownBy(() -> SimulatorProperties.parse(Map.of("fault.x.kind", "slow", "fault.x.delay", "5")))
                .hasMessageContaining("fault.x.delay");
        assertThatThrownBy(() -> SimulatorProperties.parse(Map.of("fault.x.model", "res.partner")))
                .hasMessageContaining("fault.x.kind is required");
        assertThatThrownBy(() -> SimulatorProperties.parse(Map.of("latency.fixed", "5")))
                .hasMessageContaining("latency.fixed");
        assertThatThrownBy(() -> SimulatorProperties.parse(Map.of("latency.fixed-ms", "five")))
                .hasMessageContaining("whole number");
    }

    @Test
    void shouldArmConfiguredRulesWhenTheSimulatorStarts() {
        try (OdooSimulator odoo = OdooSimulator.builder().port(0).latency(new Latency(1, 0))
                .configure(Map.of("fault.p.kind", "http-503", "fault.p.times", "2", "faults.seed", "9")).start()) {
            assertThat(odoo.faults().armed()).containsExactly(Fault.serviceUnavailable().times(2));
            assertThat(odoo.faults().seed()).isEqualTo(9);
            assertThat(odoo.latency()).isEqualTo(new Latency(1, 0));
        }
    }

    @Test
    void shouldReadAPlannedDowntime() {
        SimulatorProperties parsed = SimulatorProperties.parse(Map.of("downtime.after-ms", "60000",
                "downtime.for-ms", "30000", "downtime.outage", "http-503"));

        assertThat(parsed.downtime()).isEqualTo(new SimulatorProperties.PlannedDowntime(Duration.ofMinutes(1),
                Duration.ofSeconds(30), Outage.SERVICE_UNAVAILABLE));
        assertThat(SimulatorProperties.parse(Map.of("downtime.for-ms", "10")).downtime().outage())
                .isEqualTo(Outage.REFUSE_CONNECTIONS);
        assertThatThrownBy(() -> SimulatorProperties.parse(Map.of("downtime.after-ms", "10")))
                .hasMessageContaining("downtime.for-ms is required");
        assertThatThrownBy(() -> SimulatorProperties.parse(Map.of("downtime.for-ms", "10", "downtime.outage",
                "unplugged"))).hasMessageContaining("refuse-connections or http-503");
        assertThatThrownBy(() -> SimulatorProperties.parse(Map.of("downtime.for", "10")))
                .hasMessageContaining("downtime.for");
    }

    @Test
    void shouldGoDownAndComeBackAsConfigured() {
        try (OdooSimulator odoo = OdooSimulator.builder().port(0).configure(Map.of("downtime.after-ms", "300",
                "downtime.for-ms", "700", "downtime.outage", "http-503")).start();
                OdooClient client = SimClients.client(odoo, OdooProtocol.JSON2)) {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThatThrownBy(() -> count(client))
                    .isInstanceOf(OdooUnavailableException.class));
            await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(count(client)).isNotNegative());
            assertThat(odoo.calls()).extracting(SimulatorCall::fault).contains("down");
        }
    }

    private static long count(OdooClient client) {
        return ((Number) client.execute("res.partner", "search_count", Map.of("domain", List.of()), null))
                .longValue();
    }
}
