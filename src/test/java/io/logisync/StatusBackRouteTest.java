package io.logisync;

import static io.logisync.support.Events.array;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.logisync.security.WebhookSignatures;
import io.logisync.support.EmbeddedKafka;
import io.logisync.support.LogisyncHarness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/status-back.camel.yaml: invoices posted and payment changes read from Odoo by odoo-source reach dispatch
 * once each, signed; a parked load becomes a shipment.exception.
 */
class StatusBackRouteTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SECRET = "dispatch-webhook-secret-0001";

    /** A tiny stand-in for dispatch's webhook: keeps what it is sent, and answers 503 while down. */
    static final class Receiver implements AutoCloseable {
        record Call(String signature, String source, String body) {
        }

        final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean down = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        private final HttpServer server;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/dispatch/events", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status;
                synchronized (this) {
                    if (down.get()) {
                        refused.incrementAndGet();
                        status = 503;
                    } else {
                        calls.add(new Call(exchange.getRequestHeaders().getFirst("X-Logisync-Signature"),
                                exchange.getRequestHeaders().getFirst("X-Logisync-Source"),
                                new String(body, StandardCharsets.UTF_8)));
                        status = 202;
                    }
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            // one thread a request, as a real dispatch endpoint answers concurrent calls
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/dispatch/events";
        }

        List<JsonNode> events(String type) {
            synchronized (calls) {
                return calls.stream().map(c -> read(c.body())).filter(e -> type.equals(e.path("type").asText()))
                        .toList();
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private Receiver receiver;
    private LogisyncHarness logisync;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new Receiver();
    }

    @AfterEach
    void stop() throws Exception {
        if (logisync != null) {
            logisync.close();
        }
        receiver.close();
    }

    private void startWithWebhook(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--logisync.status-back.enabled=true",
                "--logisync.status-back.poll-ms=200", "--logisync.status-back.overlap-s=2",
                "--logisync.dispatch.delivery=webhook", "--logisync.dispatch.webhook.url=" + receiver.url(),
                "--logisync.dispatch.webhook.secret=" + SECRET, "--logisync.dispatch.retry-delay-ms=100",
                "--logisync.dispatch.max-retry-delay-ms=400", "--logisync.dispatch.max-redeliveries=4"));
        args.addAll(List.of(more));
        logisync = LogisyncHarness.start(args.toArray(String[]::new));
    }

    private long billLoad(String loadRef) throws Exception {
        logisync.send(customer("c-" + loadRef, "ACME", "Acme Retail Inc."));
        logisync.send(array(shipment("s-" + loadRef, loadRef, "ACME", charge("LINEHAUL", "1", "1000.00")),
                delivered("m-" + loadRef, loadRef, "2026-11-02T23:40:00Z"), pod("p-" + loadRef, loadRef)));
        Map<String, Object> invoice = logisync.records("account.move").stream()
                .filter(m -> loadRef.equals(m.get("ref"))).findFirst().orElseThrow();
        assertThat(invoice.get("state")).isEqualTo("posted");
        return ((Number) invoice.get("id")).longValue();
    }

    private static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    @Test
    void shouldTellDispatchOfAPostedInvoiceOnceSignedAndThenOfItsPaymentOnce() throws Exception {
        startWithWebhook();
        long move = billLoad("L-801");

        await().atMost(Duration.ofSeconds(45)).until(() -> receiver.events("logistics.invoice.posted.v1").size() == 1);
        JsonNode posted = receiver.events("logistics.invoice.posted.v1").get(0);
        Map<String, Object> invoice = logisync.records("account.move").stream()
                .filter(m -> ((Number) m.get("id")).longValue() == move).findFirst().orElseThrow();
        assertThat(posted.path("source").asText()).isEqualTo("logisync");
        assertThat(posted.path("subject").asText()).isEqualTo(invoice.get("name"));
        assertThat(posted.path("data").path("invoiceNumber").asText()).isEqualTo(invoice.get("name"));
        assertThat(posted.path("data").path("odooInvoiceId").asLong()).isEqualTo(move);
        assertThat(posted.path("data").path("loadRefs")).extracting(JsonNode::asText).containsExactly("L-801");
        // 1000.00 and the sandbox's 15 % tax
        assertThat(posted.path("data").path("amountTotal").decimalValue()).isEqualByComparingTo("1150.00");
        assertThat(posted.path("data").path("currency").asText()).isEqualTo("USD");
        assertThat(posted.path("data").path("postedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        // signed as logisync checks the webhooks it receives, with the shared secret, inside the time window
        Receiver.Call call = receiver.calls.get(0);
        assertThat(call.source()).isEqualTo("logisync");
        WebhookSignatures verifier = new WebhookSignatures("logisync " + SECRET, null, Duration.ofMinutes(5),
                Clock.systemUTC());
        verifier.verify("logisync", call.signature(), call.body().getBytes(StandardCharsets.UTF_8));
        WebhookSignatures wrongSecret = new WebhookSignatures("logisync another-secret-entirely-0002", null,
                Duration.ofMinutes(5), Clock.systemUTC());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrongSecret.verify("logisync", call.signature(),
                call.body().getBytes(StandardCharsets.UTF_8))).hasMessageContaining("does not match");
        assertThat(receiver.events("logistics.payment.updated.v1")).isEmpty();

        logisync.odoo().store().registerPayment(move, 1150.00, true);

        await().atMost(Duration.ofSeconds(45)).until(() -> receiver.events("logistics.payment.updated.v1")
                .size() == 1);
        JsonNode paid = receiver.events("logistics.payment.updated.v1").get(0);
        assertThat(paid.path("subject").asText()).isEqualTo(invoice.get("name"));
        assertThat(paid.path("data").path("paymentState").asText()).isEqualTo("paid");
        assertThat(paid.path("data").path("amountResidual").decimalValue()).isEqualByComparingTo("0");
        assertThat(paid.path("data").path("odooInvoiceId").asLong()).isEqualTo(move);
        // polls go on, and read the same invoice again inside the overlap window: nothing more is sent
        Thread.sleep(1500);
        assertThat(receiver.events("logistics.invoice.posted.v1")).hasSize(1);
        assertThat(receiver.events("logistics.payment.updated.v1")).hasSize(1);
        assertThat(receiver.calls.stream().map(c -> read(c.body()).path("id").asText()).distinct())
                .hasSize(receiver.calls.size());
    }

    @Test
    void shouldTellDispatchOfAnInvoiceThePollerReadBeforeLogisyncHadRecordedItsId() throws Exception {
        startWithWebhook();
        // the batch reads its moves back after action_post; while that read takes 1.5 s, the poller (every 200 ms)
        // reads the posted invoice before logisync has recorded which move is the load's
        logisync.odoo().setLatency(io.logisync.odoo.sim.Latency.NONE.withPerCall("account.move.read", 1500));
        long move = billLoad("L-804");

        await().atMost(Duration.ofSeconds(45)).until(() -> receiver.events("logistics.invoice.posted.v1").size() == 1);
        JsonNode posted = receiver.events("logistics.invoice.posted.v1").get(0);
        assertThat(posted.path("data").path("odooInvoiceId").asLong()).isEqualTo(move);
        assertThat(posted.path("data").path("loadRefs")).extracting(JsonNode::asText).containsExactly("L-804");
        Thread.sleep(1500);
        assertThat(receiver.events("logistics.invoice.posted.v1")).hasSize(1);
    }

    @Test
    void shouldSendOnePaymentUpdatedForAPaymentRegisteredThroughOdoosWireApi() throws Exception {
        startWithWebhook();
        long move = billLoad("L-803");
        await().atMost(Duration.ofSeconds(45)).until(() -> receiver.events("logistics.invoice.posted.v1").size() == 1);

        // as a user would on the sandbox: the payment wizard over JSON-2, then its action
        var odoo = logisync.odoo();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        JsonNode wizard = MAPPER.readTree(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                odoo.url() + "/json/2/account.payment.register/create")).header("Authorization", "bearer "
                        + odoo.apiKey()).header("X-Odoo-Database", odoo.database()).header("Content-Type",
                                "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"vals_list\": [{}], \"context\": {\"active_model\": \"account.move\","
                                                + " \"active_ids\": [" + move + "]}}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        java.net.http.HttpResponse<String> paid = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                odoo.url() + "/json/2/account.payment.register/action_create_payments")).header("Authorization",
                        "bearer " + odoo.apiKey()).header("X-Odoo-Database", odoo.database()).header("Content-Type",
                                "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"ids\": [" + wizard.get(0).asLong() + "]}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(45)).until(() -> receiver.events("logistics.payment.updated.v1")
                .size() == 1);
        JsonNode update = receiver.events("logistics.payment.updated.v1").get(0);
        assertThat(update.path("data").path("odooInvoiceId").asLong()).isEqualTo(move);
        // paid, not yet matched with a bank statement: Odoo 19 reads it in_payment
        assertThat(update.path("data").path("paymentState").asText()).isEqualTo("in_payment");
        assertThat(update.path("data").path("amountResidual").decimalValue()).isEqualByComparingTo("0");
        Thread.sleep(1500);
        assertThat(receiver.events("logistics.payment.updated.v1")).hasSize(1);
    }

    @Test
    void shouldRetryAWebhookThatIsDownAndDeliverOnceItIsUp() throws Exception {
        startWithWebhook("--logisync.dispatch.max-redeliveries=8");
        receiver.down.set(true);
        billLoad("L-802");
        await().atMost(Duration.ofSeconds(45)).until(() -> receiver.refused.get() >= 2);
        receiver.down.set(false);

        await().atMost(Duration.ofSeconds(45)).until(() -> receiver.events("logistics.invoice.posted.v1").size() == 1);
        Thread.sleep(1000);
        assertThat(receiver.events("logistics.invoice.posted.v1")).hasSize(1);
        Receiver.Call call = receiver.calls.get(0);
        new WebhookSignatures("logisync " + SECRET, null, Duration.ofMinutes(5), Clock.systemUTC())
                .verify("logisync", call.signature(), call.body().getBytes(StandardCharsets.UTF_8));
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message WHERE reason ="
                + " 'DISPATCH_UNDELIVERED'", Integer.class)).isZero();
    }

    @Test
    void shouldParkAnEventDispatchNeverTookWithItsReasonAndSendItOnceWhenDispatchIsBack() throws Exception {
        startWithWebhook("--logisync.dispatch.max-redeliveries=2", "--logisync.dispatch.resend-period-ms=6000");
        receiver.down.set(true);
        billLoad("L-803");

        await().atMost(Duration.ofSeconds(45)).until(() -> logisync.db().queryForObject("SELECT COUNT(*) FROM"
                + " parked_message WHERE reason = 'DISPATCH_UNDELIVERED'", Integer.class) == 1);
        // one first attempt and two retries, the HTTP client adding none of its own
        assertThat(receiver.refused.get()).isEqualTo(3);
        Map<String, Object> parked = logisync.db().queryForMap("SELECT * FROM parked_message WHERE reason ="
                + " 'DISPATCH_UNDELIVERED'");
        assertThat(parked.get("EVENT_TYPE")).isEqualTo("logistics.invoice.posted.v1");
        assertThat(parked.get("SOURCE")).isEqualTo("logisync");
        assertThat(parked.get("WAITING_FOR")).isEqualTo("dispatch");
        assertThat((String) parked.get("DETAIL")).contains("not delivered to dispatch after every retry")
                .contains("503");
        assertThat(read((String) parked.get("PAYLOAD")).path("data").path("loadRefs").get(0).asText())
                .isEqualTo("L-803");
        // the parked row of an outbound event is no load's message: no shipment.exception for it
        assertThat(receiver.events("logistics.shipment.exception.v1")).isEmpty();

        receiver.down.set(false);
        await().atMost(Duration.ofSeconds(45)).until(() -> receiver.events("logistics.invoice.posted.v1")
                .size() == 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> "REPLAYED".equals(logisync.db().queryForObject(
                "SELECT status FROM parked_message WHERE id = ?", String.class, parked.get("ID"))));
        JsonNode posted = receiver.events("logistics.invoice.posted.v1").get(0);
        assertThat(posted.path("id").asText()).isEqualTo(read((String) parked.get("PAYLOAD")).path("id").asText());
        Receiver.Call call = receiver.calls.get(0);
        new WebhookSignatures("logisync " + SECRET, null, Duration.ofMinutes(5), Clock.systemUTC())
                .verify("logisync", call.signature(), call.body().getBytes(StandardCharsets.UTF_8));
        // the invoice itself is not read and sent again at the next polls
        Thread.sleep(1000);
        assertThat(receiver.events("logistics.invoice.posted.v1")).hasSize(1);
    }

    @Test
    void shouldTellDispatchOfAParkedLoadOnceAsAShipmentException() throws Exception {
        startWithWebhook();
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        logisync.send(shipment("s-1", "L-804", "ACME", charge("HAZMAT", "3", "41.50")));
        Long parkedId = logisync.db().queryForObject("SELECT id FROM parked_message WHERE subject = 'L-804'",
                Long.class);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.events("logistics.shipment.exception.v1")
                .size() == 1);
        JsonNode exception = receiver.events("logistics.shipment.exception.v1").get(0);
        assertThat(exception.path("subject").asText()).isEqualTo("L-804");
        assertThat(exception.path("data").path("loadRef").asText()).isEqualTo("L-804");
        assertThat(exception.path("data").path("reasonCode").asText()).isEqualTo("AWAITING_CHARGE_MAPPING");
        assertThat(exception.path("data").path("detail").asText()).contains("HAZMAT");
        assertThat(exception.path("data").path("parkedId").asLong()).isEqualTo(parkedId);
        // the same event sent again is a duplicate, parked once: still one exception
        logisync.send(shipment("s-1", "L-804", "ACME", charge("HAZMAT", "3", "41.50")));
        Thread.sleep(800);
        assertThat(receiver.events("logistics.shipment.exception.v1")).hasSize(1);
    }

    @Test
    void shouldPublishToTheOutboundTopicWhenConfiguredSo() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopic("logistics.events", 1);
            kafka.createTopic("dispatch.out", 1);
            logisync = LogisyncHarness.start("--logisync.bus=kafka",
                    "--logisync.kafka.brokers=" + kafka.bootstrapServers(),
                    "--logisync.kafka.outbound-topic=dispatch.out", "--logisync.status-back.enabled=true",
                    "--logisync.status-back.poll-ms=200", "--logisync.dispatch.delivery=topic");
            logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
            logisync.send(array(shipment("s-1", "L-805", "ACME", charge("LINEHAUL", "1", "1000.00")),
                    delivered("m-1", "L-805", "2026-11-02T23:40:00Z"), pod("p-1", "L-805")));

            await().atMost(Duration.ofSeconds(30)).until(() -> kafka.records("dispatch.out").stream()
                    .anyMatch(r -> read(r.value()).path("type").asText().equals("logistics.invoice.posted.v1")));
            ConsumerRecord<String, String> record = kafka.records("dispatch.out").stream()
                    .filter(r -> read(r.value()).path("type").asText().equals("logistics.invoice.posted.v1"))
                    .findFirst().orElseThrow();
            JsonNode event = read(record.value());
            assertThat(record.key()).isEqualTo(event.path("subject").asText());
            assertThat(event.path("data").path("loadRefs").get(0).asText()).isEqualTo("L-805");
            assertThat(receiver.calls).isEmpty();
            logisync.close();
            logisync = null;
        }
    }
}
