package io.logisync;

import static io.logisync.support.Events.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logisync.support.LogisyncHarness;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an operator scrapes: health and Prometheus metrics on the management port, logisync's Odoo calls among them. */
class OperationsEndpointsTest {

    private LogisyncHarness logisync;

    @BeforeEach
    void start() throws Exception {
        logisync = LogisyncHarness.start();
    }

    @AfterEach
    void stop() throws Exception {
        logisync.close();
    }

    @Test
    void shouldCountOdooCallsByModelMethodAndOutcomeOnTheMetricsPage() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        long creates = logisync.odoo().calls().stream()
                .filter(call -> "res.partner".equals(call.model()) && "create".equals(call.method())).count();

        HttpResponse<String> metrics = logisync.management("/observe/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("odoo_calls_total\\{[^}]*method=\"create\",model=\"res.partner\","
                + "outcome=\"ok\"[^}]*} " + creates + "\\.0")
                .contains("odoo_call_duration_seconds_bucket{")
                .contains("jvm_memory_used_bytes");
        assertThat(creates).isEqualTo(1);
    }

    @Test
    void shouldAnswerHealthUpOnceTheInboxHasBeenPolled() {
        // before its first poll the inbox consumer reports DOWN, so a readiness probe waits for it
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> health = logisync.management("/observe/health");

            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        });
    }
}
