package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registering a payment on the wire as in Odoo 19: the account.payment.register wizard, then its payments. */
class PaymentRegisterTest {

    private OdooSimulator odoo;
    private WireClient client;
    private long customer;
    private long detention;

    @BeforeEach
    void start() {
        odoo = WireClient.fixedClockSimulator();
        client = new WireClient(odoo);
        customer = WireClient.company(odoo, "Acme Freight");
        detention = client.productId("DETENTION");
    }

    @AfterEach
    void stop() {
        odoo.close();
    }

    @Test
    void shouldRegisterAPartialThenTheRestThroughTheWizardOverJson2() {
        long invoice = postedInvoice(100.0);
        double total = readMove(invoice).get("amount_total").asDouble();

        long wizard = client.call("account.payment.register", "create", Map.of("vals_list", List.of(Map.of(
                "amount", 40.0, "payment_date", "2026-12-03")), "context", Map.of("active_model", "account.move",
                        "active_ids", List.of(invoice)))).get(0).asLong();
        JsonNode action = client.call("account.payment.register", "action_create_payments",
                Map.of("ids", List.of(wizard)));

        assertThat(action.get("res_model").asText()).isEqualTo("account.payment");
        long payment = action.get("res_id").asLong();
        JsonNode paid = client.call("account.payment", "read", Map.of("ids", List.of(payment), "fields",
                List.of("amount", "state", "partner_id", "journal_id", "payment_type", "partner_type", "invoice_ids",
                        "date", "name"))).get(0);
        assertThat(paid.get("amount").asDouble()).isEqualTo(40.0);
        assertThat(paid.get("state").asText()).isEqualTo("in_process");
        assertThat(paid.get("partner_id").get(0).asLong()).isEqualTo(customer);
        assertThat(paid.get("journal_id").get(1).asText()).isEqualTo("Bank");
        assertThat(paid.get("payment_type").asText()).isEqualTo("inbound");
        assertThat(paid.get("partner_type").asText()).isEqualTo("customer");
        assertThat(paid.get("invoice_ids")).extracting(JsonNode::asLong).containsExactly(invoice);
        assertThat(paid.get("name").asText()).isEqualTo("PBNK1/2026/00001");
        JsonNode move = readMove(invoice);
        assertThat(move.get("payment_state").asText()).isEqualTo("partial");
        assertThat(move.get("amount_residual").asDouble()).isEqualTo(total - 40.0);

        // the rest, with the wizard's default amount (what is left) over JSON-RPC, without redirect
        JsonNode rest = client.executeKw("account.payment.register", "create", List.of(List.of(Map.of())),
                Map.of("context", Map.of("active_model", "account.move", "active_ids", List.of(invoice),
                        "dont_redirect_to_payments", true))).json();
        long second = rest.get("result").get(0).asLong();
        JsonNode done = client.executeKw("account.payment.register", "action_create_payments",
                List.of(List.of(second)), Map.of("context", Map.of("dont_redirect_to_payments", true))).json();
        assertThat(done.get("result").asBoolean()).isTrue();
        move = readMove(invoice);
        // no bank statement matched yet: the outstanding account holds it
        assertThat(move.get("payment_state").asText()).isEqualTo("in_payment");
        assertThat(move.get("amount_residual").asDouble()).isZero();
    }

    @Test
    void shouldRefuseAWizardOnADraftOrWithoutInvoicesInItsContext() {
        long draft = client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type",
                "out_invoice", "partner_id", customer, "invoice_date", "2026-12-03", "invoice_line_ids",
                List.of(List.of(0, 0, Map.of("product_id", detention, "name", "d", "quantity", 1, "price_unit",
                        10))))))).get(0).asLong();

        WireClient.Answer onDraft = client.json2("account.payment.register", "create", Map.of("vals_list",
                List.of(Map.of()), "context", Map.of("active_model", "account.move", "active_ids", List.of(draft))));
        WireClient.Answer noContext = client.json2("account.payment.register", "create", Map.of("vals_list",
                List.of(Map.of())));

        assertThat(onDraft.status()).isEqualTo(422);
        assertThat(onDraft.json().get("name").asText()).isEqualTo("odoo.exceptions.UserError");
        assertThat(onDraft.json().get("message").asText()).contains("posted");
        assertThat(noContext.status()).isEqualTo(422);
        assertThat(noContext.json().get("message").asText()).contains("active_model account.move");
        assertThat(client.call("account.payment", "search_count", Map.of("domain", List.of())).asInt()).isZero();
    }

    private long postedInvoice(double price) {
        long invoice = client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type",
                "out_invoice", "partner_id", customer, "invoice_date", "2026-12-03", "invoice_line_ids",
                List.of(List.of(0, 0, Map.of("product_id", detention, "name", "d", "quantity", 1, "price_unit",
                        price))))))).get(0).asLong();
        client.call("account.move", "action_post", Map.of("ids", List.of(invoice)));
        return invoice;
    }

    private JsonNode readMove(long id) {
        return client.call("account.move", "read", Map.of("ids", List.of(id), "fields", List.of("payment_state",
                "amount_residual", "amount_total"))).get(0);
    }
}
