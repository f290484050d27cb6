package io.logisync.odoo.sim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The state changes of a move: posting with its checks and numbering, reset to draft, cancel, reconciliation. */
final class MovePosting {

    private MovePosting() {
    }

    /** {@code action_post}: validates every move first, like Odoo, then posts them all; answers false. */
    static Object actionPost(Env env, String model, List<Long> ids, Map<String, Object> args) {
        Orm orm = env.orm();
        requireExisting(env, ids);
        Set<String> problems = new LinkedHashSet<>();
        for (long id : ids) {
            problems.addAll(problemsBeforePosting(env, orm.row(MoveModels.MOVE, id)));
        }
        if (!problems.isEmpty()) {
            throw OdooError.userError(String.join("\n", problems));
        }
        for (long id : ids) {
            post(env, id);
        }
        return false;
    }

    private static List<String> problemsBeforePosting(Env env, Row move) {
        Orm orm = env.orm();
        List<String> problems = new ArrayList<>();
        String name = move.string("name");
        if (!"draft".equals(move.string("state"))) {
            problems.add("The entry " + (name == null ? "/" : name) + " (id " + move.id() + ") must be in draft.");
        }
        boolean hasLines = orm.childIds(MoveModels.LINE, "move_id", move.id()).stream()
                .map(id -> orm.row(MoveModels.LINE, id).string("display_type"))
                .anyMatch(type -> !"line_section".equals(type) && !"line_note".equals(type));
        if (!hasLines) {
            problems.add("You need to add a line before posting.");
        }
        if (MoveModels.isInvoice(move)) {
            if (move.ref("partner_id") == null) {
                problems.add(MoveModels.isSale(move)
                        ? "The field 'Customer' is required, please complete it to validate the Customer Invoice."
                        : "The field 'Vendor' is required, please complete it to validate the Vendor Bill.");
            }
            if (move.number("amount_total") < 0) {
                problems.add("You cannot validate an invoice with a negative total amount. You should create a "
                        + "credit note instead. Use the action menu to transform it into a credit note or refund.");
            }
            if (MoveModels.isPurchase(move) && move.date("invoice_date") == null) {
                problems.add("The Bill/Refund date is required to validate this document.");
            }
        }
        Row currency = orm.row("res.currency", move.ref("currency_id"));
        if (currency != null && !currency.flag("active")) {
            problems.add("You cannot validate a document with an inactive currency: " + currency.string("name"));
        }
        return problems;
    }

    private static void post(Env env, long id) {
        Orm orm = env.orm();
        Row move = orm.row(MoveModels.MOVE, id);
        Map<String, Object> values = new HashMap<>();
        if (MoveModels.isSale(move) && move.date("invoice_date") == null) {
            values.put("invoice_date", env.today());
        }
        if (MoveModels.isInvoice(move)) {
            LocalDate invoiceDate = (LocalDate) values.getOrDefault("invoice_date", move.date("invoice_date"));
            values.put("date", LockDates.firstOpenDate(orm, move, invoiceDate));
        }
        values.put("state", "posted");
        values.put("posted_before", true);
        orm.rawWrite(MoveModels.MOVE, id, values);
        if (move.string("name") == null || move.string("name").equals("/")) {
            orm.rawWrite(MoveModels.MOVE, id, Map.of("name", MoveSequence.next(orm, orm.row(MoveModels.MOVE, id))));
        }
        MoveAccounting.refreshDueDate(orm, id, true);
        MoveAccounting.recompute(orm, id);
        Row posted = orm.row(MoveModels.MOVE, id);
        if (posted.ref("partner_id") != null && MoveModels.isInvoice(posted)) {
            PartnerModel.increaseRank(orm, posted.ref("partner_id"),
                    MoveModels.isSale(posted) ? "customer_rank" : "supplier_rank");
        }
        Long reversed = posted.ref("reversed_entry_id");
        if (reversed != null && "posted".equals(orm.value(MoveModels.MOVE, reversed, "state"))) {
            reconcile(orm, reversed, id);
        }
    }

