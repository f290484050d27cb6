package io.logisync.carriers;

import static io.logisync.carriers.WebhookCalls.fixture;
import static io.logisync.carriers.WebhookCalls.signed;
import static io.logisync.carriers.WebhookCalls.signedNow;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.support.Events;
import io.logisync.support.LogisyncHarness;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook carrier of routes/carriers/ridgeline-trucking.pipe.yaml, through its Pipe and mapping file. */
class RidgelineTruckingCarrierTest {

    private static final String PATH = "/carriers/ridgeline-trucking/events";

    private LogisyncHarness logisync;

    @BeforeEach
    void start() throws Exception {
        logisync = LogisyncHarness.start("--logisync.carriers.ridgeline-trucking.hmac-secret=" + WebhookCalls.SECRET);
    }

    @AfterEach
    void stop() throws Exception {
        logisync.close();
    }

    private HttpResponse<String> call(String fixture) throws Exception {
        String body = fixture(fixture);
        return logisync.postTo(PATH, body, signedNow(body));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Events.MAPPER.readTree(response.body());
    }

    @Test
    void shouldInvoiceALoadWhoseStopsAndProofOfDeliveryCameThroughTheWebhook() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        logisync.send(shipment("s-1", "L-2001", "ACME", charge("LINEHAUL", "1", "1200.00"),
                charge("FUEL", "1", "180.00")));

        for (String fixture : List.of("route-stop-arrival-pickup.json", "route-stop-departure-pickup.json",
                "route-stop-arrival-delivery.json", "route-stop-departure-delivery.json",
                "document-submitted-pod.json")) {
            HttpResponse<String> response = call(fixture);
            assertThat(response.statusCode()).as(fixture + ": " + response.body()).isEqualTo(200);
            assertThat(json(response).get("accepted").asInt()).as(fixture + ": " + response.body()).isEqualTo(1);
        }

        // each stop's local time in UTC: 08:05-06:00, 09:20-06:00, 14:40-05:00, 16:02-05:00
        assertThat(logisync.db().queryForList("SELECT code, occurred_at, stop_sequence, source_code FROM"
                + " shipment_milestone WHERE load_ref = 'L-2001' ORDER BY occurred_at"))
                .extracting(row -> row.get("CODE") + " " + ((Timestamp) row.get("OCCURRED_AT")).toInstant() + " "
                        + row.get("STOP_SEQUENCE") + " " + row.get("SOURCE_CODE"))
                .containsExactly("ARRIVED_PICKUP 2026-11-02T14:05:00Z 1 STOP_ARRIVAL",
                        "DEPARTED_PICKUP 2026-11-02T15:20:00Z 1 STOP_DEPARTURE",
                        "ARRIVED_DELIVERY 2026-11-02T19:40:00Z 2 STOP_ARRIVAL",
                        "DELIVERED 2026-11-02T21:02:00Z 2 STOP_DEPARTURE");
        List<Map<String, Object>> invoices = logisync.records("account.move");
        assertThat(invoices).singleElement().satisfies(invoice -> {
            assertThat(invoice.get("ref")).isEqualTo("L-2001");
            assertThat(invoice.get("state")).isEqualTo("posted");
            // 1 x 1200.00 + 1 x 180.00 = 1380.00 before tax
            assertThat(new BigDecimal(String.valueOf(invoice.get("amount_untaxed")))).isEqualByComparingTo("1380.00");
        });
        // the receiver's signature time from the POD's signature field
        assertThat(logisync.db().queryForObject("SELECT pod_signed_at FROM shipment WHERE load_ref = 'L-2001'",
                Timestamp.class).toInstant()).isEqualTo(Instant.parse("2026-11-02T21:01:30Z"));
    }

    @Test
    void shouldTakeTheSameCallTwiceOnce() throws Exception {
        call("route-stop-arrival-pickup.json");

        JsonNode second = json(call("route-stop-arrival-pickup.json"));

        assertThat(second.get("duplicates").asInt()).isEqualTo(1);
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM shipment_milestone", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseACallWhoseSignatureDoesNotMatch() throws Exception {
        String body = fixture("route-stop-arrival-pickup.json");
        Map<String, String> headers = signedNow(body.replace("L-2001", "L-9999"));

        HttpResponse<String> response = logisync.postTo(PATH, body, headers);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("signature does not match");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM shipment_milestone", Integer.class))
                .isZero();
    }

    @Test
    void shouldRefuseACallSignedOutsideTheTimeWindow() throws Exception {
        String body = fixture("route-stop-arrival-pickup.json");
        long tenMinutesAgo = System.currentTimeMillis() / 1000 - 600;

        HttpResponse<String> response = logisync.postTo(PATH, body, signed(body, tenMinutesAgo));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("the window is 300 s");
    }

    @Test
    void shouldRefuseAnUnsignedCall() throws Exception {
        HttpResponse<String> response = logisync.postTo(PATH, fixture("route-stop-arrival-pickup.json"), Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAcknowledgeADocumentThatIsNotAProofOfDeliveryWithoutAnEvent() throws Exception {
        JsonNode answer = json(call("document-submitted-inspection.json"));

        assertThat(answer.get("accepted").asInt()).isZero();
        assertThat(answer.get("rejected").asInt()).isZero();
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class)).isZero();
    }

    @Test
    void shouldParkAMessageWhoseEventsAreRejectedInsteadOfDroppingIt() throws Exception {
        // a route dispatch never tagged with its load: the mapped milestone has no load reference
        String body = fixture("route-stop-arrival-pickup.json").replace("{\"tmsLoadRef\": \"L-2001\"}", "{}");

        HttpResponse<String> response = logisync.postTo(PATH, body, signedNow(body));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("rejected").asInt()).isEqualTo(1);
        Path parked = logisync.carriers().resolve("parked/ridgeline-trucking");
        String name = answer.get("parked").asText();
        assertThat(Files.readString(parked.resolve(name))).isEqualTo(body);
        assertThat(Files.readString(parked.resolve(name + ".reason.txt"))).contains(answer.get("results").get(0)
                .get("id").asText()).contains("required property 'subject' not found");
    }

    @Test
    void shouldParkAMessageTheMappingCannotRead() throws Exception {
        // $number cannot read "first" as a stop sequence, so the mapping fails on this message
        String body = fixture("route-stop-arrival-pickup.json").replace("\"stopSequence\": \"1\"",
                "\"stopSequence\": \"first\"");

        HttpResponse<String> response = logisync.postTo(PATH, body, signedNow(body));

        assertThat(response.statusCode()).isEqualTo(202);
        try (Stream<Path> files = Files.list(logisync.carriers().resolve("parked/ridgeline-trucking"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.endsWith(".reason.txt"));
        }
    }
}
