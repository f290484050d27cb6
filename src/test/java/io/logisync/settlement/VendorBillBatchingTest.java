package io.logisync.settlement;

import static io.logisync.support.Events.carrier;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.event;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.invoicing.MoveBatches;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.sim.Fault;
import io.logisync.odoo.sim.SimulatorCall;
import io.logisync.shipment.ChargeCatalog;
import io.logisync.support.Events;
import io.logisync.support.LogisyncHarness;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Batched vendor bills: the bills of carrier invoices that arrive together are made in one create and one
 * action_post, each right and bound; a bill Odoo refuses is parked alone; a lost reply makes no second bill.
 * A carrier invoice's subject is its carrier, so the bills that share a batch are of different carriers.
 */
class VendorBillBatchingTest {

    private static final int N = 4;
    private static final String BAD = "C-3";

    private LogisyncHarness logisync;
    /** The carrier whose load is agreed and billed in euros (null: all in dollars). */
    private String euroCarrier;

    @AfterEach
    void stop() throws Exception {
        if (logisync != null) {
            logisync.close();
        }
    }

    /** A batch closes only when N bills have joined (or after 20 s), so the test sees whole batches. */
    private void start(String... overrides) throws Exception {
        logisync = LogisyncHarness.startWithWholeBatches("logisync.settlement", N, overrides);
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        ArrayNode events = Events.MAPPER.createArrayNode();
        for (int i = 1; i <= N; i++) {
            events.add(carrier("k-" + i, carrierOf(i), "Carrier " + i + " Inc."));
        }
        logisync.send(events);
        // each load created and assigned to its own carrier at 500.00 + 40.00
        ArrayNode loads = Events.MAPPER.createArrayNode();
        for (int i = 1; i <= N; i++) {
            ObjectNode created = shipment("s-" + i, loadOf(i), "ACME", charge("LINEHAUL", "1", "800.00"));
            ((ObjectNode) created.get("data")).put("currency", currencyOf(i));
            loads.add(created);
            loads.add(event("a-" + i, "shipment.assigned", loadOf(i), Map.of("loadRef", loadOf(i), "carrierCode",
                    carrierOf(i), "agreedCost", Map.of("amount", "540.00", "currency", currencyOf(i)),
                    "driverRef", "D-7")));
        }
        logisync.send(loads);
        assertThat(bills()).isEmpty();
    }

    private static String carrierOf(int i) {
        return "C-" + i;
    }

    private String currencyOf(int i) {
        return carrierOf(i).equals(euroCarrier) ? "EUR" : "USD";
    }

    private static String loadOf(int i) {
        return "L-V" + i;
    }

    private static String numberOf(int i) {
        return "INV-" + i;
    }

    /** Carrier i's bill of its load: LINEHAUL 500.00 and FUEL (or {@code fuelCode}) 40.00. */
    private ObjectNode carrierInvoice(int i, String fuelCode) {
        return event("ci-" + i, "carrier.invoice.received", carrierOf(i), Map.of("carrierCode", carrierOf(i),
                "carrierInvoiceNumber", numberOf(i), "invoiceDate", "2026-11-03", "currency", currencyOf(i),
                "lines", List.of(Map.of("loadRef", loadOf(i), "chargeCode", "LINEHAUL", "amount", "500.00"),
                        Map.of("loadRef", loadOf(i), "chargeCode", fuelCode, "description", "Fuel",
                                "amount", "40.00")), "total", "540.00"));
    }

