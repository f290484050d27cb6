package io.logisync;

import static io.logisync.support.Events.array;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logisync.support.LogisyncHarness;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator scrapes on the management port: health with readiness, Prometheus metrics with logisync's
 * business metrics beside Camel's, Jolokia for Hawtio; all but health behind operator credentials.
 */
class OperationsEndpointsTest {

    private LogisyncHarness logisync;

    @BeforeEach
    void start() throws Exception {
        logisync = LogisyncHarness.start("--logisync.metrics.refresh-ms=200");
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
    void shouldRefuseMetricsAndJolokiaWithoutOperatorCredentials() throws Exception {
        for (String path : List.of("/observe/metrics", "/observe/jolokia/version")) {
            HttpResponse<String> none = logisync.management(path, null);
            HttpResponse<String> wrongKey = logisync.management(path, LogisyncHarness.basic(LogisyncHarness.OPERATOR,
                    "not-the-operators-key"));
            HttpResponse<String> ingest = logisync.management(path, "Bearer " + LogisyncHarness.TMS_KEY);
            HttpResponse<String> approver = logisync.management(path, "Bearer " + LogisyncHarness.APPROVER_KEY);

            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(v ->
                    assertThat(v).startsWith("Basic"));
            assertThat(wrongKey.statusCode()).as(path).isEqualTo(401);
            assertThat(ingest.statusCode()).as(path).isEqualTo(403);
            assertThat(approver.statusCode()).as(path).isEqualTo(403);
            assertThat(logisync.management(path, "Bearer " + LogisyncHarness.OPERATOR_KEY).statusCode()).as(path)
                    .isEqualTo(200);
            assertThat(logisync.management(path, LogisyncHarness.basic(LogisyncHarness.ADMIN,
                    LogisyncHarness.ADMIN_KEY)).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void shouldListTheLogisyncRoutesOverJolokiaButRefuseToStopThem() throws Exception {
        HttpResponse<String> routes = logisync.management("/observe/jolokia/search/org.apache.camel:type=routes,*");
        String stopPath = "/observe/jolokia/exec/org.apache.camel:context=logisync,type=routes,"
                + "name=%22invoice-delivered-shipment%22/";

        assertThat(routes.statusCode()).isEqualTo(200);
        assertThat(routes.body()).contains("invoice-delivered-shipment").contains("http-ingress")
                .contains("replay-exception");
        for (String operation : List.of("stop", "stop()", "suspend()")) {
            HttpResponse<String> stop = logisync.management(stopPath + operation);

            assertThat(stop.body()).as(operation).contains("403").doesNotContain("\"status\":200");
        }
        assertThat(logisync.camel().getRouteController().getRouteStatus("invoice-delivered-shipment").isStarted())
                .isTrue();
    }

    @Test
    void shouldRunOverJolokiaOnlyTheOperationsThatReadWhateverFormTheyAreAskedIn() throws Exception {
        String context = "org.apache.camel:context=logisync,type=context,name=\\\"logisync\\\"";
        java.util.function.Function<String, String> exec = operationAndArguments -> "{\"type\":\"exec\","
                + "\"mbean\":\"" + context + "\"," + operationAndArguments + "}";
        java.nio.file.Path written = java.nio.file.Files.createTempDirectory("jolokia").resolve("written.txt");

        String secret = jolokia(exec.apply("\"operation\":\"requestBody(java.lang.String,java.lang.Object)\","
                + "\"arguments\":[\"language:simple:${sysenv.PATH}\",\"x\"]"));
        String file = jolokia(exec.apply("\"operation\":\"sendBody(java.lang.String,java.lang.Object)\","
                + "\"arguments\":[\"file:" + written.getParent() + "?fileName=written.txt\",\"x\"]"));
        String dumpToFile = jolokia(exec.apply("\"operation\":\"dumpRoutesAsYaml(boolean,boolean)\","
                + "\"arguments\":[true,true]"));
        String properties = jolokia("{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\","
                + "\"attribute\":\"SystemProperties\"}");
        String stats = jolokia(exec.apply("\"operation\":\"dumpRoutesStatsAsXml(boolean,boolean)\","
                + "\"arguments\":[false,false]"));

        for (String refused : List.of(secret, file, dumpToFile, properties)) {
            assertThat(refused).contains("\"status\":403").doesNotContain(System.getenv("PATH"));
        }
        assertThat(written).doesNotExist();
        assertThat(stats).contains("\"status\":200").contains("invoice-delivered-shipment");
    }

    private String jolokia(String request) throws Exception {
        java.net.http.HttpRequest post = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                logisync.managementUrl() + "/observe/jolokia")).header("Authorization", LogisyncHarness.basic(
                LogisyncHarness.OPERATOR, LogisyncHarness.OPERATOR_KEY)).POST(java.net.http.HttpRequest
                .BodyPublishers.ofString(request)).build();
        return java.net.http.HttpClient.newHttpClient().send(post, java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void shouldBeReadyOnlyWhileTheDatabaseAndOdooAnswer() throws Exception {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(logisync.management(
                "/observe/health/ready?exposureLevel=full").statusCode()).isEqualTo(200));
        String ready = logisync.management("/observe/health/ready?exposureLevel=full").body();
        assertThat(ready).contains("{\"name\":\"database\",\"status\":\"UP\"}")
                .contains("{\"name\":\"odoo\",\"status\":\"UP\"}");

        logisync.odoo().close();

        HttpResponse<String> odooDown = logisync.management("/observe/health/ready?exposureLevel=full");
        assertThat(odooDown.statusCode()).isEqualTo(503);
        assertThat(odooDown.body()).contains("Odoo cannot be reached");
        assertThat(logisync.management("/observe/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldShowBusinessMetricsBesideCamelsOwn() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        logisync.send(array(shipment("s-1", "L-1", "ACME", charge("LINEHAUL", "1", "100.00")),
                delivered("m-1", "L-1", Instant.now().minus(Duration.ofHours(2)).toString()), pod("p-1", "L-1")));
        logisync.send(array(shipment("s-2", "L-2", "NOBODY", charge("LINEHAUL", "1", "100.00")),
                delivered("m-2", "L-2", "2026-11-02T15:40:00Z")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = logisync.management("/observe/metrics").body();

            assertThat(metrics).containsPattern("logisync_events_total\\{[^}]*outcome=\"applied\",source=\"tms/main\","
                    + "type=\"logistics.customer.upserted.v1\"} 1\\.0")
                    .containsPattern("logisync_events_total\\{[^}]*outcome=\"duplicate\"[^}]*} 1\\.0")
                    .containsPattern("logisync_events_total\\{[^}]*outcome=\"parked\",source=\"tms/main\","
                            + "type=\"logistics.shipment.created.v1\"} 1\\.0")
                    .containsPattern("logisync_duplicate_events_total\\{source=\"tms/main\"} 1\\.0")
                    .containsPattern("logisync_parked_messages\\{reason=\"AWAITING_CUSTOMER\"} 1\\.0")
                    .containsPattern("logisync_parked_oldest_age_seconds\\{reason=\"AWAITING_CUSTOMER\"} ")
                    // L-2 is delivered and waits for its customer; L-1 was invoiced
                    .containsPattern("logisync_shipments_delivered_not_invoiced [^\\n]*1\\.0")
                    // delivered two hours before the invoice was posted: past the 1 h bucket, within the 4 h one
                    .contains("logisync_invoice_lag_seconds_count 1\n")
                    .contains("logisync_invoice_lag_seconds_bucket{le=\"3600.0\"} 0\n")
                    .contains("logisync_invoice_lag_seconds_bucket{le=\"14400.0\"} 1\n")
                    .contains("camel_exchanges_total");
        });
    }

    @Test
    void shouldCountRejectedEventsUnderKnownLabelValuesOnly() throws Exception {
        var unknownType = customer("x-1", "ACME", "Acme Retail Inc.").put("type", "logistics.shipment.exploded.v1");
        var otherSource = customer("x-2", "ACME", "Acme Retail Inc.").put("source", "tms/other");
        var carrierSource = customer("x-3", "ACME", "Acme Retail Inc.").put("source", "carrier/acme-freight");

        for (var event : List.of(unknownType, otherSource, carrierSource)) {
            HttpResponse<String> refused = logisync.post(event.toString(), LogisyncHarness.TMS_KEY);
            assertThat(refused.statusCode()).isEqualTo(400);
        }

        String metrics = logisync.management("/observe/metrics").body();
        assertThat(metrics).doesNotContain("exploded").doesNotContain("tms/other")
                // a rejected event of an unknown type from a configured source; one from another sender's source
                .containsPattern("logisync_events_total\\{outcome=\"rejected\",source=\"tms/main\","
                        + "type=\"unknown\"} 1\\.0")
                .containsPattern("logisync_events_total\\{outcome=\"rejected\",source=\"unknown\","
                        + "type=\"logistics.customer.upserted.v1\"} 1\\.0")
                // carrier/acme-freight is a configured source (it has a key), so it stays itself
                .containsPattern("logisync_events_total\\{outcome=\"rejected\",source=\"carrier/acme-freight\","
                        + "type=\"logistics.customer.upserted.v1\"} 1\\.0");
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
