package io.logisync.odoo.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The amounts of a move: line subtotals and taxes rounded per line to the currency (Odoo's default
 * "round per line"), totals, what remains due after reconciliation, and the payment state that follows.
 */
final class MoveAccounting {

    private MoveAccounting() {
    }

    /** Recomputes every derived amount of a move and of its lines. */
    static void recompute(Orm orm, long moveId) {
        Row move = orm.row(MoveModels.MOVE, moveId);
        int scale = currencyScale(orm, move.ref("currency_id"));
        boolean invoice = MoveModels.isInvoice(move);
        String type = move.string("move_type");
        // income side (credit) for customer invoices and vendor refunds, expense side (debit) otherwise
        boolean creditSide = type.equals("out_invoice") || type.equals("out_receipt") || type.equals("in_refund");
        BigDecimal untaxed = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal debits = BigDecimal.ZERO;
        for (long lineId : orm.childIds(MoveModels.LINE, "move_id", moveId)) {
            Row line = orm.row(MoveModels.LINE, lineId);
            if (!"product".equals(line.string("display_type"))) {
                continue;
            }
            if (!invoice) {
                // Known gap: a journal entry's lines are taken as given; Odoo would refuse an unbalanced entry
                BigDecimal debit = round(line.number("debit"), scale);
                BigDecimal credit = round(line.number("credit"), scale);
                debits = debits.add(debit);
                orm.rawWrite(MoveModels.LINE, lineId, Map.of("debit", debit.doubleValue(), "credit",
                        credit.doubleValue(), "balance", debit.subtract(credit).doubleValue(), "price_subtotal",
                        debit.subtract(credit).abs().doubleValue(), "price_total", debit.subtract(credit).abs()
                                .doubleValue()));
                continue;
            }
            LineAmounts amounts = lineAmounts(orm, line, scale);
            untaxed = untaxed.add(amounts.subtotal());
            tax = tax.add(amounts.tax());
            double subtotal = amounts.subtotal().doubleValue();
            orm.rawWrite(MoveModels.LINE, lineId, Map.of("price_subtotal", subtotal,
                    "price_total", amounts.subtotal().add(amounts.tax()).doubleValue(),
                    "debit", creditSide ? 0.0 : subtotal, "credit", creditSide ? subtotal : 0.0,
                    "balance", creditSide ? -subtotal : subtotal));
        }
        BigDecimal total = invoice ? untaxed.add(tax) : debits;
        if (!invoice) {
            untaxed = debits;
        }
        BigDecimal residual = "posted".equals(move.string("state")) ? total.subtract(settled(orm, moveId))
                : total;
        // Known gap: no exchange rates; the signed (company currency) amounts assume a rate of 1
        int sign = type.equals("out_refund") || type.equals("in_invoice") || type.equals("in_receipt") ? -1 : 1;
        Map<String, Object> values = new HashMap<>();
        values.put("amount_untaxed", untaxed.doubleValue());
        values.put("amount_tax", tax.doubleValue());
        values.put("amount_total", total.doubleValue());
        values.put("amount_residual", residual.doubleValue());
        // Known gap: no currency rates, so the signed amounts of a foreign-currency move are not converted
        values.put("amount_untaxed_signed", untaxed.doubleValue() * sign);
        values.put("amount_tax_signed", tax.doubleValue() * sign);
        values.put("amount_total_signed", total.doubleValue() * sign);
        values.put("amount_residual_signed", residual.doubleValue() * sign);
        values.put("payment_state", paymentState(orm, move, total, residual));
        orm.rawWrite(MoveModels.MOVE, moveId, values);
    }

    private record LineAmounts(BigDecimal subtotal, BigDecimal tax) {
    }

