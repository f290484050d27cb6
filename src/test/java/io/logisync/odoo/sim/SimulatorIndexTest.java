package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's indexes (searches by field, one2many lines, move numbers) answering as a scan would: after writes
 * that change the field, after calls that fail and are rolled back, after unlinks and a reset.
 */
class SimulatorIndexTest {

    private OdooSimulator odoo;
    private WireClient client;
    private long customer;
    private long otherCustomer;
    private long detention;

    @BeforeEach
    void start() {
        odoo = WireClient.fixedClockSimulator();
        client = new WireClient(odoo);
        customer = WireClient.company(odoo, "Acme Freight");
        otherCustomer = WireClient.company(odoo, "Birch Logistics");
        detention = client.productId("DETENTION");
    }

    @AfterEach
    void stop() {
        odoo.close();
    }

    @Test
    void shouldFindMovesByReferenceAndPartnerAfterWritesChangeThem() {
        long first = createMove("SHP-1", customer, line("a", 10));
        long second = createMove("SHP-2", customer, line("b", 20));
        long third = createMove("SHP-1", otherCustomer, line("c", 30));
        assertThat(searchIds(List.of(List.of("ref", "in", List.of("SHP-1"))))).containsExactlyInAnyOrder(first, third);

        client.call("account.move", "write", Map.of("ids", List.of(third), "vals", Map.of("ref", "SHP-3",
                "partner_id", customer)));

        assertThat(searchIds(List.of(List.of("ref", "=", "SHP-1")))).containsExactly(first);
        assertThat(searchIds(List.of(List.of("ref", "=", "SHP-3")))).containsExactly(third);
        assertThat(searchIds(List.of(List.of("partner_id", "in", List.of(otherCustomer))))).isEmpty();
        assertThat(searchIds(List.of(List.of("partner_id", "=", customer), List.of("ref", "in",
                List.of("SHP-2", "SHP-3")), List.of("state", "=", "draft")))).containsExactlyInAnyOrder(second, third);
        // a term on another field after the indexed ones still narrows the answer
        assertThat(searchIds(List.of(List.of("ref", "in", List.of("SHP-2", "SHP-3")), List.of("amount_total", ">",
                25.0)))).containsExactly(third);
        // OR is answered by a scan, and agrees
        assertThat(searchIds(List.of("|", List.of("ref", "=", "SHP-1"), List.of("ref", "=", "SHP-3"))))
                .containsExactlyInAnyOrder(first, third);
        // clearing the field takes the record out of what it was found by
        client.call("account.move", "write", Map.of("ids", List.of(first), "vals", Map.of("ref", false)));
        assertThat(searchIds(List.of(List.of("ref", "=", "SHP-1")))).isEmpty();
        assertThat(searchIds(List.of(List.of("ref", "=", false), List.of("id", "in", List.of(first, second)))))
                .containsExactly(first);
        assertThat(client.call("account.move", "search_count", Map.of("domain", List.of(List.of("ref", "in",
                List.of("SHP-2", "SHP-3", "SHP-1"))))).asLong()).isEqualTo(2);
    }

    @Test
    void shouldFindNothingOfACreateThatFailedAndWasRolledBack() {
        long kept = createMove("SHP-1", customer, line("a", 10));
        int moves = odoo.store().count("account.move");
        int lines = odoo.store().count("account.move.line");

        // the first move and its first line are stored before the second line's product is found missing
        WireClient.Answer refused = client.json2("account.move", "create", Map.of("vals_list", List.of(
                move("SHP-9", customer, line("ok", 5)),
                move("SHP-9", customer, line("ok", 5), List.of(0, 0, Map.of("product_id", 999_999, "name", "x",
                        "quantity", 1, "price_unit", 1))))));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(odoo.store().count("account.move")).isEqualTo(moves);
        assertThat(odoo.store().count("account.move.line")).isEqualTo(lines);
        assertThat(searchIds(List.of(List.of("ref", "=", "SHP-9")))).isEmpty();
        assertThat(searchIds(List.of(List.of("partner_id", "=", customer)))).containsExactly(kept);
        JsonNode foundLines = client.call("account.move.line", "search", Map.of("domain",
                List.of(List.of("name", "=", "ok"))));
        assertThat(foundLines).isEmpty();
        // the ids the failed call took are given again, and the new records are found under them
        long next = createMove("SHP-10", customer, line("b", 1));
        assertThat(searchIds(List.of(List.of("ref", "=", "SHP-10")))).containsExactly(next);
        assertThat(readMove(next).get("invoice_line_ids")).hasSize(1);
    }