    /** The carrier invoices, each in a request of its own, all at once: their bills reach the batch together. */
    private void carrierInvoicesAtOnce(String badFuelCode) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(N);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 1; i <= N; i++) {
                ObjectNode invoice = carrierInvoice(i, carrierOf(i).equals(BAD) && badFuelCode != null ? badFuelCode
                        : "FUEL");
                sent.add(senders.submit(() -> logisync.send(Events.MAPPER.createArrayNode().add(invoice))));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private List<SimulatorCall> moveCalls(String method) {
        return logisync.odoo().calls().stream().filter(c -> "account.move".equals(c.model())
                && method.equals(c.method())).toList();
    }

    private List<Map<String, Object>> bills() {
        return logisync.records("account.move").stream().filter(m -> "in_invoice".equals(m.get("move_type")))
                .toList();
    }

    private Map<String, Object> billOf(int i) {
        List<Map<String, Object>> found = bills().stream().filter(m -> numberOf(i).equals(m.get("ref"))
                && LogisyncHarness.idOf(m.get("partner_id")) == logisync.partnerOf(carrierOf(i))).toList();
        assertThat(found).as("bills of " + carrierOf(i)).hasSize(1);
        return found.get(0);
    }

    private int parked() {
        return logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class);
    }

    @Test
    void shouldCreateAndPostCarrierInvoicesArrivingTogetherInOneCallEach() throws Exception {
        start();
        logisync.odoo().clearCalls();

        carrierInvoicesAtOnce(null);

        assertThat(moveCalls("create")).singleElement().satisfies(c -> assertThat(c.records()).isEqualTo(N));
        assertThat(moveCalls("action_post")).singleElement().satisfies(c -> assertThat(c.records()).isEqualTo(N));
        assertThat(bills()).hasSize(N);
        for (int i = 1; i <= N; i++) {
            Map<String, Object> bill = billOf(i);
            assertThat(bill.get("state")).isEqualTo("posted");
            assertThat(bill.get("invoice_date")).isEqualTo("2026-11-03");
            assertThat(bill.get("invoice_origin")).isEqualTo(loadOf(i));
            assertThat(new BigDecimal(String.valueOf(bill.get("amount_untaxed")))).isEqualByComparingTo("540.00");
            long account = logisync.analyticAccount(loadOf(i));
            List<Map<String, Object>> lines = logisync.productLines(bill);
            assertThat(lines).extracting(l -> new BigDecimal(String.valueOf(l.get("price_unit"))).setScale(2)
                    .toPlainString(), l -> logisync.productCode(l.get("product_id")), l -> l.get("name"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("500.00", "LINEHAUL",
                            "LINEHAUL - load " + loadOf(i)),
                            org.assertj.core.groups.Tuple.tuple("40.00", "FUEL", "Fuel - load " + loadOf(i)));
            assertThat(lines).allSatisfy(l -> assertThat(l.get("analytic_distribution"))
                    .isEqualTo(Map.of(String.valueOf(account), 100.0)));
            String key = carrierOf(i) + "/" + numberOf(i);
            assertThat(logisync.db().queryForObject("SELECT odoo_id FROM binding WHERE kind = 'vendor-bill'"
                    + " AND external_ref = ?", Long.class, key)).isEqualTo(((Number) bill.get("id")).longValue());
            Map<String, Object> record = logisync.db().queryForMap("SELECT status, odoo_id, number, state FROM"
                    + " vendor_bill WHERE bill_key = ?", key);
            assertThat(record.get("STATUS")).isEqualTo("CREATED");
            assertThat(record.get("NUMBER")).isEqualTo(bill.get("name"));
            assertThat(record.get("STATE")).isEqualTo("posted");
        }
        assertThat(parked()).isZero();
        assertThat(logisync.bean("vendorBillBatches", MoveBatches.class).moves()).isEqualTo(N);
    }

    @Test
    void shouldParkTheOneBillOdooRefusesAndPostTheOthers() throws Exception {
        start();
        // the product of TONU is known to logisync, then deleted in Odoo: Odoo refuses a bill with a line of it
        long tonu = logisync.bean("chargeCatalog", ChargeCatalog.class).productId("TONU");
        logisync.bean("odooClient", OdooClient.class).callOnRecords("product.product", "unlink", List.of(tonu),
                null);
        logisync.odoo().clearCalls();

        carrierInvoicesAtOnce("TONU");

        // the whole batch, then halves until the refusal is pinned to C-3's bill; the others posted in one call
        assertThat(moveCalls("create")).hasSizeGreaterThan(1).first().satisfies(c -> {
            assertThat(c.records()).isEqualTo(N);
            assertThat(c.error()).isEqualTo("odoo.exceptions.MissingError");
        });
        assertThat(moveCalls("create")).filteredOn(c -> c.error() == null)
                .allSatisfy(c -> assertThat(c.records()).isLessThan(N));
        assertThat(moveCalls("action_post")).singleElement().satisfies(c -> assertThat(c.records())
                .isEqualTo(N - 1));
        assertThat(bills()).hasSize(N - 1);
        for (int i = 1; i <= N; i++) {
            if (!carrierOf(i).equals(BAD)) {
                assertThat(billOf(i).get("state")).as(carrierOf(i)).isEqualTo("posted");
            }
        }
        List<Map<String, Object>> rows = logisync.db().queryForList("SELECT subject, reason, detail FROM"
                + " parked_message");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("SUBJECT")).isEqualTo(BAD);
            assertThat(row.get("REASON")).isEqualTo("ODOO_REJECTED");
            assertThat(String.valueOf(row.get("DETAIL"))).contains("Record does not exist or has been deleted");
        });
        // nothing was made or bound for it: a replay looks for it in Odoo and creates it then
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM binding WHERE kind = 'vendor-bill'"
                + " AND external_ref = ?", Integer.class, BAD + "/INV-3")).isZero();
        assertThat(logisync.db().queryForObject("SELECT status FROM vendor_bill WHERE bill_key = ?", String.class,
                BAD + "/INV-3")).isEqualTo("PLANNED");
    }

    @Test
    void shouldBindTheOneBillOdooRefusesToPostParkItAndPostTheOthers() throws Exception {
        euroCarrier = BAD;
        start();
        // finance deactivates the euro after the load was agreed in it: Odoo creates the bill but refuses to post it
        OdooClient odoo = logisync.bean("odooClient", OdooClient.class);
        long eur = odoo.searchRead("res.currency", List.of(List.of("name", "=", "EUR")), List.of("id"), 1, "id",
                null).get(0).id();
        odoo.write("res.currency", List.of(eur), Map.of("active", false), null);
        logisync.odoo().clearCalls();

        carrierInvoicesAtOnce(null);

        assertThat(moveCalls("create")).singleElement().satisfies(c -> assertThat(c.records()).isEqualTo(N));
        assertThat(moveCalls("action_post")).first().satisfies(c -> {
            assertThat(c.records()).isEqualTo(N);
            assertThat(c.error()).isEqualTo("odoo.exceptions.UserError");
        });
        for (int i = 1; i <= N; i++) {
            assertThat(billOf(i).get("state")).as(carrierOf(i)).isEqualTo(carrierOf(i).equals(BAD) ? "draft"
                    : "posted");
        }
        List<Map<String, Object>> rows = logisync.db().queryForList("SELECT subject, reason, detail FROM"
                + " parked_message");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("SUBJECT")).isEqualTo(BAD);
            assertThat(row.get("REASON")).isEqualTo("ODOO_REJECTED");
            assertThat(String.valueOf(row.get("DETAIL"))).contains("inactive currency: EUR");
        });
        // the refused one is bound to its draft, so a replay posts it instead of creating a second
        long draft = ((Number) billOf(3).get("id")).longValue();
        assertThat(logisync.db().queryForObject("SELECT odoo_id FROM binding WHERE kind = 'vendor-bill'"
                + " AND external_ref = ?", Long.class, BAD + "/INV-3")).isEqualTo(draft);
        assertThat(logisync.db().queryForObject("SELECT odoo_id FROM vendor_bill WHERE bill_key = ?", Long.class,
                BAD + "/INV-3")).isEqualTo(draft);
    }

    @Test
    void shouldMakeNoSecondBillWhenTheReplyOfABatchedCreateIsLost() throws Exception {
        start("--logisync.settlement.batch.timeout-ms=1000");
        logisync.odoo().faults().inject(Fault.lostReply().on("account.move", "create").times(1));
        logisync.odoo().clearCalls();

        carrierInvoicesAtOnce(null);

        // the lost create went through; each retry found its bill by partner and ref and created nothing
        assertThat(moveCalls("create")).singleElement().satisfies(c -> {
            assertThat(c.records()).isEqualTo(N);
            assertThat(c.fault()).isEqualTo("lost-reply");
        });
        assertThat(bills()).hasSize(N);
        IntStream.rangeClosed(1, N).forEach(i -> assertThat(billOf(i).get("state")).isEqualTo("posted"));
        assertThat(parked()).isZero();
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM binding WHERE kind = 'vendor-bill'",
                Integer.class)).isEqualTo(N);
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM vendor_bill WHERE status = 'CREATED'"
                + " AND state = 'posted'", Integer.class)).isEqualTo(N);
    }

    @Test
    void shouldLeaveBatchedBillsAsDraftsWhenFinanceReviewsThem() throws Exception {
        start("--logisync.settlement.post=false");
        logisync.odoo().clearCalls();

        carrierInvoicesAtOnce(null);

        assertThat(moveCalls("create")).singleElement().satisfies(c -> assertThat(c.records()).isEqualTo(N));
        assertThat(moveCalls("action_post")).isEmpty();
        IntStream.rangeClosed(1, N).forEach(i -> assertThat(billOf(i).get("state")).isEqualTo("draft"));
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM vendor_bill WHERE status = 'CREATED'"
                + " AND state = 'draft'", Integer.class)).isEqualTo(N);
    }

    @Test
    void shouldMakeBillsOneByOneWithBatchSizeOne() throws Exception {
        start("--logisync.settlement.batch.size=1");
        logisync.odoo().clearCalls();

        carrierInvoicesAtOnce(null);

        assertThat(moveCalls("create")).hasSize(N).allSatisfy(c -> assertThat(c.records()).isEqualTo(1));
        assertThat(moveCalls("action_post")).hasSize(N).allSatisfy(c -> assertThat(c.records()).isEqualTo(1));
        IntStream.rangeClosed(1, N).forEach(i -> assertThat(billOf(i).get("state")).isEqualTo("posted"));
        assertThat(logisync.bean("vendorBillBatches", MoveBatches.class).moves()).isZero();
    }

    // ------------------------------------------------------------------ helpers
}