    private static LineAmounts lineAmounts(Orm orm, Row line, int scale) {
        BigDecimal base = BigDecimal.valueOf(line.number("price_unit"))
                .multiply(BigDecimal.valueOf(line.number("quantity")))
                .multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(line.number("discount"))
                        .movePointLeft(2)));
        List<Row> taxes = line.ids("tax_ids").stream().map(id -> orm.row("account.tax", id))
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparingDouble((Row t) -> t.number("sequence")).thenComparing(Row::id))
                .toList();
        BigDecimal includedRate = BigDecimal.ZERO;
        for (Row tax : taxes) {
            if (tax.flag("price_include") && !"fixed".equals(tax.string("amount_type"))) {
                includedRate = includedRate.add(BigDecimal.valueOf(tax.number("amount")).movePointLeft(2));
            }
        }
        BigDecimal excluded = includedRate.signum() == 0 ? base
                : base.divide(BigDecimal.ONE.add(includedRate), 10, RoundingMode.HALF_UP);
        BigDecimal subtotal = excluded.setScale(scale, RoundingMode.HALF_UP);
        BigDecimal tax = BigDecimal.ZERO;
        for (Row row : taxes) {
            BigDecimal amount = "fixed".equals(row.string("amount_type"))
                    ? BigDecimal.valueOf(row.number("amount")).multiply(BigDecimal.valueOf(line.number("quantity")))
                    : excluded.multiply(BigDecimal.valueOf(row.number("amount")).movePointLeft(2));
            tax = tax.add(amount.setScale(scale, RoundingMode.HALF_UP));
        }
        return new LineAmounts(subtotal, tax);
    }

    private static BigDecimal round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    static int currencyScale(Orm orm, Long currency) {
        Row row = currency == null ? null : orm.row("res.currency", currency);
        return row == null ? 2 : BaseModels.decimalPlaces(row.number("rounding"));
    }

    /** What other moves and payments have settled of this move. */
    static BigDecimal settled(Orm orm, long moveId) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Row row : settlements(orm, moveId)) {
            sum = sum.add(BigDecimal.valueOf(row.number("amount")));
        }
        return sum;
    }

    /** The reconciliations that settle the move or use it as the counterpart, by id. */
    static List<Row> settlements(Orm orm, long moveId) {
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>(
                orm.store().idsWith(AccountingModels.RECONCILE, "move_id", moveId));
        ids.addAll(orm.store().idsWith(AccountingModels.RECONCILE, "counterpart_id", moveId));
        return ids.stream().map(id -> orm.row(AccountingModels.RECONCILE, id)).toList();
    }

    private static String paymentState(Orm orm, Row move, BigDecimal total, BigDecimal residual) {
        if (!"posted".equals(move.string("state")) || !MoveModels.isInvoice(move)) {
            return "not_paid";
        }
        if (total.signum() == 0) {
            return "paid";
        }
        if (residual.signum() <= 0) {
            List<Row> settlements = settlements(orm, move.id());
            boolean allReversals = !settlements.isEmpty() && settlements.stream().allMatch(r -> {
                Long other = Long.valueOf(move.id()).equals(r.ref("move_id")) ? r.ref("counterpart_id")
                        : r.ref("move_id");
                Row otherMove = other == null ? null : orm.row(MoveModels.MOVE, other);
                return otherMove != null && Long.valueOf(move.id()).equals(otherMove.ref("reversed_entry_id"));
            });
            if (allReversals) {
                return "reversed";
            }
            boolean waitingForBank = settlements.stream().anyMatch(r -> r.ref("counterpart_id") == null
                    && !r.flag("bank_matched"));
            return waitingForBank ? "in_payment" : "paid";
        }
        return residual.compareTo(total) < 0 ? "partial" : "not_paid";
    }

    /** The due date from the payment term's longest delay, or the invoice date when there is no term. */
    static void refreshDueDate(Orm orm, long moveId, boolean keepGiven) {
        Row move = orm.row(MoveModels.MOVE, moveId);
        if (!MoveModels.isInvoice(move)) {
            return;
        }
        LocalDate base = move.date("invoice_date") != null ? move.date("invoice_date") : move.date("date");
        Long term = move.ref("invoice_payment_term_id");
        if (term == null && keepGiven && move.date("invoice_date_due") != null) {
            return;
        }
        long days = 0;
        if (term != null) {
            for (long lineId : orm.childIds("account.payment.term.line", "payment_id", term)) {
                Object delay = orm.row("account.payment.term.line", lineId).get("nb_days");
                days = Math.max(days, delay == null ? 0 : (Long) delay);
            }
        }
        orm.rawWrite(MoveModels.MOVE, moveId, Map.of("invoice_date_due", base.plusDays(days)));
    }

    /** Other vendor bills of the same partner carrying the same reference, which Odoo flags but allows. */
    static List<Long> duplicatedRefs(Orm orm, Row move) {
        String ref = move.string("ref");
        if (ref == null || !MoveModels.isPurchase(move) || move.ref("partner_id") == null) {
            return List.of();
        }
        long partner = PartnerModel.commercialPartner(orm, move.ref("partner_id"));
        return orm.store().idsWith(MoveModels.MOVE, "ref", ref).stream()
                .map(id -> orm.row(MoveModels.MOVE, id)).filter(other -> other.id() != move.id()
                && ref.equals(other.string("ref"))
                && move.string("move_type").equals(other.string("move_type"))
                && !"cancel".equals(other.string("state"))
                && other.ref("partner_id") != null
                && PartnerModel.commercialPartner(orm, other.ref("partner_id")) == partner)
                .map(Row::id).toList();
    }
}
