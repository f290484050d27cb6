package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Odoo's multi-company behaviour on the wire: allowed companies are checked, and the current one makes the move. */
class MultiCompanyTest {

    private OdooSimulator odoo;
    private WireClient client;
    private long customer;

    @BeforeEach
    void start() {
        odoo = OdooSimulator.start(0);
        client = new WireClient(odoo);
        customer = odoo.store().insert("res.partner", Map.of("name", "Acme Retail", "is_company", true));
    }

    @AfterEach
    void stop() {
        odoo.close();
    }

    @Test
    void shouldCreateAnInvoiceInTheFirstAllowedCompanyWithItsJournalAndCurrency() {
        long canada = odoo.store().addCompany("Logisync Canada", "CAD");

        long invoice = client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type",
                "out_invoice", "partner_id", customer)), "context", Map.of("allowed_company_ids",
                List.of(canada, 1)))).get(0).asLong();

        JsonNode move = client.call("account.move", "read", Map.of("ids", List.of(invoice), "fields",
                List.of("company_id", "currency_id", "journal_id"))).get(0);
        assertThat(move.at("/company_id/0").asLong()).isEqualTo(canada);
        assertThat(move.at("/currency_id/1").asText()).isEqualTo("CAD");
        long journal = move.at("/journal_id/0").asLong();
        assertThat(client.call("account.journal", "read", Map.of("ids", List.of(journal), "fields",
                List.of("company_id", "type"))).get(0).at("/company_id/0").asLong()).isEqualTo(canada);
    }

    @Test
    void shouldRefuseACompanyTheUserMayNotWorkIn() {
        long other = odoo.store().insert("res.company", Map.of("name", "Not Ours Ltd", "currency_id", 2L));

        WireClient.Answer answer = client.json2("res.partner", "search_read", Map.of("domain", List.of(),
                "fields", List.of("id"), "context", Map.of("allowed_company_ids", List.of(other))));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("name").asText()).isEqualTo("odoo.exceptions.AccessError");
        assertThat(answer.json().get("message").asText()).isEqualTo("Access to unauthorized or invalid companies.");
    }

    @Test
    void shouldRefuseAJournalOfAnotherCompany() {
        long canada = odoo.store().addCompany("Logisync Canada", "CAD");

        WireClient.Answer answer = client.json2("account.move", "create", Map.of("vals_list", List.of(Map.of(
                "move_type", "out_invoice", "partner_id", customer, "company_id", canada, "journal_id", 1))));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("message").asText()).startsWith("Incompatible companies on records");
    }

    @Test
    void shouldSayWhenTheCompanyHasNoJournalOfTheType() {
        long bare = odoo.store().insert("res.company", Map.of("name", "Bare Co", "currency_id", 2L));

        WireClient.Answer answer = client.json2("account.move", "create", Map.of("vals_list", List.of(Map.of(
                "move_type", "out_invoice", "partner_id", customer, "company_id", bare))));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("No journal could be found in company Bare Co for any of those types: sale");
    }
}