    @Test
    void shouldUndoInPlaceChangesOfAFailedWrite() {
        long invoice = createMove("SHP-1", customer, line("a", 10), line("b", 20));
        List<Long> lineIds = ids(readMove(invoice).get("invoice_line_ids"));
        List<Object> badLine = List.of(0, 0, Map.of("product_id", 999_999, "name", "x", "quantity", 1,
                "price_unit", 1));

        // the reference is put on the stored move, the first line deleted, the second moved, then the call fails
        WireClient.Answer refused = client.json2("account.move", "write", Map.of("ids", List.of(invoice), "vals",
                Map.of("ref", "SHP-NEW", "invoice_line_ids", List.of(List.of(2, lineIds.get(0)),
                        List.of(1, lineIds.get(1), Map.of("name", "renamed")), badLine))));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(searchIds(List.of(List.of("ref", "=", "SHP-NEW")))).isEmpty();
        assertThat(searchIds(List.of(List.of("ref", "=", "SHP-1")))).containsExactly(invoice);
        JsonNode move = readMove(invoice);
        assertThat(ids(move.get("invoice_line_ids"))).isEqualTo(lineIds);
        assertThat(move.get("amount_untaxed").asDouble()).isEqualTo(30.0);
        assertThat(client.call("account.move.line", "search", Map.of("domain", List.of(List.of("name", "=",
                "renamed"))))).isEmpty();
        assertThat(ids(client.call("account.move.line", "search", Map.of("domain", List.of(List.of("move_id", "=",
                invoice), List.of("display_type", "=", "product")))))).containsExactlyInAnyOrderElementsOf(lineIds);
    }

    @Test
    void shouldKeepInvoiceLinesRightThroughLineWritesAndUnlinks() {
        long first = createMove("SHP-1", customer, line("a", 10), line("b", 20));
        long second = createMove("SHP-2", customer, line("c", 40));
        List<Long> firstLines = ids(readMove(first).get("invoice_line_ids"));
        List<Long> secondLines = ids(readMove(second).get("invoice_line_ids"));

        client.call("account.move.line", "write", Map.of("ids", List.of(firstLines.get(1)), "vals",
                Map.of("move_id", second)));

        assertThat(ids(readMove(first).get("invoice_line_ids"))).containsExactly(firstLines.get(0));
        assertThat(ids(readMove(second).get("invoice_line_ids"))).containsExactlyInAnyOrder(secondLines.get(0),
                firstLines.get(1));
        assertThat(readMove(second).get("amount_untaxed").asDouble()).isEqualTo(60.0);

        client.call("account.move.line", "unlink", Map.of("ids", List.of(secondLines.get(0))));

        assertThat(ids(readMove(second).get("invoice_line_ids"))).containsExactly(firstLines.get(1));
        assertThat(readMove(second).get("amount_untaxed").asDouble()).isEqualTo(20.0);

        client.call("account.move", "unlink", Map.of("ids", List.of(second)));

        assertThat(searchIds(List.of(List.of("ref", "=", "SHP-2")))).isEmpty();
        assertThat(client.call("account.move.line", "search", Map.of("domain", List.of(List.of("move_id", "=",
                second))))).isEmpty();
        assertThat(odoo.store().record("account.move.line", firstLines.get(1))).isEmpty();
        assertThat(ids(readMove(first).get("invoice_line_ids"))).containsExactly(firstLines.get(0));
    }

