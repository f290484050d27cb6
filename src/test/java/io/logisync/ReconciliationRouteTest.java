package io.logisync;

import static io.logisync.support.Events.array;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import io.logisync.support.LogisyncHarness;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** routes/reconciliation.camel.yaml: logisync checked against Odoo, reported over REST, in a CSV file, as metrics. */
class ReconciliationRouteTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LogisyncHarness logisync;
    private Path reports;

    @BeforeEach
    void start() throws Exception {
        reports = Files.createTempDirectory("reconciliation");
        logisync = LogisyncHarness.start("--logisync.reconciliation.dir=" + reports,
                "--logisync.reconciliation.delivered-limit-hours=24");
    }

    @AfterEach
    void stop() throws Exception {
        logisync.close();
    }

    private long invoiceOf(String loadRef) {
        return logisync.records("account.move").stream().filter(m -> loadRef.equals(m.get("ref")))
                .map(m -> ((Number) m.get("id")).longValue()).findFirst().orElseThrow();
    }

    /** Finance edits a posted invoice in Odoo: back to draft, a price changed, posted again. */
    private void changePriceInOdoo(long move, double price) {
        OdooClient odoo = logisync.bean("odooClient", OdooClient.class);
        odoo.callOnRecords("account.move", "button_draft", List.of(move), OdooContext.DEFAULT);
        OdooRecord line = odoo.searchRead("account.move.line", List.of(List.of("move_id", "=", move),
                List.of("display_type", "=", "product")), List.of("price_unit"), null, "id", OdooContext.DEFAULT)
                .get(0);
        odoo.write("account.move.line", List.of(line.id()), Map.of("price_unit", price), OdooContext.DEFAULT);
        odoo.callOnRecords("account.move", "action_post", List.of(move), OdooContext.DEFAULT);
    }

    @Test
    void shouldFindADeliveredLoadNotInvoicedAndAnInvoiceChangedInOdooAndReportThem() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        // billed as rated, and left alone: nothing to report
        logisync.send(array(shipment("s-1", "L-901", "ACME", charge("LINEHAUL", "1", "1000.00")),
                delivered("m-1", "L-901", "2026-11-02T23:40:00Z"), pod("p-1", "L-901")));
        // billed, then changed in Odoo to 1200.00
        logisync.send(array(shipment("s-2", "L-902", "ACME", charge("LINEHAUL", "1", "1000.00")),
                delivered("m-2", "L-902", "2026-11-02T23:40:00Z"), pod("p-2", "L-902")));
        // delivered a month ago, but its POD never came: not invoiced
        logisync.send(array(shipment("s-3", "L-903", "ACME", charge("LINEHAUL", "1", "700.00")),
                delivered("m-3", "L-903", "2026-11-02T23:40:00Z")));
        long changed = invoiceOf("L-902");
        changePriceInOdoo(changed, 1200.00);

        assertThat(logisync.api("POST", "/api/v1/reconciliation/run", null, LogisyncHarness.OPERATOR_KEY)
                .statusCode()).isEqualTo(403);
        assertThat(logisync.api("GET", "/api/v1/reconciliation", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> ran = logisync.api("POST", "/api/v1/reconciliation/run?full=true", null,
                LogisyncHarness.ADMIN_KEY);
        assertThat(ran.statusCode()).isEqualTo(200);
        JsonNode full = MAPPER.readTree(ran.body());
        assertThat(full.path("checks")).extracting(c -> c.path("check").asText() + " " + c.path("status").asText()
                + " " + c.path("findings").asInt()).containsExactly("delivered-not-invoiced ok 1",
                        "invoice-total-mismatch ok 1", "vendor-bill-cost-mismatch ok 0");
        JsonNode notInvoiced = finding(full, "delivered-not-invoiced");
        assertThat(notInvoiced.path("loadRef").asText()).isEqualTo("L-903");
        assertThat(notInvoiced.path("detail").asText()).contains("not released for billing");
        JsonNode mismatch = finding(full, "invoice-total-mismatch");
        assertThat(mismatch.path("loadRef").asText()).isEqualTo("L-902");
        assertThat(mismatch.path("odooId").asLong()).isEqualTo(changed);
        assertThat(mismatch.path("ratedAmount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(mismatch.path("odooAmount").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(mismatch.path("differenceAmount").decimalValue()).isEqualByComparingTo("200.00");

        // the operator reads the last run, its amounts redacted
        HttpResponse<String> report = logisync.api("GET", "/api/v1/reconciliation", null,
                LogisyncHarness.OPERATOR_KEY);
        assertThat(report.statusCode()).isEqualTo(200);
        JsonNode redacted = MAPPER.readTree(report.body());
        assertThat(redacted.path("startedAt").asText()).isEqualTo(full.path("startedAt").asText());
        assertThat(finding(redacted, "invoice-total-mismatch").path("odooAmount").asText()).isEqualTo("[redacted]");
        assertThat(finding(redacted, "invoice-total-mismatch").path("loadRef").asText()).isEqualTo("L-902");

        // the run's CSV file
        Path csv = reports.resolve(full.path("csv").asText());
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(
                "check,load_ref,document,odoo_id,rated_amount,odoo_amount,difference,currency,detail");
        assertThat(lines).hasSize(3);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("delivered-not-invoiced,L-903,,,,,,USD,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("invoice-total-mismatch,L-902,")
                .contains("," + changed + ",1000.00,1200.00,200.00,USD,"));

        // and the metrics, per check
        String metrics = logisync.management("/observe/metrics").body();
        assertThat(metrics).containsPattern("logisync_reconciliation_findings\\{check=\"invoice-total-mismatch\"\\}"
                + " 1\\.0").containsPattern("logisync_reconciliation_findings\\{check=\"delivered-not-invoiced\"\\}"
                + " 1\\.0");
    }

    private static JsonNode finding(JsonNode report, String check) {
        for (JsonNode finding : report.path("findings")) {
            if (check.equals(finding.path("check").asText())) {
                return finding;
            }
        }
        throw new AssertionError("no finding of " + check + " in " + report);
    }
}
