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
}