    @Test
    void shouldNumberPostedMovesInSequenceAndRefuseToDeleteAllButTheLastNumber() {
        long first = createMove("SHP-1", customer, line("a", 10));
        long second = createMove("SHP-2", customer, line("b", 10));
        long third = createMove("SHP-3", customer, line("c", 10));
        post(first);
        post(second);
        post(third);
        assertThat(names(first, second, third)).containsExactly("INV/2026/00001", "INV/2026/00002",
                "INV/2026/00003");
        client.call("account.move", "button_draft", Map.of("ids", List.of(second, third)));

        WireClient.Answer refused = client.json2("account.move", "unlink", Map.of("ids", List.of(second)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("message").asText()).startsWith("You cannot delete this entry, as it has "
                + "already consumed a sequence number and is not the last one in the chain.");
        assertThat(client.call("account.move", "unlink", Map.of("ids", List.of(third))).asBoolean()).isTrue();
        // the last number is free again; the one below it is now the last of the chain
        long fourth = createMove("SHP-4", customer, line("d", 10));
        post(fourth);
        assertThat(names(fourth)).containsExactly("INV/2026/00003");
        assertThat(client.json2("account.move", "unlink", Map.of("ids", List.of(second))).status()).isEqualTo(422);
        client.call("account.move", "button_draft", Map.of("ids", List.of(fourth)));
        assertThat(client.call("account.move", "unlink", Map.of("ids", List.of(fourth))).asBoolean()).isTrue();
        assertThat(client.call("account.move", "unlink", Map.of("ids", List.of(second))).asBoolean()).isTrue();
        long fifth = createMove("SHP-5", customer, line("e", 10));
        post(fifth);
        assertThat(names(fifth)).containsExactly("INV/2026/00002");
    }

    @Test
    void shouldNotCountANumberGivenInACallThatFailed() {
        long first = createMove("SHP-1", customer, line("a", 10));
        post(first);
        long draft = createMove("SHP-2", customer, line("b", 10));
        long empty = client.call("account.move", "create", Map.of("vals_list", List.of(Map.of("move_type",
                "out_invoice", "partner_id", customer)))).get(0).asLong();

        // Odoo checks every move before posting any, so nothing is numbered
        assertThat(client.json2("account.move", "action_post", Map.of("ids", List.of(draft, empty))).status())
                .isEqualTo(422);
        // a number written on a move in a call that then fails does not count either
        WireClient.Answer refused = client.json2("account.move", "write", Map.of("ids", List.of(draft), "vals",
                Map.of("name", "INV/2026/00007", "invoice_line_ids", List.of(List.of(0, 0, Map.of("product_id",
                        999_999, "name", "x", "quantity", 1, "price_unit", 1))))));
        assertThat(refused.status()).isEqualTo(404);

        post(draft);
        assertThat(names(first, draft)).containsExactly("INV/2026/00001", "INV/2026/00002");
    }

    @Test
    void shouldStartAfreshAfterAResetAndFindRecordsWithWideIds() {
        createMove("SHP-1", customer, line("a", 10));
        odoo.store().reset();
        long partner = odoo.store().insert("res.partner", Map.of("name", "Acme Freight", "is_company", true));
        customer = partner;
        assertThat(searchIds(List.of(List.of("ref", "=", "SHP-1")))).isEmpty();
        odoo.store().setNextId("account.move", 5_000_000_000L);

        long wide = createMove("SHP-1", partner, line("a", 10));
        post(wide);

        assertThat(wide).isEqualTo(5_000_000_000L);
        assertThat(searchIds(List.of(List.of("ref", "=", "SHP-1")))).containsExactly(wide);
        assertThat(searchIds(List.of(List.of("id", "=", wide)))).containsExactly(wide);
        assertThat(searchIds(List.of(List.of("partner_id", "=", partner)))).containsExactly(wide);
        assertThat(names(wide)).containsExactly("INV/2026/00001");
        assertThat(readMove(wide).get("invoice_line_ids")).hasSize(1);
    }

    // ------------------------------------------------------------------ helpers

    private static List<Object> line(String name, double price) {
        return List.of(0, 0, Map.of("name", name, "quantity", 1, "price_unit", price));
    }

    private Map<String, Object> move(String ref, long partner, Object... lines) {
        return Map.of("move_type", "out_invoice", "partner_id", partner, "ref", ref, "invoice_date", "2026-12-03",
                "invoice_line_ids", List.of(lines));
    }

    private long createMove(String ref, long partner, Object... lines) {
        Object[] withProduct = new Object[lines.length];
        for (int i = 0; i < lines.length; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> vals = new java.util.HashMap<>((Map<String, Object>) ((List<?>) lines[i]).get(2));
            vals.put("product_id", detention);
            withProduct[i] = List.of(0, 0, vals);
        }
        return client.call("account.move", "create", Map.of("vals_list", List.of(move(ref, partner, withProduct))))
                .get(0).asLong();
    }

    private List<Long> searchIds(List<?> domain) {
        return ids(client.call("account.move", "search", Map.of("domain", domain)));
    }

    private JsonNode readMove(long id) {
        return client.call("account.move", "read", Map.of("ids", List.of(id), "fields", List.of("name", "ref",
                "invoice_line_ids", "amount_untaxed", "state"))).get(0);
    }

    private void post(long id) {
        assertThat(client.call("account.move", "action_post", Map.of("ids", List.of(id))).asBoolean()).isFalse();
    }

    private List<String> names(long... ids) {
        List<String> names = new ArrayList<>();
        for (long id : ids) {
            names.add(readMove(id).get("name").asText());
        }
        return names;
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.asLong()));
        return ids;
    }
}
