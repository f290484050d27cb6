package io.logisync.odoo.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules of {@code account.move}: defaults from the move type and partner, and what a posted move refuses. */
final class MoveRules implements ModelBehaviour {

    static final String POSTED_UNLINK = "You can't delete a posted journal item. Don\u2019t play games with your "
            + "accounting records; reset the journal entry to draft before deleting it.";
    /** Odoo's list of fields a posted move keeps, plus the computed amounts and the type. */
    // Known gap: fiscal positions and cash rounding are not modeled, so writing them fails as an unknown field
    private static final Set<String> LOCKED_WHEN_POSTED = Set.of("invoice_line_ids", "line_ids", "invoice_date",
            "date", "partner_id", "invoice_payment_term_id", "currency_id", "fiscal_position_id",
            "invoice_cash_rounding_id", "amount_untaxed", "amount_tax", "amount_total", "amount_residual",
            "move_type", "journal_id", "company_id");

    @Override
    public void beforeCreate(Env env, Map<String, Object> vals) {
        Orm orm = env.orm();
        vals.remove("state");
        vals.remove("payment_state");
        vals.remove("posted_before");
        Object type = vals.containsKey("move_type") ? vals.get("move_type")
                : env.context("default_move_type") instanceof String t ? t : "entry";
        if (!vals.containsKey("journal_id")) {
            vals.put("journal_id", MoveModels.SALE_TYPES.contains(type) ? DefaultData.JOURNAL_SALE
                    : MoveModels.PURCHASE_TYPES.contains(type) ? DefaultData.JOURNAL_PURCHASE
                    : DefaultData.JOURNAL_MISC);
        }
        if (!vals.containsKey("currency_id") && vals.get("journal_id") instanceof Number journal
                && orm.exists("account.journal", journal.longValue())) {
            Object currency = orm.value("account.journal", journal.longValue(), "currency_id");
            vals.put("currency_id", currency != null ? currency
                    : orm.value("res.company", DefaultData.COMPANY, "currency_id"));
        }
        if (!vals.containsKey("date")) {
            vals.put("date", ValueCodec.truthy(vals.get("invoice_date")) ? vals.get("invoice_date")
                    : ValueCodec.DATE.format(env.today()));
        }
        if (!vals.containsKey("invoice_payment_term_id") && vals.get("partner_id") instanceof Number partner
                && orm.exists(PartnerModel.MODEL, partner.longValue())) {
            long commercial = PartnerModel.commercialPartner(orm, partner.longValue());
            String termField = MoveModels.PURCHASE_TYPES.contains(type) ? "property_supplier_payment_term_id"
                    : "property_payment_term_id";
            Object term = orm.value(PartnerModel.MODEL, commercial, termField);
            if (term != null && (MoveModels.SALE_TYPES.contains(type) || MoveModels.PURCHASE_TYPES.contains(type))) {
                vals.put("invoice_payment_term_id", term);
            }
        }
    }

    @Override
    public void afterCreate(Env env, long id, Map<String, Object> vals) {
        MoveAccounting.refreshDueDate(env.orm(), id, vals.containsKey("invoice_date_due"));
        MoveAccounting.recompute(env.orm(), id);
    }

    @Override
    public void beforeWrite(Env env, List<Long> ids, Map<String, Object> vals) {
        for (long id : ids) {
            Row move = env.orm().row(MoveModels.MOVE, id);
            if ("posted".equals(move.string("state"))) {
                List<String> locked = new ArrayList<>();
                vals.keySet().stream().filter(LOCKED_WHEN_POSTED::contains).forEach(locked::add);
                if (!locked.isEmpty()) {
                    throw OdooError.userError("You cannot modify the following readonly fields on a posted move: "
                            + String.join(", ", locked));
                }
            }
        }
        if (ValueCodec.truthy(vals.get("invoice_date")) && !vals.containsKey("date")) {
            // the accounting date follows the invoice date while the move is a draft
            vals.put("date", vals.get("invoice_date"));
        }
    }

    @Override
    public void afterWrite(Env env, List<Long> ids, Map<String, Object> vals) {
        for (long id : ids) {
            if (vals.containsKey("invoice_date") || vals.containsKey("invoice_payment_term_id")
                    || vals.containsKey("date") || vals.containsKey("invoice_date_due")) {
                MoveAccounting.refreshDueDate(env.orm(), id, vals.containsKey("invoice_date_due"));
            }
            MoveAccounting.recompute(env.orm(), id);
        }
    }

    @Override
    public void beforeUnlink(Env env, List<Long> ids) {
        for (long id : ids) {
            Row move = env.orm().row(MoveModels.MOVE, id);
            if ("posted".equals(move.string("state"))) {
                throw OdooError.userError(POSTED_UNLINK);
            }
            if (move.flag("posted_before") && move.string("name") != null
                    && !MoveSequence.isLastInChain(env.orm(), move)) {
                throw OdooError.userError("You cannot delete this entry, as it has already consumed a sequence "
                        + "number and is not the last one in the chain. You should probably revert it instead.");
            }
        }
    }
}
