package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooConcurrencyException;
import io.logisync.odoo.OdooException;
import io.logisync.odoo.OdooOutcomeUnknownException;
import io.logisync.odoo.OdooProtocol;
import io.logisync.odoo.OdooRateLimitedException;
import io.logisync.odoo.OdooRecord;
import io.logisync.odoo.OdooUnavailableException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each injected fault reaches the real client, over JSON-2 and JSON-RPC, as the typed exception it stands for. */
class FaultInjectionTest {

    private static final List<String> ID = List.of("id");

    private OdooSimulator odoo;
    private OdooClient client;

    @BeforeEach
    void start() {
        odoo = OdooSimulator.start(0);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        odoo.close();
    }

    private OdooClient connect(OdooProtocol protocol) {
        client = SimClients.client(odoo, protocol);
        // a first call logs in (JSON-RPC) before any fault is armed
        client.searchRead("res.partner", List.of(), ID, 1, null, null);
        odoo.clearCalls();
        return client;
    }

    private List<OdooRecord> searchPartners() {
        return client.searchRead("res.partner", List.of(), ID, 5, null, null);
    }

    private SimulatorCall lastCall() {
        List<SimulatorCall> calls = odoo.calls();
        return calls.get(calls.size() - 1);
    }

    @ParameterizedTest
    @EnumSource(value = OdooProtocol.class, names = {"JSON2", "JSONRPC"})
    void shouldReportProxyErrorsAsUnavailable(OdooProtocol protocol) {
        connect(protocol);
        odoo.faults().inject(Fault.badGateway().times(1)).inject(Fault.serviceUnavailable().times(1))
                .inject(Fault.gatewayTimeout().times(1));

        for (int status : List.of(502, 503, 504)) {
            assertThatThrownBy(this::searchPartners).isInstanceOf(OdooUnavailableException.class)
                    .hasMessageContaining("HTTP " + status).hasMessageContaining("nginx");
            assertThat(lastCall()).extracting(SimulatorCall::status, SimulatorCall::fault, SimulatorCall::method)
                    .containsExactly(status, "http-" + status, "search_read");
        }
        assertThat(searchPartners()).isNotEmpty();
        assertThat(odoo.faults().armed()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = OdooProtocol.class, names = {"JSON2", "JSONRPC"})
    void shouldReportRateLimitingWithTheDelayAskedFor(OdooProtocol protocol) {
        connect(protocol);
        odoo.faults().inject(Fault.rateLimited(Duration.ofSeconds(7)).times(1));

        assertThatThrownBy(() -> client.create("res.partner", List.of(Map.of("name", "Limited")), null))
                .isInstanceOfSatisfying(OdooRateLimitedException.class,
                        e -> assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(7)));

        assertThat(lastCall()).extracting(SimulatorCall::status, SimulatorCall::fault).containsExactly(429,
                "rate-limited");
        assertThat(odoo.store().records("res.partner")).noneMatch(p -> "Limited".equals(p.get("name")));
    }

    @ParameterizedTest
    @EnumSource(value = OdooProtocol.class, names = {"JSON2", "JSONRPC"})
    void shouldReportSerializationFailuresAsConcurrencyAndChangeNothing(OdooProtocol protocol) {
        connect(protocol);
        long partner = client.create("res.partner", List.of(Map.of("name", "Before")), null).get(0);
        odoo.faults().inject(Fault.serializationFailure().on("res.partner", "write").times(1));

        assertThatThrownBy(() -> client.write("res.partner", List.of(partner), Map.of("name", "After"), null))
                .isInstanceOfSatisfying(OdooConcurrencyException.class, e -> {
                    assertThat(e.getOdooName()).isEqualTo("psycopg2.errors.SerializationFailure");
                    assertThat(e.getOdooMessage()).startsWith("could not serialize access due to concurrent update");
                    assertThat(e.isRetryable()).isTrue();
                });

        assertThat(lastCall()).extracting(SimulatorCall::status, SimulatorCall::error, SimulatorCall::fault)
                .containsExactly(protocol == OdooProtocol.JSON2 ? 500 : 200, "psycopg2.errors.SerializationFailure",
                        "serialization-failure");
        assertThat(odoo.store().record("res.partner", partner).orElseThrow()).containsEntry("name", "Before");
        client.write("res.partner", List.of(partner), Map.of("name", "After"), null);
        assertThat(odoo.store().record("res.partner", partner).orElseThrow()).containsEntry("name", "After");
    }

