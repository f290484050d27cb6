package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invoices and bills over JSON-2, with amounts worked out by hand. */
class InvoiceBehaviourTest {

    private static final List<String> MOVE_FIELDS = List.of("name", "state", "move_type", "payment_state",
            "amount_untaxed", "amount_tax", "amount_total", "amount_residual", "invoice_line_ids", "invoice_date",
            "date", "invoice_date_due", "reversed_entry_id", "reversal_move_ids", "partner_id", "currency_id",
            "journal_id", "ref");

    private OdooSimulator odoo;
    private WireClient client;
    private long customer;
    private long detention;

    @BeforeEach
    void start() {
        odoo = WireClient.fixedClockSimulator();
        client = new WireClient(odoo);
        customer = WireClient.company(odoo, "Acme Freight");
        detention = productId("DETENTION");
    }

    @AfterEach
    void stop() {
        odoo.close();
    }

    @Test
    void shouldMoveAnInvoiceDatedInALockedPeriodToTheFirstOpenDay() {
        client.call("res.company", "write", Map.of("ids", List.of(1), "vals", Map.of("sale_lock_date",
                "2026-10-31")));
        long invoice = client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type",
                "out_invoice", "partner_id", customer, "invoice_date", "2026-10-15", "invoice_line_ids",
                List.of(line(detention, "Detention", 1, 75)))))).get(0).asLong();

        post(invoice);

        JsonNode move = readMove(invoice);
        assertThat(move.get("invoice_date").asText()).isEqualTo("2026-10-15");
        assertThat(move.get("date").asText()).isEqualTo("2026-11-01");
    }

    @Test
    void shouldRefuseToResetAMoveOfALockedPeriodToDraft() {
        long invoice = client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type",
                "out_invoice", "partner_id", customer, "invoice_date", "2026-10-15", "invoice_line_ids",
                List.of(line(detention, "Detention", 1, 75)))))).get(0).asLong();
        post(invoice);
        client.call("res.company", "write", Map.of("ids", List.of(1), "vals", Map.of("fiscalyear_lock_date",
                "2026-10-31")));

        WireClient.Answer refused = client.json2("account.move", "button_draft", Map.of("ids", List.of(invoice)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("name").asText()).isEqualTo("odoo.exceptions.UserError");
        assertThat(refused.json().get("message").asText())
                .isEqualTo("You cannot modify entries prior to and inclusive of the lock date 10/31/2026.");
        assertThat(readMove(invoice).get("state").asText()).isEqualTo("posted");
    }

    private long productId(String code) {
        return client.productId(code);
    }

    private static List<Object> line(long product, String name, double quantity, double price) {
        return List.of(0, 0, Map.of("product_id", product, "name", name, "quantity", quantity, "price_unit", price));
    }

    private long createMove(String type, Object... lines) {
        return client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type", type,
                "partner_id", customer, "invoice_date", "2026-12-03", "invoice_line_ids", List.of(lines)))))
                .get(0).asLong();
    }

    private JsonNode readMove(long id) {
        return client.call("account.move", "read", Map.of("ids", List.of(id), "fields", MOVE_FIELDS)).get(0);
    }

    private void post(long id) {
        assertThat(client.call("account.move", "action_post", Map.of("ids", List.of(id))).asBoolean()).isFalse();
    }

    @Test
    void shouldComputeTaxPerLineThenSumAndRoundHalfUp() {
        long invoice = createMove("out_invoice", line(detention, "Detention 3 days", 3, 75.0),
                line(detention, "Weekend surcharge", 1, 40.5));

        JsonNode move = readMove(invoice);
        assertThat(move.get("amount_untaxed").asDouble()).isEqualTo(265.50);
        // 225.00 x 15 % = 33.75 and 40.50 x 15 % = 6.075, rounded up to 6.08
        assertThat(move.get("amount_tax").asDouble()).isEqualTo(39.83);
        assertThat(move.get("amount_total").asDouble()).isEqualTo(305.33);
        assertThat(move.get("amount_residual").asDouble()).isEqualTo(305.33);
        assertThat(move.get("amount_total").isFloatingPointNumber()).isTrue();
        JsonNode lines = client.call("account.move.line", "read", Map.of("ids", move.get("invoice_line_ids"),
                "fields", List.of("price_subtotal", "price_total", "tax_ids", "account_id", "quantity")));
        assertThat(lines.get(0).get("price_subtotal").asDouble()).isEqualTo(225.0);
        assertThat(lines.get(0).get("price_total").asDouble()).isEqualTo(258.75);
        assertThat(lines.get(1).get("price_total").asDouble()).isEqualTo(46.58);
        assertThat(lines.get(0).get("quantity").toString()).isEqualTo("3.0");
        assertThat(lines.get(0).get("account_id").get(1).asText()).isEqualTo("Product Sales");
    }

    @Test
    void shouldKeepUnitPricesToTheCentAndQuantitiesToThreeDecimalsAsOdooDoes() {
        long invoice = createMove("out_invoice", line(detention, "Thirds", 3, 33.333333),
                line(detention, "Half cent", 2.00049, 100.005));

        JsonNode lines = client.call("account.move.line", "read", Map.of("ids", readMove(invoice)
                .get("invoice_line_ids"), "fields", List.of("price_unit", "quantity", "price_subtotal")));
        // "Product Price" has 2 digits: 33.333333 is kept as 33.33, so 3 lines of it make 99.99, not 100.00
        assertThat(lines.get(0).get("price_unit").asDouble()).isEqualTo(33.33);
        assertThat(lines.get(0).get("price_subtotal").asDouble()).isEqualTo(99.99);
        // 100.005 rounds half away from zero to 100.01; "Product Unit of Measure" keeps 2.00049 as 2.0
        assertThat(lines.get(1).get("price_unit").asDouble()).isEqualTo(100.01);
        assertThat(lines.get(1).get("quantity").asDouble()).isEqualTo(2.0);
        assertThat(lines.get(1).get("price_subtotal").asDouble()).isEqualTo(200.02);
    }

    @Test
    void shouldApplyTheProductsTaxesPriceAndNameToALineThatOmitsThem() {
        client.call("product.product", "write", Map.of("ids", List.of(detention), "vals",
                Map.of("list_price", 80.0, "standard_price", 50.0)));
        long invoice = client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type",
                "out_invoice", "partner_id", customer, "invoice_line_ids", List.of(List.of(0, 0,
                        Map.of("product_id", detention))))))).get(0).asLong();
        long bill = client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type",
                "in_invoice", "partner_id", customer, "invoice_line_ids", List.of(List.of(0, 0,
                        Map.of("product_id", detention, "quantity", 2))))))).get(0).asLong();

        JsonNode sale = client.call("account.move.line", "search_read", Map.of("domain",
                List.of(List.of("move_id", "=", invoice)), "fields", List.of("name", "price_unit", "tax_ids")))
                .get(0);
        assertThat(sale.get("name").asText()).isEqualTo("[DETENTION] Detention");
        assertThat(sale.get("price_unit").asDouble()).isEqualTo(80.0);
        assertThat(sale.get("tax_ids").get(0).asLong()).isEqualTo(1L);
        JsonNode purchase = client.call("account.move.line", "search_read", Map.of("domain",
                List.of(List.of("move_id", "=", bill)), "fields", List.of("price_unit", "tax_ids", "account_id")))
                .get(0);
        assertThat(purchase.get("price_unit").asDouble()).isEqualTo(50.0);
        assertThat(purchase.get("tax_ids").get(0).asLong()).isEqualTo(2L);
        assertThat(purchase.get("account_id").get(1).asText()).isEqualTo("Expenses");
        assertThat(readMove(bill).get("amount_total").asDouble()).isEqualTo(115.0);
    }

    @Test
    void shouldNumberMovesOnlyWhenPostedPerJournalAndPeriod() {
        long first = createMove("out_invoice", line(detention, "a", 1, 10));
        long second = createMove("out_invoice", line(detention, "b", 1, 10));
        long bill = createMove("in_invoice", line(detention, "c", 1, 10));
        long refund = createMove("out_refund", line(detention, "d", 1, 10));
        assertThat(readMove(first).get("name").asBoolean(true)).isFalse();
        assertThat(readMove(first).get("name").isBoolean()).isTrue();

        post(second);
        post(first);
        post(bill);
        post(refund);

        assertThat(readMove(second).get("name").asText()).isEqualTo("INV/2026/00001");
        assertThat(readMove(first).get("name").asText()).isEqualTo("INV/2026/00002");
        assertThat(readMove(bill).get("name").asText()).isEqualTo("BILL/2026/12/0001");
        assertThat(readMove(refund).get("name").asText()).isEqualTo("RINV/2026/00001");
        assertThat(readMove(first).get("state").asText()).isEqualTo("posted");
    }

    @Test
    void shouldRefuseNewLinesOnAPostedInvoice() {
        long invoice = createMove("out_invoice", line(detention, "a", 1, 10));
        post(invoice);

        WireClient.Answer answer = client.json2("account.move", "write", Map.of("ids", List.of(invoice), "vals",
                Map.of("invoice_line_ids", List.of(line(detention, "extra", 1, 10)))));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("name").asText()).isEqualTo("odoo.exceptions.UserError");
        assertThat(answer.json().get("message").asText())
                .isEqualTo("You cannot modify the following readonly fields on a posted move: invoice_line_ids");
        assertThat(readMove(invoice).get("invoice_line_ids")).hasSize(1);
    }

    @Test
    void shouldNameEveryLockedFieldOfAPostedMoveButLetItsReferenceChange() {
        long invoice = createMove("out_invoice", line(detention, "a", 1, 10));
        post(invoice);

        Map<String, Object> vals = new java.util.LinkedHashMap<>();
        vals.put("invoice_date", "2020-01-01");
        vals.put("partner_id", customer);
        vals.put("amount_total", 1.0);
        WireClient.Answer refused = client.json2("account.move", "write", Map.of("ids", List.of(invoice), "vals",
                vals));
        assertThat(refused.json().get("message").asText()).isEqualTo(
                "You cannot modify the following readonly fields on a posted move: invoice_date, partner_id, "
                        + "amount_total");

        assertThat(client.call("account.move", "write", Map.of("ids", List.of(invoice), "vals",
                Map.of("ref", "PO-7"))).asBoolean()).isTrue();
        assertThat(readMove(invoice).get("ref").asText()).isEqualTo("PO-7");
    }

    @Test
    void shouldRefuseToDeleteAPostedInvoice() {
        long invoice = createMove("out_invoice", line(detention, "a", 1, 10));
        post(invoice);

        WireClient.Answer answer = client.json2("account.move", "unlink", Map.of("ids", List.of(invoice)));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("message").asText()).startsWith("You can't delete a posted journal item.");
    }

    @Test
    void shouldRefusePostingAMoveWithoutLines() {
        long empty = createMove("out_invoice");

        WireClient.Answer answer = client.json2("account.move", "action_post", Map.of("ids", List.of(empty)));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("message").asText()).isEqualTo("You need to add a line before posting.");
        assertThat(readMove(empty).get("state").asText()).isEqualTo("draft");
    }

    @Test
    void shouldDateACustomerInvoiceTodayWhenPostedWithoutADateButRequireOneOnABill() {
        long invoice = client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type",
                "out_invoice", "partner_id", customer, "invoice_line_ids", List.of(line(detention, "a", 1, 10))))))
                .get(0).asLong();
        long bill = client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type",
                "in_invoice", "partner_id", customer, "invoice_line_ids", List.of(line(detention, "a", 1, 10))))))
                .get(0).asLong();
        assertThat(readMove(invoice).get("invoice_date").asBoolean(true)).isFalse();

        post(invoice);
        WireClient.Answer refused = client.json2("account.move", "action_post", Map.of("ids", List.of(bill)));

        assertThat(readMove(invoice).get("invoice_date").asText()).isEqualTo("2026-12-03");
        assertThat(readMove(invoice).get("date").asText()).isEqualTo("2026-12-03");
        assertThat(refused.json().get("message").asText())
                .isEqualTo("The Bill/Refund date is required to validate this document.");
    }

    @Test
    void shouldReconcileAPostedRefundWithTheInvoiceItReverses() {
        long invoice = createMove("out_invoice", line(detention, "Detention 3 days", 3, 75.0),
                line(detention, "Weekend surcharge", 1, 40.5));
        post(invoice);
        long refund = client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type",
                "out_refund", "partner_id", customer, "invoice_date", "2026-12-03", "reversed_entry_id", invoice,
                "invoice_line_ids", List.of(line(detention, "credit", 1, 75.0)))))).get(0).asLong();
        assertThat(readMove(refund).get("reversed_entry_id").get(1).asText()).isEqualTo("INV/2026/00001");

        post(refund);

        JsonNode credit = readMove(refund);
        assertThat(credit.get("amount_total").asDouble()).isEqualTo(86.25);
        assertThat(credit.get("payment_state").asText()).isEqualTo("paid");
        assertThat(credit.get("amount_residual").asDouble()).isEqualTo(0.0);
        JsonNode original = readMove(invoice);
        assertThat(original.get("amount_residual").asDouble()).isEqualTo(219.08);
        assertThat(original.get("payment_state").asText()).isEqualTo("partial");
        assertThat(original.get("reversal_move_ids").get(0).asLong()).isEqualTo(refund);
    }

    @Test
    void shouldKeepPlainTextWrittenToAnHtmlFieldAsOneParagraph() {
        long invoice = createMove("out_invoice", line(detention, "Detention", 1, 75.0));

        client.call("account.move", "write", Map.of("ids", List.of(invoice), "vals", Map.of("narration",
                "Supplement to INV/2026/00001 & its load")));

        assertThat(client.call("account.move", "read", Map.of("ids", List.of(invoice), "fields",
                List.of("narration"))).get(0).get("narration").asText())
                .isEqualTo("<p>Supplement to INV/2026/00001 &amp; its load</p>");
    }

    @Test
    void shouldMarkAnInvoiceReversedOnceRefundsCoverItAndUndoItWhenTheRefundIsResetToDraft() {
        long invoice = createMove("out_invoice", line(detention, "a", 2, 50.0));
        post(invoice);
        long refund = client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type",
                "out_refund", "partner_id", customer, "reversed_entry_id", invoice,
                "invoice_line_ids", List.of(line(detention, "credit", 2, 50.0)))))).get(0).asLong();
        post(refund);
        assertThat(readMove(invoice).get("payment_state").asText()).isEqualTo("reversed");
        assertThat(readMove(invoice).get("amount_residual").asDouble()).isEqualTo(0.0);

        client.call("account.move", "button_draft", Map.of("ids", List.of(refund)));

        assertThat(readMove(invoice).get("payment_state").asText()).isEqualTo("not_paid");
        assertThat(readMove(invoice).get("amount_residual").asDouble()).isEqualTo(115.0);
        assertThat(readMove(refund).get("state").asText()).isEqualTo("draft");
        assertThat(readMove(refund).get("name").asText()).isEqualTo("RINV/2026/00001");
    }

    @Test
    void shouldCancelADraftAndAPostedMove() {
        long draft = createMove("out_invoice", line(detention, "a", 1, 10));
        long posted = createMove("out_invoice", line(detention, "b", 1, 10));
        post(posted);

        client.call("account.move", "button_cancel", Map.of("ids", List.of(draft, posted)));

        assertThat(readMove(draft).get("state").asText()).isEqualTo("cancel");
        assertThat(readMove(posted).get("state").asText()).isEqualTo("cancel");
        WireClient.Answer again = client.json2("account.move", "action_post", Map.of("ids", List.of(posted)));
        assertThat(again.json().get("message").asText()).isEqualTo("The entry INV/2026/00001 (id " + posted
                + ") must be in draft.");
    }

    @Test
    void shouldFollowPaymentsFromPartialToInPaymentToPaid() {
        long invoice = createMove("out_invoice", line(detention, "a", 2, 50.0));
        post(invoice);

        odoo.store().registerPayment(invoice, 15.0, false);
        assertThat(readMove(invoice).get("payment_state").asText()).isEqualTo("partial");
        assertThat(readMove(invoice).get("amount_residual").asDouble()).isEqualTo(100.0);
        odoo.store().registerPayment(invoice, 100.0, false);
        assertThat(readMove(invoice).get("payment_state").asText()).isEqualTo("in_payment");

        long other = createMove("out_invoice", line(detention, "b", 1, 10.0));
        post(other);
        odoo.store().registerPayment(other, 11.5, true);
        assertThat(readMove(other).get("payment_state").asText()).isEqualTo("paid");
    }

    @Test
    void shouldApplyX2manyCommandsToTheLinesOfADraft() {
        long invoice = createMove("out_invoice", line(detention, "a", 1, 10), line(detention, "b", 1, 20));
        List<Long> lines = ids(readMove(invoice).get("invoice_line_ids"));

        client.call("account.move", "write", Map.of("ids", List.of(invoice), "vals", Map.of("invoice_line_ids",
                List.of(List.of(1, lines.get(0), Map.of("price_unit", 100.0)), List.of(2, lines.get(1)),
                        line(detention, "c", 2, 5.0)))));

        JsonNode move = readMove(invoice);
        assertThat(move.get("invoice_line_ids")).hasSize(2);
        assertThat(move.get("amount_untaxed").asDouble()).isEqualTo(110.0);
        assertThat(client.call("account.move.line", "read", Map.of("ids", List.of(lines.get(1)))).size())
                .isZero();

        client.call("account.move", "write", Map.of("ids", List.of(invoice), "vals",
                Map.of("invoice_line_ids", List.of(List.of(5)))));
        assertThat(readMove(invoice).get("invoice_line_ids")).isEmpty();
        assertThat(readMove(invoice).get("amount_total").asDouble()).isEqualTo(0.0);
    }

    @Test
    void shouldReportALineWithAMissingProductAsMissingErrorAndCreateNothing() {
        int before = odoo.store().count("account.move");

        WireClient.Answer answer = client.json2("account.move", "create", Map.of("vals_list", List.of(Map.of(
                "move_type", "out_invoice", "partner_id", customer,
                "invoice_line_ids", List.of(line(999_999_999L, "ghost", 1, 1))))));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("name").asText()).isEqualTo("odoo.exceptions.MissingError");
        assertThat(answer.json().get("message").asText()).isEqualTo("Record does not exist or has been deleted.\n"
                + "(Record: product.product(999999999,), User: 2)");
        assertThat(odoo.store().count("account.move")).isEqualTo(before);
    }

    @Test
    void shouldRefuseToDeleteAPartnerOrAProductAnInvoiceStillUses() {
        createMove("out_invoice", line(detention, "a", 1, 10));

        WireClient.Answer partner = client.json2("res.partner", "unlink", Map.of("ids", List.of(customer)));
        WireClient.Answer product = client.json2("product.product", "unlink", Map.of("ids", List.of(detention)));

        assertThat(partner.status()).isEqualTo(422);
        assertThat(partner.json().get("message").asText()).startsWith("The operation cannot be completed: another "
                + "model requires the record being deleted.").contains("Model: Journal Entry (account.move)");
        assertThat(product.json().get("name").asText()).isEqualTo("odoo.exceptions.ValidationError");
        assertThat(odoo.store().record("product.product", detention)).isPresent();
    }

    @Test
    void shouldRefuseAnUnknownMoveType() {
        WireClient.Answer answer = client.json2("account.move", "create", Map.of("vals_list",
                List.of(Map.of("move_type", "no_such_type", "partner_id", customer))));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("Wrong value for account.move.move_type: 'no_such_type'");
    }

    @Test
    void shouldDueTheInvoiceAfterThePaymentTermsDelay() {
        long thirtyDays = client.call("account.payment.term", "search", Map.of("domain",
                List.of(List.of("name", "=", "30 Days")))).get(0).asLong();
        client.call("res.partner", "write", Map.of("ids", List.of(customer), "vals",
                Map.of("property_payment_term_id", thirtyDays)));

        long invoice = createMove("out_invoice", line(detention, "a", 1, 10));

        assertThat(readMove(invoice).get("invoice_date_due").asText()).isEqualTo("2027-01-02");
    }

    @Test
    void shouldKeepAnAnalyticDistributionAsAJsonObject() {
        long analytic = odoo.store().insert("account.analytic.account", Map.of("name", "Load 42"));
        long invoice = client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type",
                "out_invoice", "partner_id", customer, "invoice_line_ids", List.of(List.of(0, 0, Map.of(
                        "product_id", detention, "price_unit", 10.0,
                        "analytic_distribution", Map.of(String.valueOf(analytic), 100)))))))).get(0).asLong();

        JsonNode line = client.call("account.move.line", "search_read", Map.of("domain",
                List.of(List.of("move_id", "=", invoice)), "fields", List.of("analytic_distribution"))).get(0);

        assertThat(line.get("analytic_distribution").get(String.valueOf(analytic)).asInt()).isEqualTo(100);
    }

    @Test
    void shouldLetTwoBillsShareAVendorReferenceAndFlagTheDuplicate() {
        Map<String, Object> vals = Map.of("move_type", "in_invoice", "partner_id", customer, "ref", "VB-1",
                "invoice_date", "2026-12-03", "invoice_line_ids", List.of(line(detention, "a", 1, 10)));
        long first = client.call("account.move", "create", Map.of("vals_list", List.of(vals))).get(0).asLong();
        long second = client.call("account.move", "create", Map.of("vals_list", List.of(vals))).get(0).asLong();
        post(first);
        post(second);

        JsonNode read = client.call("account.move", "read", Map.of("ids", List.of(second), "fields",
                List.of("duplicated_ref_ids", "name")));
        assertThat(read.get(0).get("duplicated_ref_ids").get(0).asLong()).isEqualTo(first);
        assertThat(read.get(0).get("name").asText()).isEqualTo("BILL/2026/12/0002");
    }

    private static List<Long> ids(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asLong).toList();
    }
}