    /** Settles a reversed move with its reversal, as far as both still have something due. */
    private static void reconcile(Orm orm, long original, long reversal) {
        BigDecimal amount = BigDecimal.valueOf(orm.row(MoveModels.MOVE, original).number("amount_residual"))
                .min(BigDecimal.valueOf(orm.row(MoveModels.MOVE, reversal).number("amount_residual")));
        if (amount.signum() <= 0) {
            return;
        }
        Row settlement = new Row(orm.store().allocateId(AccountingModels.RECONCILE));
        settlement.put("move_id", original);
        settlement.put("counterpart_id", reversal);
        settlement.put("amount", amount.doubleValue());
        orm.store().insert(AccountingModels.RECONCILE, settlement);
        MoveAccounting.recompute(orm, original);
        MoveAccounting.recompute(orm, reversal);
    }

    /** Records a payment against a posted move; unmatched with a bank statement it reads "in payment". */
    static void registerPayment(Orm orm, long moveId, double amount, boolean bankMatched) {
        Row move = orm.row(MoveModels.MOVE, moveId);
        if (move == null || !"posted".equals(move.string("state"))) {
            throw new IllegalArgumentException("only a posted move can be paid: account.move " + moveId);
        }
        Row settlement = new Row(orm.store().allocateId(AccountingModels.RECONCILE));
        settlement.put("move_id", moveId);
        settlement.put("amount", amount);
        settlement.put("bank_matched", bankMatched);
        orm.store().insert(AccountingModels.RECONCILE, settlement);
        MoveAccounting.recompute(orm, moveId);
    }

    static Object buttonDraft(Env env, String model, List<Long> ids, Map<String, Object> args) {
        requireExisting(env, ids);
        for (long id : ids) {
            String state = env.orm().row(MoveModels.MOVE, id).string("state");
            if (!"posted".equals(state) && !"cancel".equals(state)) {
                throw OdooError.userError("Only posted/cancelled journal entries can be reset to draft.");
            }
        }
        ids.forEach(id -> LockDates.refuseChange(env.orm(), env.orm().row(MoveModels.MOVE, id)));
        ids.forEach(id -> resetToDraft(env.orm(), id));
        return null;
    }

    /** Back to draft undoes the move's reconciliations; it keeps its number, as Odoo does. */
    private static void resetToDraft(Orm orm, long id) {
        Set<Long> counterparts = new LinkedHashSet<>();
        for (Row settlement : MoveAccounting.settlements(orm, id)) {
            Long settled = settlement.ref("move_id");
            Long counterpart = settlement.ref("counterpart_id");
            counterparts.add(Long.valueOf(id).equals(settled) ? counterpart : settled);
            orm.store().delete(AccountingModels.RECONCILE, settlement.id());
        }
        orm.rawWrite(MoveModels.MOVE, id, Map.of("state", "draft"));
        MoveAccounting.recompute(orm, id);
        counterparts.stream().filter(other -> other != null && orm.exists(MoveModels.MOVE, other))
                .forEach(other -> MoveAccounting.recompute(orm, other));
    }

    static Object buttonCancel(Env env, String model, List<Long> ids, Map<String, Object> args) {
        requireExisting(env, ids);
        for (long id : ids) {
            if ("posted".equals(env.orm().row(MoveModels.MOVE, id).string("state"))) {
                resetToDraft(env.orm(), id);
            }
        }
        for (long id : ids) {
            if (!"draft".equals(env.orm().row(MoveModels.MOVE, id).string("state"))) {
                throw OdooError.userError("Only draft journal entries can be cancelled.");
            }
        }
        for (long id : ids) {
            env.orm().rawWrite(MoveModels.MOVE, id, Map.of("state", "cancel"));
            MoveAccounting.recompute(env.orm(), id);
        }
        return null;
    }

    private static void requireExisting(Env env, List<Long> ids) {
        List<Long> missing = ids.stream().filter(id -> !env.orm().exists(MoveModels.MOVE, id)).toList();
        if (!missing.isEmpty()) {
            throw OdooError.missing(MoveModels.MOVE, missing, env.uid());
        }
    }
}
