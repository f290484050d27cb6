package io.logisync.invoicing;

import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooRecord;
import io.logisync.odoo.sim.Fault;
import io.logisync.odoo.sim.SimulatorCall;
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
 * Batched customer invoices: the invoices of PODs that arrive together are made in one create and one action_post,
 * each correct and bound; a record Odoo refuses is parked alone; a lost reply makes no second invoice.
 */
class InvoiceBatchingTest {

    private static final int N = 5;

    private LogisyncHarness logisync;

    @AfterEach
    void stop() throws Exception {
        if (logisync != null) {
            logisync.close();
        }
    }

    /** A batch closes only when N invoices have joined (or after 20 s), so the test sees whole batches. */
    private void start(String... overrides) throws Exception {
        logisync = LogisyncHarness.startWithWholeBatches("logisync.invoicing", N, overrides);
        logisync.send(Events.MAPPER.createArrayNode().add(customer("c-1", "ACME", "Acme Retail Inc.")));
    }

    private static List<String> loads() {
        return IntStream.rangeClosed(1, N).mapToObj(i -> "L-B" + i).toList();
    }

    /** Each load (LINEHAUL 640.00 + FUEL 57.60 + LUMPER 2 x 45.00 = 787.60) created and delivered, not yet POD. */
    private void deliverAll(String eurLoad) throws Exception {
        ArrayNode events = Events.MAPPER.createArrayNode();
        for (String load : loads()) {
            ObjectNode created = shipment("s-" + load, load, "ACME", charge("LINEHAUL", "1", "640.00"),
                    charge("FUEL", "1", "57.60"), charge("LUMPER", "2", "45.00"));
            if (load.equals(eurLoad)) {
                ((ObjectNode) created.get("data")).put("currency", "EUR");
            }
            events.add(created);
            events.add(delivered("m-" + load, load, "2026-11-02T15:40:00Z"));
        }
        logisync.send(events);
        assertThat(logisync.records("account.move")).isEmpty();
    }

