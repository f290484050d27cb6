package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
}
