package io.logisync.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logisync.odoo.sim.Fault;
import io.logisync.odoo.sim.OdooSimulator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls counted by outcome and timed, against the simulator. */
class MeteredOdooClientTest {

    private OdooSimulator odoo;
    private SimpleMeterRegistry registry;
    private OdooClient client;

    @BeforeEach
    void start() {
        odoo = OdooSimulator.start(0);
        registry = new SimpleMeterRegistry();
        client = OdooClients.metered(OdooClients.create(OdooSettings.builder().url(odoo.url())
                .database(odoo.database()).apiKey(odoo.apiKey()).protocol(OdooProtocol.JSON2)
                .readTimeout(Duration.ofSeconds(10)).build()), registry);
    }

    @AfterEach
    void stop() {
        client.close();
        odoo.close();
    }

    private double calls(String model, String method, String outcome) {
        Counter counter = registry.find(MeteredOdooClient.CALLS).tags("model", model, "method", method,
                "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldCountSuccessfulCallsAndTimeThem() {
        List<Long> ids = client.create("res.partner", List.of(Map.of("name", "A"), Map.of("name", "B")), null);
        client.read("res.partner", ids, List.of("name"), null);
        client.read("res.partner", ids, List.of("name"), null);

        assertThat(calls("res.partner", "create", "ok")).isEqualTo(1);
        assertThat(calls("res.partner", "read", "ok")).isEqualTo(2);
        Timer timer = registry.find(MeteredOdooClient.DURATION).tags("model", "res.partner", "method", "read")
                .timer();
        assertThat(timer).isNotNull();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(timer.getId().getTags()).extracting(tag -> tag.getKey()).containsExactlyInAnyOrder("model",
                "method");
    }

    @Test
    void shouldTagFailuresWithTheirKind() {
        OdooContext badLang = new OdooContext("xx_XX", null, null, List.of());
        odoo.faults().inject(Fault.serviceUnavailable().on("res.partner", "search_read").times(1));

        assertThatThrownBy(() -> client.searchRead("res.partner", List.of(), List.of("id"), 1, null, null))
                .isInstanceOf(OdooUnavailableException.class);
        assertThatThrownBy(() -> client.searchRead("res.partner", List.of(), List.of("id"), 1, null, badLang))
                .isInstanceOf(OdooValidationException.class);
        assertThatThrownBy(() -> client.write("res.partner", List.of(999_999L), Map.of("name", "x"), null))
                .isInstanceOf(OdooMissingRecordException.class);
        assertThatThrownBy(() -> client.create("res.partner", List.of(Map.of("no_such_field", 1)), null))
                .isInstanceOf(OdooBadRequestException.class);

        assertThat(calls("res.partner", "search_read", "unavailable")).isEqualTo(1);
        assertThat(calls("res.partner", "search_read", "validation")).isEqualTo(1);
        assertThat(calls("res.partner", "write", "missing")).isEqualTo(1);
        assertThat(calls("res.partner", "create", "bad_request")).isEqualTo(1);
        assertThat(registry.find(MeteredOdooClient.DURATION).tags("method", "search_read").timer().count())
                .isEqualTo(2);
    }

    @Test
    void shouldNameEveryExceptionKind() {
        assertThat(CallOutcome.of(new OdooRateLimitedException("m", "x", null, null, null))).isEqualTo("rate_limited");
        assertThat(CallOutcome.of(new OdooOutcomeUnknownException("m", "x", null, null, null)))
                .isEqualTo("outcome_unknown");
        assertThat(CallOutcome.of(new OdooConcurrencyException("m", "x", null, null, null))).isEqualTo("concurrency");
        assertThat(CallOutcome.of(new OdooAccessException("m", "x", null, null, null))).isEqualTo("access");
        assertThat(CallOutcome.of(new OdooAuthenticationException("m", "x", null, null, null)))
                .isEqualTo("authentication");
        assertThat(CallOutcome.of(new IllegalArgumentException())).isEqualTo("client_error");
    }

    @Test
    void shouldCountACallRefusedBeforeSending() {
        assertThatThrownBy(() -> client.execute("not a model", "read", Map.of(), null))
                .isInstanceOf(RuntimeException.class);

        assertThat(registry.find(MeteredOdooClient.CALLS).tag("model", "not a model").counters()).hasSize(1);
    }
}
