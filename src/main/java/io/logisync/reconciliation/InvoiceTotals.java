package io.logisync.reconciliation;

import io.logisync.odoo.Many2one;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Posted customer documents whose amount in Odoo (before tax, which is Odoo's to apply) differs from what logisync
 * rated and billed: the sum of the lines it keeps for the document (billed_line). A difference means the document
 * was changed in Odoo, or logisync's lines were.
 */
public class InvoiceTotals extends LookbackCheck {

    public static final String NAME = "invoice-total-mismatch";

    private static final int PAGE = 200;
    private static final List<String> FIELDS = List.of("name", "state", "move_type", "amount_untaxed", "currency_id");

    private record Billed(String docRef, String loadRef, long odooId, BigDecimal amount, String currency) {
    }

    private final OdooClient odoo;

    public InvoiceTotals(DataSource dataSource, OdooClient odoo, Duration lookback) {
        super(NAME, dataSource, lookback);
        this.odoo = odoo;
    }

    @Override
    public List<Finding> run(Instant now) {
        // a credit note's lines count negative in logisync; Odoo shows its amount positive
        List<Billed> billed = jdbc.query("SELECT d.doc_ref, d.load_ref, d.odoo_id, ABS(COALESCE(SUM(l.amount), 0)),"
                + " d.currency FROM billing_document d LEFT JOIN billed_line l ON l.doc_ref = d.doc_ref"
                + " WHERE d.odoo_id IS NOT NULL AND d.state = 'posted' AND d.updated_at >= ?"
                + " GROUP BY d.doc_ref, d.load_ref, d.odoo_id, d.currency ORDER BY d.odoo_id",
                (rs, i) -> new Billed(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getString(5)), since(now));
        List<Finding> answer = new ArrayList<>();
        for (int from = 0; from < billed.size(); from += PAGE) {
            List<Billed> page = billed.subList(from, Math.min(billed.size(), from + PAGE));
            Map<Long, OdooRecord> moves = new LinkedHashMap<>();
            List<Long> ids = page.stream().map(Billed::odooId).toList();
            odoo.searchRead("account.move", List.of(List.of("id", "in", ids)), FIELDS, null, "id", OdooContext.DEFAULT)
                    .forEach(move -> moves.put(move.id(), move));
            for (Billed doc : page) {
                OdooRecord move = moves.get(doc.odooId());
                if (move == null) {
                    answer.add(new Finding(NAME, doc.loadRef(), doc.docRef(), doc.odooId(), doc.amount(), null,
                            doc.currency(), "account.move " + doc.odooId() + " is no longer in Odoo"));
                    continue;
                }
                if (!"posted".equals(move.getString("state"))) {
                    continue;
                }
                BigDecimal inOdoo = move.getDecimal("amount_untaxed");
                if (inOdoo != null && inOdoo.scale() < doc.amount().scale()) {
                    // Odoo sends amounts as floats: 1200.0 is shown as the cents it stands for
                    inOdoo = inOdoo.setScale(doc.amount().scale());
                }
                if (inOdoo == null || inOdoo.compareTo(doc.amount()) != 0) {
                    Many2one currency = move.getMany2one("currency_id");
                    answer.add(new Finding(NAME, doc.loadRef(), move.getString("name"), doc.odooId(), doc.amount(),
                            inOdoo, currency == null ? doc.currency() : currency.displayName(),
                            "the amount before tax in Odoo differs from logisync's rating of " + doc.docRef()));
                }
            }
        }
        return answer;
    }
}
