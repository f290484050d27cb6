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
            long company = vals.get("company_id") instanceof Number c ? c.longValue() : env.companyId();
            vals.put("journal_id", defaultJournal(env, company, journalType(type), vals.get("currency_id")));
        }
        if (vals.get("journal_id") instanceof Number journal && orm.exists("account.journal", journal.longValue())) {
            Object journalCompany = orm.value("account.journal", journal.longValue(), "company_id");
            // the move's company follows its journal, as Odoo's _compute_company_id
            vals.putIfAbsent("company_id", journalCompany != null ? journalCompany : env.companyId());
            if (!vals.containsKey("currency_id")) {
                Object currency = orm.value("account.journal", journal.longValue(), "currency_id");
                vals.put("currency_id", currency != null ? currency
                        : orm.value("res.company", ((Number) vals.get("company_id")).longValue(), "currency_id"));
            }
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

    private static String journalType(Object moveType) {
        return MoveModels.SALE_TYPES.contains(moveType) ? "sale"
                : MoveModels.PURCHASE_TYPES.contains(moveType) ? "purchase" : "general";
    }

    /**
     * Odoo's {@code _search_default_journal}: the company's first journal of the type (in the journals' order),
     * preferring one in the move's currency when that is not the company's.
     */
    private static long defaultJournal(Env env, long company, String type, Object currency) {
        Orm orm = env.orm();
        List<Long> journals = orm.search(env, "account.journal", List.of(List.of("company_id", "=", company),
                List.of("type", "=", type)), 0, null, null);
        Object companyCurrency = orm.value("res.company", company, "currency_id");
        if (currency instanceof Number wanted && !Long.valueOf(wanted.longValue()).equals(companyCurrency)) {
            for (long journal : journals) {
                if (Long.valueOf(wanted.longValue()).equals(orm.value("account.journal", journal, "currency_id"))) {
                    return journal;
                }
            }
        }
        if (journals.isEmpty()) {
            String name = orm.exists("res.company", company) ? orm.displayName("res.company", company)
                    : String.valueOf(company);
            throw OdooError.userError("No journal could be found in company " + name + " for any of those types: "
                    + type);
        }
        return journals.get(0);
    }

    /** A move and its journal belong to one company; Odoo's check_company refuses a journal of another. */
    @Override
    public void validate(Env env, Row move) {
        Long journal = move.ref("journal_id");
        Object journalCompany = journal == null ? null : env.orm().value("account.journal", journal, "company_id");
        if (journalCompany != null && !journalCompany.equals(move.ref("company_id"))) {
            throw OdooError.userError("Incompatible companies on records:\n- '"
                    + MoveModels.moveDisplayName(env.orm(), move) + "' belongs to company '"
                    + env.orm().displayName("res.company", move.ref("company_id")) + "' and 'Journal' (journal_id: '"
                    + env.orm().displayName("account.journal", journal) + "') belongs to another company.");
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
