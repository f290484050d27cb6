package io.logisync.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import io.logisync.support.Events;
import io.logisync.support.LogisyncHarness;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A third carrier is onboarded by dropping a Pipe and a mapping file into the carriers folder: no code, no build. */
class CarrierOnboardingTest {

    private static final String PIPE = """
            # Prairie Haulers: posts its own JSON status updates, with an API key.
            apiVersion: camel.apache.org/v1
            kind: Pipe
            metadata:
              name: prairie-haulers
            spec:
              source:
                ref:
                  kind: Kamelet
                  apiVersion: camel.apache.org/v1
                  name: carrier-webhook-source
                properties:
                  carrier: prairie-haulers
                  carrierCode: PRAIRIE-HAULERS
                  mapping: "RAW(file:%s)"
                  apiKey: "RAW({{?logisync.carriers.prairie-haulers.api-key}})"
              sink:
                ref:
                  kind: Kamelet
                  apiVersion: camel.apache.org/v1
                  name: logisync-ingress-sink
                properties:
                  source: "RAW(carrier/prairie-haulers)"
            """;

    private static final String MAPPING = """
            /* Prairie Haulers: {"update": {"ref", "load", "status", "at"}}; status DELIVERED or DEPARTED_ORIGIN */
            update.{
              "id": ref,
              "type": "logistics.milestone.recorded.v1",
              "subject": load,
              "time": at,
              "data": {
                "loadRef": load,
                "code": status = "DEPARTED_ORIGIN" ? "DEPARTED_PICKUP" : status,
                "occurredAt": at,
                "sourceCode": status
              }
            }
            """;

    @TempDir
    Path folder;

    private LogisyncHarness logisync;

    @AfterEach
    void stop() throws Exception {
        if (logisync != null) {
            logisync.close();
        }
    }

    @Test
    void shouldOnboardACarrierFromAPipeAndAMappingFileDroppedIntoTheCarriersFolder() throws Exception {
        Path carriers = Files.createDirectories(folder.resolve("carriers"));
        try (Stream<Path> shipped = Files.list(Path.of("routes/carriers"))) {
            for (Path file : shipped.toList()) {
                Files.copy(file, carriers.resolve(file.getFileName()));
            }
        }
        Path mapping = carriers.resolve("prairie-haulers.jsonata");
        Files.writeString(mapping, MAPPING);
        Files.writeString(carriers.resolve("prairie-haulers.pipe.yaml"), PIPE.formatted(mapping));

        logisync = LogisyncHarness.start(
                "--camel.main.routes-include-pattern=file:routes/*.camel.yaml,file:" + carriers + "/*.yaml",
                "--logisync.carriers.prairie-haulers.api-key=prairie-test-key-0003");
        String update = "{\"update\": {\"ref\": \"ph-77\", \"load\": \"L-3001\", \"status\": \"DELIVERED\","
                + " \"at\": \"2026-11-03T10:15:00-0600\"}}";
        HttpResponse<String> response = logisync.postTo("/carriers/prairie-haulers/events", update,
                Map.of("X-API-Key", "prairie-test-key-0003"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Events.MAPPER.readTree(response.body()).get("accepted").asInt()).isEqualTo(1);
        // 10:15 at -06:00 is 16:15 UTC
        assertThat(logisync.db().queryForMap("SELECT code, occurred_at, event_id FROM shipment_milestone"
                + " WHERE load_ref = 'L-3001'")).satisfies(row -> {
                    assertThat(row.get("CODE")).isEqualTo("DELIVERED");
                    assertThat(((Timestamp) row.get("OCCURRED_AT")).toInstant())
                            .isEqualTo(Instant.parse("2026-11-03T16:15:00Z"));
                    assertThat(row.get("EVENT_ID")).isEqualTo("ph-77");
                });
        // the two shipped carriers came up beside it, from the same folder
        assertThat(logisync.camel().getRoute("ridgeline-trucking")).isNotNull();
        assertThat(logisync.camel().getRoute("maple-express")).isNotNull();
    }

    @Test
    void shouldRefuseTheNewCarriersCallsWithoutItsKey() throws Exception {
        Path carriers = Files.createDirectories(folder.resolve("carriers"));
        Path mapping = carriers.resolve("prairie-haulers.jsonata");
        Files.writeString(mapping, MAPPING);
        Files.writeString(carriers.resolve("prairie-haulers.pipe.yaml"), PIPE.formatted(mapping));

        logisync = LogisyncHarness.start(
                "--camel.main.routes-include-pattern=file:routes/*.camel.yaml,file:" + carriers + "/*.yaml",
                "--logisync.carriers.prairie-haulers.api-key=prairie-test-key-0003");
        HttpResponse<String> response = logisync.postTo("/carriers/prairie-haulers/events", "{}",
                Map.of("X-API-Key", "a-guess"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** A mapping that passes the carrier's bills through as they come, carrierCode and all. */
    private static final String BILL_MAPPING = """
            bill.{
              "id": ref,
              "type": "logistics.carrier.invoice.received.v1",
              "subject": carrier,
              "time": "2026-11-03T10:15:00Z",
              "data": {
                "carrierCode": carrier,
                "carrierInvoiceNumber": ref,
                "invoiceDate": "2026-11-03",
                "currency": "USD",
                "lines": [{"loadRef": "L-3001", "chargeCode": "LINEHAUL", "amount": "500.00"}],
                "total": "500.00"
              }
            }
            """;

    @Test
    void shouldRefuseAnEventInAnotherCarriersName() throws Exception {
        Path carriers = Files.createDirectories(folder.resolve("carriers"));
        Path mapping = carriers.resolve("prairie-haulers.jsonata");
        Files.writeString(mapping, BILL_MAPPING);
        Files.writeString(carriers.resolve("prairie-haulers.pipe.yaml"), PIPE.formatted(mapping));
        logisync = LogisyncHarness.start(
                "--camel.main.routes-include-pattern=file:routes/*.camel.yaml,file:" + carriers + "/*.yaml",
                "--logisync.carriers.prairie-haulers.api-key=prairie-test-key-0003");

        HttpResponse<String> foreign = logisync.postTo("/carriers/prairie-haulers/events",
                "{\"bill\": {\"ref\": \"PH-1\", \"carrier\": \"MAPLE-EXPRESS\"}}",
                Map.of("X-API-Key", "prairie-test-key-0003"));

        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(422);
        assertThat(Events.MAPPER.readTree(foreign.body()).get("message").asText()).contains("data.carrierCode")
                .contains("MAPLE-EXPRESS").contains("PRAIRIE-HAULERS");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class)).isZero();
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM camel_messageprocessed", Integer.class))
                .isZero();
        assertThat(logisync.records("account.move")).isEmpty();

        // its own bills are taken
        HttpResponse<String> own = logisync.postTo("/carriers/prairie-haulers/events",
                "{\"bill\": {\"ref\": \"PH-2\", \"carrier\": \"PRAIRIE-HAULERS\"}}",
                Map.of("X-API-Key", "prairie-test-key-0003"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(Events.MAPPER.readTree(own.body()).get("accepted").asInt()).isEqualTo(1);
    }
}
