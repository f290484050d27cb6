package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Field values in Odoo's wire format, whatever the protocol. */
class WireFormatTest {

    private OdooSimulator odoo;
    private WireClient client;

    @BeforeEach
    void start() {
        odoo = OdooSimulator.builder().clock(Clock.fixed(Instant.parse("2026-12-03T19:29:09.750Z"), ZoneOffset.UTC))
                .start();
        client = new WireClient(odoo);
    }

    @AfterEach
    void stop() {
        odoo.close();
    }

    @Test
    void shouldReadEmptyValuesAsFalseAndEmptyX2manyAsAnEmptyList() {
        long partner = odoo.store().insert("res.partner", Map.of("name", "Bare"));

        JsonNode read = client.call("res.partner", "read", Map.of("ids", List.of(partner), "fields",
                List.of("email", "state_id", "parent_id", "activity_date_deadline", "category_id", "child_ids",
                        "credit_limit", "customer_rank", "is_company", "company_type", "tz"))).get(0);

        for (String field : List.of("email", "state_id", "parent_id", "activity_date_deadline", "tz", "is_company")) {
            assertThat(read.get(field).isBoolean()).as(field).isTrue();
            assertThat(read.get(field).asBoolean()).as(field).isFalse();
        }
        assertThat(read.get("category_id").isArray()).isTrue();
        assertThat(read.get("child_ids")).isEmpty();
        assertThat(read.get("credit_limit").toString()).isEqualTo("0.0");
        assertThat(read.get("customer_rank").toString()).isEqualTo("0");
        assertThat(read.get("company_type").asText()).isEqualTo("person");
        assertThat(client.call("res.partner", "read", Map.of("ids", List.of(partner))).get(0).toString())
                .doesNotContain("null");
    }

    @Test
    void shouldWriteDatetimesInUtcWithoutZoneFractionOrT() {
        long partner = odoo.store().insert("res.partner", Map.of("name", "Dated"));

        JsonNode read = client.call("res.partner", "search_read", Map.of("domain", List.of(List.of("id", "=",
                partner)), "fields", List.of("create_date", "write_date"), "context",
                Map.of("tz", "Europe/Brussels"))).get(0);

        assertThat(read.get("create_date").asText()).isEqualTo("2026-12-03 19:29:09");
        assertThat(read.get("write_date").asText()).isEqualTo("2026-12-03 19:29:09");
    }

    @Test
    void shouldRefuseAnIsoDatetimeWithATLikeOdoo() {
        long partner = odoo.store().insert("res.partner", Map.of("name", "Dated"));
        long move = odoo.store().insert("account.move", Map.of("move_type", "out_invoice", "partner_id", partner));

        WireClient.Answer answer = client.json2("account.move", "search_count", Map.of("domain",
                List.of(List.of("create_date", ">", "2026-12-03T00:00:00"))));
        WireClient.Answer dated = client.json2("account.move", "write", Map.of("ids", List.of(move), "vals",
                Map.of("invoice_date", "03/12/2026")));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("time data '2026-12-03T00:00:00' does not match format '%Y-%m-%d %H:%M:%S'");
        assertThat(dated.json().get("name").asText()).isEqualTo("builtins.ValueError");
    }

    @Test
    void shouldReadAMany2oneAsIdAndDisplayName() {
        long company = odoo.store().insert("res.partner", Map.of("name", "Acme", "is_company", true));
        long person = odoo.store().insert("res.partner", Map.of("name", "Jane", "parent_id", company));

        JsonNode read = client.call("res.partner", "read", Map.of("ids", List.of(person), "fields",
                List.of("parent_id", "display_name", "commercial_partner_id"))).get(0);
        JsonNode product = client.call("product.product", "search_read", Map.of("domain",
                List.of(List.of("default_code", "=", "LINEHAUL")), "fields", List.of("product_tmpl_id", "uom_id",
                "display_name"))).get(0);

        assertThat(read.get("parent_id").toString()).isEqualTo("[" + company + ",\"Acme\"]");
        assertThat(read.get("display_name").asText()).isEqualTo("Acme, Jane");
        assertThat(read.get("commercial_partner_id").get(0).asLong()).isEqualTo(company);
        assertThat(product.get("display_name").asText()).isEqualTo("[LINEHAUL] Linehaul");
        assertThat(product.get("product_tmpl_id").get(1).asText()).isEqualTo("[LINEHAUL] Linehaul");
        assertThat(product.get("uom_id").toString()).isEqualTo("[1,\"Units\"]");
    }