    /** The PODs, each in a request of its own, all at once: their invoices reach the batch together. */
    private void podsAtOnce() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(N);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String load : loads()) {
                sent.add(senders.submit(() -> logisync.send(Events.MAPPER.createArrayNode().add(pod("p-" + load,
                        load)))));
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

    private Map<String, Object> invoiceOf(String load) {
        List<Map<String, Object>> found = logisync.records("account.move").stream()
                .filter(m -> load.equals(m.get("ref"))).toList();
        assertThat(found).as("invoices of " + load).hasSize(1);
        return found.get(0);
    }

    @Test
    void shouldCreateAndPostAWindowOfInvoicesInOneCallEach() throws Exception {
        start();
        deliverAll(null);
        logisync.odoo().clearCalls();

        podsAtOnce();

        assertThat(moveCalls("create")).singleElement().satisfies(c -> assertThat(c.records()).isEqualTo(N));
        assertThat(moveCalls("action_post")).singleElement().satisfies(c -> assertThat(c.records()).isEqualTo(N));
        // all looked for in Odoo by reference in one call before the create; their numbers read in one call
        assertThat(moveCalls("search_read")).singleElement();
        assertThat(moveCalls("read")).singleElement().satisfies(c -> assertThat(c.records()).isEqualTo(N));
        assertThat(logisync.records("account.move")).hasSize(N);
        for (String load : loads()) {
            Map<String, Object> invoice = invoiceOf(load);
            assertThat(invoice.get("move_type")).isEqualTo("out_invoice");
            assertThat(invoice.get("state")).isEqualTo("posted");
            assertThat(invoice.get("invoice_origin")).isEqualTo(load);
            assertThat(new BigDecimal(String.valueOf(invoice.get("amount_untaxed")))).isEqualByComparingTo("787.60");
            List<Map<String, Object>> lines = logisync.records("account.move.line").stream()
                    .filter(l -> "product".equals(l.get("display_type"))
                            && ((List<?>) l.get("move_id")).get(0).equals(invoice.get("id"))).toList();
            assertThat(lines).extracting(l -> new BigDecimal(String.valueOf(l.get("price_unit"))))
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactlyInAnyOrder(new BigDecimal("640.00"), new BigDecimal("57.60"),
                            new BigDecimal("45.00"));
            assertThat(logisync.db().queryForObject("SELECT odoo_id FROM binding WHERE kind = 'customer-invoice'"
                    + " AND external_ref = ?", Long.class, load)).isEqualTo(((Number) invoice.get("id")).longValue());
            assertThat(logisync.db().queryForObject("SELECT invoice_number FROM shipment WHERE load_ref = ?",
                    String.class, load)).isEqualTo(invoice.get("name"));
        }
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class)).isZero();
    }

    @Test
    void shouldAttachTheProofsOfDeliveryOfABatchInOneCreate() throws Exception {
        // the attachments wait long enough for all of the batch's to join, on however slow a machine
        start("--logisync.invoicing.pod-attach.quiet-ms=2000", "--logisync.invoicing.pod-attach.max-wait-ms=5000");
        deliverAll(null);
        logisync.odoo().clearCalls();

        podsAtOnce();

        assertThat(logisync.odoo().calls()).filteredOn(c -> "ir.attachment".equals(c.model()))
                .singleElement().satisfies(c -> {
                    assertThat(c.method()).isEqualTo("create");
                    assertThat(c.records()).isEqualTo(N);
                });
        List<Map<String, Object>> attachments = logisync.records("ir.attachment");
        assertThat(attachments).hasSize(N);
        for (String load : loads()) {
            Object invoiceId = invoiceOf(load).get("id");
            assertThat(attachments).filteredOn(a -> invoiceId.equals(a.get("res_id"))).singleElement()
                    .satisfies(a -> assertThat(a.get("url")).isEqualTo("https://tms.example.com/pod/" + load
                            + ".pdf"));
            assertThat(logisync.db().queryForObject("SELECT attachment_id FROM pod_document WHERE load_ref = ?",
                    Long.class, load)).isNotNull();
        }
    }

    @Test
    void shouldLookForAndMakeTheAnalyticAccountsOfABatchInOneCallEach() throws Exception {
        // the accounts wait long enough for all of the batch's to join, on however slow a machine
        start("--logisync.analytic.batch.quiet-ms=2000", "--logisync.analytic.batch.max-wait-ms=5000");
        deliverAll(null);
        // finance made L-B2's account by hand already: it is found and used, not made a second time
        OdooClient odoo = logisync.bean("odooClient", OdooClient.class);
        long handMade = odoo.create("account.analytic.account", List.of(Map.of("name", "L-B2", "plan_id",
                odoo.searchRead("account.analytic.plan", List.of(List.of("name", "=", "Projects")), List.of("id"), 1,
                        "id", null).get(0).id())), null).get(0);
        logisync.odoo().clearCalls();

        podsAtOnce();

        List<SimulatorCall> calls = logisync.odoo().calls().stream()
                .filter(c -> "account.analytic.account".equals(c.model())).toList();
        assertThat(calls).extracting(SimulatorCall::method).containsExactly("search_read", "create");
        assertThat(calls.get(1).records()).isEqualTo(N - 1);
        assertThat(logisync.records("account.analytic.account")).extracting(a -> a.get("name"))
                .containsExactlyInAnyOrderElementsOf(loads());
        for (String load : loads()) {
            long account = logisync.analyticAccount(load);
            if (load.equals("L-B2")) {
                assertThat(account).isEqualTo(handMade);
            }
            assertThat(logisync.productLines(invoiceOf(load))).isNotEmpty().allSatisfy(line -> assertThat(
                    line.get("analytic_distribution")).isEqualTo(Map.of(String.valueOf(account), 100.0)));
        }
    }

    @Test
    void shouldParkEveryAttachmentOfABatchWhoseCreateFailsAndPostTheInvoices() throws Exception {
        start("--logisync.invoicing.pod-attach.quiet-ms=2000", "--logisync.invoicing.pod-attach.max-wait-ms=5000");
        deliverAll(null);
        logisync.odoo().faults().inject(Fault.serviceUnavailable().on("ir.attachment", "create"));

        podsAtOnce();

        loads().forEach(load -> assertThat(invoiceOf(load).get("state")).isEqualTo("posted"));
        assertThat(logisync.records("ir.attachment")).isEmpty();
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message WHERE reason ="
                + " 'ODOO_UNAVAILABLE'", Integer.class)).isEqualTo(N);
    }

    @Test
    void shouldParkTheOneInvoiceOdooRefusesAndPostTheOthers() throws Exception {
        start();
        deliverAll("L-B3");
        // finance deactivates the euro after L-B3 was accepted: Odoo refuses to post an invoice in it
        OdooClient odoo = logisync.bean("odooClient", OdooClient.class);
        long eur = odoo.searchRead("res.currency", List.of(List.of("name", "=", "EUR")), List.of("id"), 1, "id",
                null).stream().map(OdooRecord::id).findFirst().orElseThrow();
        odoo.write("res.currency", List.of(eur), Map.of("active", false), null);
        logisync.odoo().clearCalls();

        podsAtOnce();

        assertThat(moveCalls("create")).singleElement().satisfies(c -> assertThat(c.records()).isEqualTo(N));
        for (String load : loads()) {
            assertThat(invoiceOf(load).get("state")).as(load).isEqualTo(load.equals("L-B3") ? "draft" : "posted");
        }
        List<Map<String, Object>> parked = logisync.db().queryForList("SELECT subject, reason, detail FROM"
                + " parked_message");
        assertThat(parked).singleElement().satisfies(row -> {
            assertThat(row.get("SUBJECT")).isEqualTo("L-B3");
            assertThat(row.get("REASON")).isEqualTo("ODOO_REJECTED");
            assertThat(String.valueOf(row.get("DETAIL"))).contains("inactive currency: EUR");
        });
        // the refused one is bound to its draft, so a replay posts it instead of creating a second
        assertThat(logisync.db().queryForObject("SELECT odoo_id FROM binding WHERE kind = 'customer-invoice'"
                + " AND external_ref = 'L-B3'", Long.class))
                .isEqualTo(((Number) invoiceOf("L-B3").get("id")).longValue());
    }

    @Test
    void shouldMakeNoSecondInvoiceWhenTheReplyOfABatchedCreateIsLost() throws Exception {
        start("--logisync.invoicing.batch.timeout-ms=1000");
        deliverAll(null);
        logisync.odoo().faults().inject(Fault.lostReply().on("account.move", "create").times(1));
        logisync.odoo().clearCalls();

        podsAtOnce();

        assertThat(logisync.records("account.move")).hasSize(N);
        assertThat(moveCalls("create")).hasSize(1);
        // each attempt looks for them by reference first: the replay finds them, and makes none again
        assertThat(moveCalls("search_read")).hasSize(2);
        loads().forEach(load -> assertThat(invoiceOf(load).get("state")).isEqualTo("posted"));
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class)).isZero();
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM binding WHERE kind = 'customer-invoice'",
                Integer.class)).isEqualTo(N);
    }

    @Test
    void shouldPostEachInvoiceOnceWhenTheReplyOfABatchedPostIsLost() throws Exception {
        start("--logisync.invoicing.batch.timeout-ms=1000");
        deliverAll(null);
        logisync.odoo().faults().inject(Fault.lostReply().on("account.move", "action_post").times(1));
        logisync.odoo().clearCalls();

        podsAtOnce();

        assertThat(logisync.records("account.move")).hasSize(N);
        assertThat(moveCalls("create")).singleElement().satisfies(c -> assertThat(c.records()).isEqualTo(N));
        // the lost post went through; the retry read the states and posted nothing again
        assertThat(moveCalls("action_post")).hasSize(1);
        loads().forEach(load -> assertThat(invoiceOf(load).get("state")).isEqualTo("posted"));
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class)).isZero();
        assertThat(logisync.db().queryForList("SELECT invoice_number FROM shipment WHERE invoice_number IS NOT"
                + " NULL")).hasSize(N);
    }

    @Test
    void shouldNotHoldALoneInvoiceForTheWindowWhenNothingElseIsUnderWay() throws Exception {
        // eager (the default): a batch closes as soon as every invoice under way has joined it
        logisync = LogisyncHarness.start("--logisync.invoicing.batch.size=30",
                "--logisync.invoicing.batch.timeout-ms=60000");
        logisync.send(Events.MAPPER.createArrayNode().add(customer("c-1", "ACME", "Acme Retail Inc.")));

        logisync.send(Events.MAPPER.createArrayNode().add(shipment("s-1", "L-ALONE", "ACME",
                charge("LINEHAUL", "1", "640.00"))).add(delivered("m-1", "L-ALONE", "2026-11-02T15:40:00Z"))
                .add(pod("p-1", "L-ALONE")));

        assertThat(invoiceOf("L-ALONE").get("state")).isEqualTo("posted");
        MoveBatches batches = logisync.bean("customerInvoiceBatches", MoveBatches.class);
        assertThat(batches.batchesClosedBy()).containsOnlyKeys("predicate").containsEntry("predicate", 1L);
        assertThat(moveCalls("create")).singleElement().satisfies(c -> assertThat(c.records()).isEqualTo(1));
    }

    @Test
    void shouldMakeInvoicesOneByOneWithBatchSizeOne() throws Exception {
        start("--logisync.invoicing.batch.size=1");
        deliverAll(null);
        logisync.odoo().clearCalls();

        podsAtOnce();

        assertThat(moveCalls("create")).hasSize(N).allSatisfy(c -> assertThat(c.records()).isEqualTo(1));
        assertThat(moveCalls("action_post")).hasSize(N).allSatisfy(c -> assertThat(c.records()).isEqualTo(1));
        loads().forEach(load -> assertThat(invoiceOf(load).get("state")).isEqualTo("posted"));
        assertThat(logisync.bean("customerInvoiceBatches", MoveBatches.class).moves()).isZero();
    }
}
