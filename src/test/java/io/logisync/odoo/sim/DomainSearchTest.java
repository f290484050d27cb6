package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Searches with Odoo's domain operators, orders, limits and archived records. */
class DomainSearchTest {

    private static OdooSimulator odoo;
    private static WireClient client;
    private static long acme;
    private static long jane;
    private static long bob;
    private static long archived;
    private static long globex;

    @BeforeAll
    static void start() {
        odoo = OdooSimulator.start(0);
        client = new WireClient(odoo);
        SimulatorStore store = odoo.store();
        acme = store.insert("res.partner", Map.of("name", "Acme Freight", "is_company", true, "ref", "C-100",
                "credit_limit", 5000.0, "country_id", 233));
        jane = store.insert("res.partner", Map.of("name", "Jane Roe", "parent_id", acme, "email", "jane@acme.test",
                "ref", "C-101"));
        bob = store.insert("res.partner", Map.of("name", "bob_smith", "parent_id", jane, "ref", "c-102"));
        archived = store.insert("res.partner", Map.of("name", "Old Acme", "active", false, "ref", "C-100"));
        globex = store.insert("res.partner", Map.of("name", "Globex", "is_company", true, "credit_limit", 100.0,
                "country_id", 38));
    }

    @AfterAll
    static void stop() {
        odoo.close();
    }

    private static List<Long> search(List<?> domain) {
        return search(domain, Map.of());
    }

    private static List<Long> search(List<?> domain, Map<String, Object> extra) {
        Map<String, Object> params = new java.util.HashMap<>(extra);
        params.put("domain", domain);
        List<Long> ids = new ArrayList<>();
        client.call("res.partner", "search", params).forEach(node -> ids.add(node.asLong()));
        ids.retainAll(List.of(acme, jane, bob, archived, globex));
        return ids;
    }

    private static List<Object> leaf(String field, String operator, Object value) {
        return java.util.Arrays.asList(field, operator, value);
    }

    @Test
    void shouldCompareWithEqualityAndMembership() {
        assertThat(search(List.of(leaf("ref", "=", "C-100")))).containsExactly(acme);
        assertThat(search(List.of(leaf("ref", "!=", "C-100"), leaf("is_company", "=", true))))
                .containsExactly(globex);
        assertThat(search(List.of(leaf("ref", "=", false)))).containsExactly(globex);
        assertThat(search(List.of(leaf("id", "in", List.of(jane, bob))), Map.of("order", "id")))
                .containsExactly(jane, bob);
        assertThat(search(List.of(leaf("id", "not in", List.of(jane, bob))))).containsExactlyInAnyOrder(acme,
                globex);
    }

    @Test
    void shouldMatchPatternsLikeSql() {
        assertThat(search(List.of(leaf("name", "ilike", "ACME")))).containsExactly(acme);
        assertThat(search(List.of(leaf("name", "like", "ACME")))).isEmpty();
        assertThat(search(List.of(leaf("ref", "=like", "C-10%")), Map.of("order", "id")))
                .containsExactly(acme, jane);
        assertThat(search(List.of(leaf("ref", "=ilike", "c-10_")), Map.of("order", "id")))
                .containsExactly(acme, jane, bob);
        assertThat(search(List.of(leaf("name", "not ilike", "a")), Map.of("order", "id")))
                .containsExactly(bob, globex);
    }

    @Test
    void shouldCompareNumbersAndCombinePrefixOperators() {
        assertThat(search(List.of(leaf("credit_limit", ">", 100.0)))).containsExactly(acme);
        assertThat(search(List.of(leaf("credit_limit", ">=", 100.0)), Map.of("order", "id")))
                .containsExactly(acme, globex);
        assertThat(search(List.of("|", leaf("ref", "=", "C-101"), leaf("name", "=", "Globex")),
                Map.of("order", "id desc"))).containsExactly(globex, jane);
        assertThat(search(List.of("!", leaf("is_company", "=", true)), Map.of("order", "id")))
                .containsExactly(jane, bob);
        assertThat(search(List.of("&", leaf("is_company", "=", true), "!", leaf("credit_limit", "<", 1000))))
                .containsExactly(acme);
    }

    @Test
    void shouldCompareMany2oneByIdByNameAndAlongAPath() {
        assertThat(search(List.of(leaf("parent_id", "=", acme)))).containsExactly(jane);
        // the parent's display name counts: Jane's reads "Acme Freight, Jane Roe"
        assertThat(search(List.of(leaf("parent_id", "ilike", "acme")), Map.of("order", "id")))
                .containsExactly(jane, bob);
        assertThat(search(List.of(leaf("country_id.code", "=", "CA")))).containsExactly(globex);
        assertThat(search(List.of(leaf("id", "child_of", acme)), Map.of("order", "id")))
                .containsExactly(acme, jane, bob);
        assertThat(search(List.of(leaf("child_ids", "!=", false)), Map.of("order", "id"))).containsExactly(acme,
                jane);
    }

    @Test
    void shouldHideArchivedRecordsUnlessAskedFor() {
        assertThat(search(List.of(leaf("name", "ilike", "acme")))).doesNotContain(archived);
        assertThat(search(List.of(leaf("active", "=", false)))).containsExactly(archived);
        assertThat(search(List.of(leaf("ref", "=", "C-100")), Map.of("context", Map.of("active_test", false),
                "order", "id"))).containsExactly(acme, archived);
        assertThat(client.call("res.partner", "read", Map.of("ids", List.of(archived), "fields", List.of("active")))
                .get(0).get("active").asBoolean()).isFalse();
    }

    @Test
    void shouldOrderLimitAndOffset() {
        List<?> companies = List.of(leaf("id", "in", List.of(acme, jane, bob, globex)));
        assertThat(search(companies, Map.of("order", "name"))).containsExactly(acme, bob, globex, jane);
        assertThat(search(companies, Map.of("order", "is_company desc, id desc"))).containsExactly(globex, acme,
                bob, jane);
        assertThat(search(companies, Map.of("order", "id", "limit", 2, "offset", 1))).containsExactly(jane, bob);
        assertThat(client.call("res.partner", "search_count", Map.of("domain", companies, "limit", 3)).asLong())
                .isEqualTo(3L);
    }

    @Test
    void shouldRefuseAnUnknownFieldInADomain() {
        WireClient.Answer answer = client.json2("res.partner", "search_read", Map.of("domain",
                List.of(leaf("colour", "=", "red"))));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("Invalid field res.partner.colour in condition ('colour', '=', 'red')");
    }
}