    @Test
    void shouldRoundTripIdsAboveTwoToTheThirtyFirst() {
        long wide = 3_000_000_000L;
        odoo.store().setNextId("res.partner", wide);
        odoo.store().setNextId("account.move", wide + 10);

        long partner = client.call("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "Wide"))))
                .get(0).asLong();
        long move = client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type",
                "out_invoice", "partner_id", partner)))).get(0).asLong();
        JsonNode viaRpc = client.executeKw("account.move", "read", List.of(List.of(move), List.of("partner_id")),
                Map.of()).json().get("result").get(0);

        assertThat(partner).isEqualTo(wide);
        assertThat(move).isEqualTo(wide + 10);
        assertThat(viaRpc.get("id").asLong()).isEqualTo(wide + 10);
        assertThat(viaRpc.get("partner_id").get(0).asLong()).isEqualTo(wide);
        assertThat(client.call("res.partner", "search", Map.of("domain", List.of(List.of("id", "=", wide))))
                .get(0).asLong()).isEqualTo(wide);
        assertThat(client.call("account.move", "search_count", Map.of("domain",
                List.of(List.of("partner_id", "in", List.of(wide)))))
                .asLong()).isEqualTo(1L);
    }

    @Test
    void shouldShareAddressAndTaxIdOfTheCompanyWithItsContacts() {
        long company = client.call("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "Acme",
                "is_company", true, "vat", "US1", "country_id", 233, "city", "Dallas")))).get(0).asLong();
        long contact = client.call("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "Jane",
                "parent_id", company)))).get(0).asLong();

        client.call("res.partner", "write", Map.of("ids", List.of(company), "vals", Map.of("city", "Austin")));

        JsonNode read = client.call("res.partner", "read", Map.of("ids", List.of(contact), "fields",
                List.of("vat", "country_id", "city"))).get(0);
        assertThat(read.get("vat").asText()).isEqualTo("US1");
        assertThat(read.get("country_id").get(1).asText()).isEqualTo("United States");
        assertThat(read.get("city").asText()).isEqualTo("Austin");
    }

    @Test
    void shouldRefuseTextHoldingANulCharacterAsPostgresqlDoes() {
        WireClient.Answer answer = client.json2("res.partner", "create", Map.of("vals_list",
                List.of(Map.of("name", "Nul\u0000Co"))));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("name").asText()).isEqualTo("builtins.ValueError");
        assertThat(odoo.store().records("res.partner")).extracting(p -> p.get("name")).doesNotContain("Nul\u0000Co");
    }

    @Test
    void shouldRequireANameOnAContact() {
        WireClient.Answer answer = client.json2("res.partner", "create", Map.of("vals_list",
                List.of(Map.of("email", "noname@example.com"))));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("name").asText()).isEqualTo("odoo.exceptions.ValidationError");
        assertThat(answer.json().get("message").asText())
                .isEqualTo("The operation cannot be completed: Contacts require a name");
    }

    @Test
    void shouldKeepAttachmentsAsBase64WithAGuessedMimetype() {
        String pdf = java.util.Base64.getEncoder().encodeToString("%PDF-1.4 proof of delivery".getBytes());
        long attachment = client.call("ir.attachment", "create", Map.of("vals_list", List.of(Map.of("name",
                "pod.bin", "res_model", "account.move", "res_id", 7, "datas", pdf)))).get(0).asLong();

        JsonNode read = client.call("ir.attachment", "read", Map.of("ids", List.of(attachment), "fields",
                List.of("datas", "mimetype", "type", "file_size", "url", "res_id"))).get(0);

        assertThat(read.get("datas").asText()).isEqualTo(pdf);
        assertThat(read.get("mimetype").asText()).isEqualTo("application/pdf");
        assertThat(read.get("type").asText()).isEqualTo("binary");
        assertThat(read.get("file_size").asLong()).isEqualTo(26L);
        assertThat(read.get("url").asBoolean(true)).isFalse();
        assertThat(read.get("res_id").asLong()).isEqualTo(7L);
    }

    @Test
    void shouldDescribeFieldsWithOdoosAttributes() {
        JsonNode fields = client.call("account.move", "fields_get", Map.of("allfields", List.of("state",
                "partner_id", "amount_total"), "attributes", List.of("type", "string", "required", "relation")));

        assertThat(fields.get("state").toString())
                .isEqualTo("{\"required\":true,\"string\":\"Status\",\"type\":\"selection\"}");
        assertThat(fields.get("partner_id").get("relation").asText()).isEqualTo("res.partner");
        assertThat(fields.get("amount_total").get("type").asText()).isEqualTo("monetary");
        assertThat(fields.has("name")).isFalse();
    }
}