    @ParameterizedTest
    @EnumSource(value = OdooProtocol.class, names = {"JSON2", "JSONRPC"})
    void shouldReportALostReplyOnPostingAsOutcomeUnknownWhileTheMoveIsPosted(OdooProtocol protocol) {
        connect(protocol);
        long move = createInvoice();
        odoo.faults().inject(Fault.lostReply().on("account.move", "action_post").times(1));

        assertThatThrownBy(() -> client.callOnRecords("account.move", "action_post", List.of(move), null))
                .isInstanceOf(OdooOutcomeUnknownException.class);

        assertThat(odoo.store().record("account.move", move).orElseThrow()).containsEntry("state", "posted");
        assertThat(client.read("account.move", List.of(move), List.of("state"), null).get(0).raw())
                .containsEntry("state", "posted");
        assertThat(odoo.calls()).filteredOn(call -> "action_post".equals(call.method())).singleElement()
                .extracting(SimulatorCall::status, SimulatorCall::fault).containsExactly(0, "lost-reply");
    }

    @ParameterizedTest
    @EnumSource(value = OdooProtocol.class, names = {"JSON2", "JSONRPC"})
    void shouldReportASlowReadPastTheReadTimeoutAsUnavailable(OdooProtocol protocol) {
        client = SimClients.client(odoo, protocol, Duration.ofMillis(400));
        client.searchRead("res.partner", List.of(), ID, 1, null, null);
        odoo.faults().inject(Fault.slow(Duration.ofMillis(1500)).on("res.partner", "search_read").times(1));

        assertThatThrownBy(this::searchPartners).isInstanceOf(OdooUnavailableException.class)
                .hasMessageContaining("read timeout");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(odoo.calls())
                .anyMatch(call -> "slow".equals(call.fault()) && "search_read".equals(call.method())));
        assertThat(searchPartners()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = OdooProtocol.class, names = {"JSON2", "JSONRPC"})
    void shouldRefuseConnectionsWhileDownThenComeBack(OdooProtocol protocol) {
        connect(protocol);
        odoo.faults().down(Duration.ofMillis(800), Outage.REFUSE_CONNECTIONS);

        assertThat(odoo.faults().isDown()).isTrue();
        assertThatThrownBy(this::searchPartners).isInstanceOf(OdooUnavailableException.class)
                .hasCauseInstanceOf(ConnectException.class).hasMessageContaining("cannot connect");

        await().atMost(Duration.ofSeconds(5)).until(() -> !odoo.faults().isDown());
        assertThat(searchPartners()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = OdooProtocol.class, names = {"JSON2", "JSONRPC"})
    void shouldAnswer503WhileDownBehindAProxyThenComeBack(OdooProtocol protocol) {
        connect(protocol);
        odoo.faults().down(Duration.ofMillis(600), Outage.SERVICE_UNAVAILABLE);

        OdooException down = catchOdoo(() -> client.create("res.partner", List.of(Map.of("name", "Down")), null));

        assertThat(down).isInstanceOf(OdooUnavailableException.class);
        assertThat(lastCall()).extracting(SimulatorCall::status, SimulatorCall::fault).containsExactly(503, "down");
        await().atMost(Duration.ofSeconds(5)).ignoreExceptionsInstanceOf(OdooUnavailableException.class)
                .until(() -> !searchPartners().isEmpty());
        assertThat(odoo.faults().isDown()).isFalse();
        assertThat(odoo.store().records("res.partner")).noneMatch(p -> "Down".equals(p.get("name")));
    }

    private static OdooException catchOdoo(Runnable call) {
        try {
            call.run();
        } catch (OdooException e) {
            return e;
        }
        throw new AssertionError("expected an OdooException");
    }

    private long createInvoice() {
        long customer = client.create("res.partner", List.of(Map.of("name", "Acme Freight", "is_company", true)),
                null).get(0);
        long product = client.searchRead("product.product", List.of(List.of("default_code", "=", "DETENTION")), ID,
                1, null, null).get(0).id();
        return client.create("account.move", List.of(Map.of("move_type", "out_invoice", "partner_id", customer,
                "invoice_line_ids", List.of(List.of(0, 0, Map.of("product_id", product, "quantity", 2.0,
                        "price_unit", 75.0))))), null).get(0);
    }
}
