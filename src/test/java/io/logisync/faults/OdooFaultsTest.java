package io.logisync.faults;

import static io.logisync.faults.Recovery.acceptedIn;
import static io.logisync.faults.Recovery.awaitRecovered;
import static io.logisync.faults.Recovery.awaitOneBillPerCarrierInvoice;
import static io.logisync.faults.Recovery.loads;
import static io.logisync.support.Events.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.odoo.sim.Fault;
import io.logisync.odoo.sim.Outage;
import io.logisync.odoo.sim.SimulatorCall;
import io.logisync.support.Events;
import io.logisync.support.LogisyncHarness;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault suite against Odoo (routes/errors.camel.yaml's retries, parking and the sweep), on the simulator's fault
 * injection: whatever Odoo does, once it answers again every delivered shipment has exactly one posted invoice, no
 * accepted event is lost, and every parked message says why. Retries are short (4 of them, from 20 ms) and the sweep
 * runs every half second, so each case takes a few seconds.
 */
class OdooFaultsTest {

    private static final int RETRIES = 4;

    private LogisyncHarness logisync;
    private final Set<String> accepted = new TreeSet<>();

    @BeforeEach
    void start() throws Exception {
        logisync = LogisyncHarness.start("--logisync.retry.max-redeliveries=" + RETRIES,
                "--logisync.retry.delay-ms=20", "--logisync.retry.max-delay-ms=2000",
                "--logisync.odoo.read-timeout-ms=400",
                "--logisync.parking.sweep-delay-ms=500", "--logisync.parking.sweep-period-ms=500");
        accepted.addAll(acceptedIn(logisync.send(customer("c-ACME", "ACME", "Acme Retail Inc."))));
    }

    @AfterEach
    void stop() throws Exception {
        logisync.close();
    }

    @Test
    void shouldInvoiceEveryShipmentOnceWhenOdooIsDownForAWhileDuringABatch() throws Exception {
        List<String> loads = loads("L-DOWN", 6);
        logisync.odoo().faults().down(Duration.ofMinutes(1), Outage.REFUSE_CONNECTIONS);

        JsonNode answer = send(Flows.lives("ACME", loads));
        logisync.odoo().faults().up();

        // connections were refused for longer than the retries (20 + 40 + 80 + 160 ms): each POD, which needs Odoo
        // for the invoice, parked; the shipments and milestones were recorded, as they need no call to Odoo
        assertThat(answer.get("results")).filteredOn(r -> r.get("id").asText().startsWith("p-"))
                .allSatisfy(r -> assertThat(r.get("reason").asText()).isEqualTo("ODOO_UNAVAILABLE"));
        awaitRecovery(loads);
    }

    @Test
    void shouldRetryWithoutParkingWhenOdooIsBackBeforeTheRetriesAreSpent() throws Exception {
        List<String> loads = loads("L-BLIP", 2);
        logisync.odoo().faults().down(Duration.ofMillis(150), Outage.SERVICE_UNAVAILABLE);

        JsonNode answer = send(Flows.lives("ACME", loads));

        // a 150 ms outage is over before the fourth retry (20 + 40 + 80 + 160 ms = 300 ms)
        assertThat(answer.get("results")).allSatisfy(r -> assertThat(r.get("outcome").asText()).isEqualTo("applied"));
        awaitRecovery(loads);
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class)).isZero();
    }

    @Test
    void shouldNotInvoiceTwiceWhenOdooAnswersTheCreateAfterTheReadTimeout() throws Exception {
        List<String> loads = loads("L-SLOW", 1);
        // the create takes 600 ms, past the 400 ms read timeout: Odoo makes the invoice, logisync hears nothing
        logisync.odoo().faults().inject(Fault.slow(Duration.ofMillis(600)).on("account.move", "create").times(1));

        send(Flows.lives("ACME", loads));

        awaitRecovery(loads);
        // the retry waited the read timeout again before it searched, so it found the invoice the slow call made
        assertThat(calls("account.move", "create")).hasSize(1);
    }

    @Test
    void shouldRideOutABurstOfProxyErrors() throws Exception {
        List<String> loads = loads("L-5XX", 3);
        logisync.odoo().faults().inject(Fault.badGateway().times(2)).inject(Fault.serviceUnavailable().times(2))
                .inject(Fault.gatewayTimeout().times(2));

        send(Flows.lives("ACME", loads));

        awaitRecovery(loads);
        assertThat(logisync.odoo().calls()).extracting(SimulatorCall::fault).filteredOn(f -> f != null)
                .containsExactlyInAnyOrder("http-502", "http-502", "http-503", "http-503", "http-504", "http-504");
    }

    @Test
    void shouldRecoverFromRandomServerErrorsOnEveryKindOfCall() throws Exception {
        List<String> loads = loads("L-FLAKY", 8);
        // a third of all calls fail with a 503 or a 502, drawn from a fixed seed so that a failure can be repeated
        logisync.odoo().faults().seed(20261102).inject(Fault.serviceUnavailable().withProbability(0.2))
                .inject(Fault.badGateway().withProbability(0.15));

        send(Flows.lives("ACME", loads));
        logisync.odoo().faults().clear();

        awaitRecovery(loads);
    }

    @Test
    void shouldWaitAsLongAsTheRetryAfterOfA429() throws Exception {
        List<String> loads = loads("L-429", 1);
        logisync.odoo().faults().inject(Fault.rateLimited(Duration.ofSeconds(1)).on("account.move", "create")
                .times(1));

        send(Flows.lives("ACME", loads));

        awaitRecovery(loads);
        List<SimulatorCall> moves = logisync.odoo().calls().stream().filter(c -> "account.move".equals(c.model()))
                .toList();
        SimulatorCall limited = moves.stream().filter(c -> c.status() == 429).findFirst().orElseThrow();
        SimulatorCall next = moves.get(moves.indexOf(limited) + 1);
        // Retry-After: 1 asks for a second, twenty times the first retry delay of 20 ms
        assertThat(Duration.between(limited.time(), next.time())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void shouldPostOnceThroughSerializationFailures() throws Exception {
        List<String> loads = loads("L-SERIAL", 1);
        logisync.odoo().faults().inject(Fault.serializationFailure().on("account.move", "action_post").times(2));

        JsonNode answer = send(Flows.lives("ACME", loads));

        awaitRecovery(loads);
        assertThat(answer.get("results")).allSatisfy(r -> assertThat(r.get("outcome").asText()).isEqualTo("applied"));
        // two refusals, then the post that went through
        assertThat(calls("account.move", "action_post")).extracting(SimulatorCall::error).containsExactly(
                "psycopg2.errors.SerializationFailure", "psycopg2.errors.SerializationFailure", null);
    }

    @Test
    void shouldNotPostTwiceWhenTheReplyOfAPostIsLost() throws Exception {
        List<String> loads = loads("L-LOST", 1);
        logisync.odoo().faults().inject(Fault.lostReply().on("account.move", "action_post").times(1));

        send(Flows.lives("ACME", loads));

        awaitRecovery(loads);
        // the post went through and its reply was lost: the retry read the state, found it posted, and stopped
        assertThat(calls("account.move", "action_post")).singleElement()
                .satisfies(c -> assertThat(c.fault()).isEqualTo("lost-reply"));
    }

    @Test
    void shouldNotCreateTwiceWhenTheReplyOfACreateIsLost() throws Exception {
        List<String> loads = loads("L-LOSTC", 2);
        logisync.odoo().faults().inject(Fault.lostReply().on("account.move", "create").times(2));

        send(Flows.lives("ACME", loads));

        awaitRecovery(loads);
        assertThat(calls("account.move", "create")).hasSize(2)
                .allSatisfy(c -> assertThat(c.fault()).isEqualTo("lost-reply"));
    }

    @Test
    void shouldBillEveryCarrierInvoiceOnceThroughLostRepliesAndRandomErrors() throws Exception {
        List<String> loads = loads("L-COST", 4);
        // the shipments, then their carrier's bills, then deliveries and PODs: the first moves created are vendor
        // bills, and the replies of the first three creates are lost; a call in ten fails with a 503, drawn from a
        // fixed seed
        logisync.odoo().faults().seed(20261103).inject(Fault.lostReply().on("account.move", "create").times(3))
                .inject(Fault.serviceUnavailable().withProbability(0.1));
        com.fasterxml.jackson.databind.node.ArrayNode lives = Flows.lives("ACME", loads);
        com.fasterxml.jackson.databind.node.ArrayNode events = Events.MAPPER.createArrayNode();
        lives.forEach(e -> {
            if (e.get("type").asText().endsWith("shipment.created.v1")) {
                events.add(e);
            }
        });
        events.addAll(Flows.carrierCosts("ROADRUNNER", loads));
        lives.forEach(e -> {
            if (!e.get("type").asText().endsWith("shipment.created.v1")) {
                events.add(e);
            }
        });

        send(events);
        logisync.odoo().faults().clear();

        awaitRecovery(loads);
        awaitOneBillPerCarrierInvoice(logisync.odoo().store(), loads.stream().map(l -> "CI-" + l).toList(),
                Duration.ofSeconds(40));
    }

    private JsonNode send(com.fasterxml.jackson.databind.node.ArrayNode events) throws Exception {
        JsonNode answer = logisync.send(events);
        accepted.addAll(acceptedIn(answer));
        assertThat(accepted).as("events accepted at the door").hasSize(events.size() + 1);
        return answer;
    }

    private void awaitRecovery(List<String> loads) {
        awaitRecovered(logisync.odoo().store(), logisync.db(), loads, accepted, Duration.ofSeconds(40));
    }

    private List<SimulatorCall> calls(String model, String method) {
        return logisync.odoo().calls().stream().filter(c -> model.equals(c.model()) && method.equals(c.method()))
                .toList();
    }
}
