package io.logisync.odoo.sim;

import static io.logisync.odoo.sim.FieldDef.chars;
import static io.logisync.odoo.sim.FieldDef.many2one;

import java.util.Map;
import java.util.Set;

/** Field definitions of {@code account.move} and {@code account.move.line}, with Odoo's labels and selections. */
final class MoveModels {

    static final String MOVE = "account.move";
    static final String LINE = "account.move.line";
    static final Set<String> SALE_TYPES = Set.of("out_invoice", "out_refund", "out_receipt");
    static final Set<String> PURCHASE_TYPES = Set.of("in_invoice", "in_refund", "in_receipt");
    private static final Map<String, String> DRAFT_LABELS = Map.of("out_invoice", "Draft Invoice", "out_refund",
            "Draft Credit Note", "in_invoice", "Draft Bill", "in_refund", "Draft Vendor Credit Note", "out_receipt",
            "Draft Sales Receipt", "in_receipt", "Draft Purchase Receipt", "entry", "Draft Entry");

    private MoveModels() {
    }

    static void register(ModelRegistry registry) {
        registry.register(move());
        registry.register(line());
    }

    private static FieldDef money(String name, String label) {
        return FieldDef.of(name, FieldType.MONETARY, label).readonly();
    }

    private static ModelDef move() {
        return new ModelDef(MOVE, "Journal Entry")
                .field(chars("name", "Number"))
                .field(FieldDef.selection("move_type", "Type", "entry", "Journal Entry", "out_invoice",
                        "Customer Invoice", "out_refund", "Customer Credit Note", "in_invoice", "Vendor Bill",
                        "in_refund", "Vendor Credit Note", "out_receipt", "Sales Receipt", "in_receipt",
                        "Purchase Receipt").required()
                        .defaultFrom(env -> env.context("default_move_type") instanceof String t ? t : "entry"))
                // Known gap: state is changed by action_post/button_draft/button_cancel only; a write to it is ignored
                .field(FieldDef.selection("state", "Status", "draft", "Draft", "posted", "Posted", "cancel",
                        "Cancelled").required().readonly().defaultTo("draft"))
                .field(chars("ref", "Reference"))
                .field(chars("invoice_origin", "Origin"))
                .field(chars("payment_reference", "Payment Reference"))
                .field(FieldDef.of("narration", FieldType.HTML, "Terms and Conditions"))
                .field(many2one("partner_id", "Partner", "res.partner").restrict())
                .field(many2one("commercial_partner_id", "Commercial Entity", "res.partner")
                        .computed((orm, m, row) -> row.ref("partner_id") == null ? null
                                : PartnerModel.commercialPartner(orm, row.ref("partner_id"))))
                .field(FieldDef.of("date", FieldType.DATE, "Date").required())
                .field(FieldDef.of("invoice_date", FieldType.DATE, "Invoice/Bill Date"))
                .field(FieldDef.of("invoice_date_due", FieldType.DATE, "Due Date"))
                .field(many2one("invoice_payment_term_id", "Payment Terms", "account.payment.term"))
                .field(many2one("journal_id", "Journal", "account.journal").required().restrict())
                .field(many2one("company_id", "Company", "res.company").required().defaultTo(DefaultData.COMPANY))
                .field(many2one("currency_id", "Currency", "res.currency").required().restrict())
                .field(many2one("company_currency_id", "Company Currency", "res.currency")
                        .computed((orm, m, row) -> orm.value("res.company", row.ref("company_id"), "currency_id")))
                .field(FieldDef.selection("payment_state", "Payment Status", "not_paid", "Not Paid", "in_payment",
                        "In Payment", "paid", "Paid", "partial", "Partially Paid", "reversed", "Reversed",
                        "blocked", "Blocked", "invoicing_legacy", "Invoicing App Legacy").readonly()
                        .defaultTo("not_paid"))
                .field(money("amount_untaxed", "Untaxed Amount"))
                .field(money("amount_tax", "Tax"))
                .field(money("amount_total", "Total"))
                .field(money("amount_residual", "Amount Due"))
                .field(money("amount_untaxed_signed", "Untaxed Amount Signed"))
                .field(money("amount_tax_signed", "Tax Signed"))
                .field(money("amount_total_signed", "Total Signed"))
                .field(money("amount_residual_signed", "Amount Due Signed"))
                // Known gap: no tax or receivable/payable lines are generated, so line_ids equals invoice_line_ids
                .field(FieldDef.one2many("invoice_line_ids", "Invoice lines", LINE, "move_id"))
                .field(FieldDef.one2many("line_ids", "Journal Items", LINE, "move_id"))
                .field(many2one("reversed_entry_id", "Reversal of", MOVE))
                .field(FieldDef.one2many("reversal_move_ids", "Reversal Move", MOVE, "reversed_entry_id"))
                .field(FieldDef.many2many("duplicated_ref_ids", "Duplicated Ref", MOVE)
                        .computed((orm, m, row) -> MoveAccounting.duplicatedRefs(orm, row)))
                .field(FieldDef.of("posted_before", FieldType.BOOLEAN, "Posted Before").readonly())
                .order("date desc, name desc, invoice_date desc, id desc")
                .nameSearch("name", "ref")
                .displayName(MoveModels::moveDisplayName)
                .behaviour(new MoveRules())
                .method(MethodSpec.onRecords("action_post", "AccountMove", MovePosting::actionPost))
                .method(MethodSpec.onRecords("button_draft", "AccountMove", MovePosting::buttonDraft))
                .method(MethodSpec.onRecords("button_cancel", "AccountMove", MovePosting::buttonCancel));
    }

    private static ModelDef line() {
        return new ModelDef(LINE, "Journal Item")
                .field(many2one("move_id", "Journal Entry", MOVE).required().cascade())
                .field(chars("move_name", "Number").computed((orm, m, row) -> moveValue(orm, row, "name")))
                .field(FieldDef.selection("parent_state", "Status", "draft", "Draft", "posted", "Posted", "cancel",
                        "Cancelled").computed((orm, m, row) -> moveValue(orm, row, "state")))
                .field(FieldDef.of("date", FieldType.DATE, "Date").computed((orm, m, row) -> moveValue(orm, row,
                        "date")))
                .field(many2one("partner_id", "Partner", "res.partner").computed((orm, m, row) -> {
                    Object partner = moveValue(orm, row, "partner_id");
                    return partner == null ? null : PartnerModel.commercialPartner(orm, (Long) partner);
                }))
                .field(many2one("currency_id", "Currency", "res.currency")
                        .computed((orm, m, row) -> moveValue(orm, row, "currency_id")))
                .field(many2one("company_id", "Company", "res.company")
                        .computed((orm, m, row) -> moveValue(orm, row, "company_id")))
                .field(FieldDef.of("sequence", FieldType.INTEGER, "Sequence").defaultTo(10L))
                .field(chars("name", "Label"))
                .field(many2one("product_id", "Product", ProductModels.PRODUCT).restrict())
                .field(many2one("product_uom_id", "Unit", "uom.uom"))
                .field(FieldDef.of("quantity", FieldType.FLOAT, "Quantity").digits(3).defaultTo(1.0))
                .field(FieldDef.of("price_unit", FieldType.FLOAT, "Unit Price").digits(2))
                .field(FieldDef.of("discount", FieldType.FLOAT, "Discount (%)").defaultTo(0.0))
                .field(FieldDef.many2many("tax_ids", "Taxes", "account.tax"))
                .field(money("price_subtotal", "Subtotal"))
                .field(money("price_total", "Total"))
                .field(FieldDef.of("debit", FieldType.MONETARY, "Debit"))
                .field(FieldDef.of("credit", FieldType.MONETARY, "Credit"))
                .field(money("balance", "Balance"))
                .field(many2one("account_id", "Account", "account.account").restrict())
                .field(FieldDef.of("analytic_distribution", FieldType.JSON, "Analytic Distribution"))
                .field(FieldDef.selection("display_type", "Display Type", "product", "Product", "cogs",
                        "Cost of Goods Sold", "tax", "Tax", "discount", "Discount", "rounding", "Rounding",
                        "payment_term", "Payment Term", "line_section", "Section", "line_note", "Note", "epd",
                        "Early Payment Discount").required().defaultTo("product"))
                .order("date desc, move_name desc, id")
                .nameSearch("name")
                .displayName((orm, row) -> {
                    Object moveName = moveValue(orm, row, "name");
                    String label = row.string("name");
                    String answer = (moveName == null ? "" : moveName + " ") + (label == null ? "" : label);
                    return answer.isBlank() ? null : answer.strip();
                })
                .behaviour(new MoveLineRules());
    }

    private static Object moveValue(Orm orm, Row line, String field) {
        Long move = line.ref("move_id");
        return move == null ? null : orm.value(MOVE, move, field);
    }

    /** Odoo's {@code _get_move_display_name(show_ref=True)}: "Draft Invoice (* 7)", "INV/2026/00001 (PO-1)". */
    static String moveDisplayName(Orm orm, Row row) {
        StringBuilder name = new StringBuilder();
        if ("draft".equals(row.string("state"))) {
            name.append(DRAFT_LABELS.getOrDefault(row.string("move_type"), "Draft Entry")).append(' ');
        }
        String number = row.string("name");
        if (number == null || number.equals("/")) {
            name.append("(* ").append(row.id()).append(')');
        } else {
            name.append(number);
        }
        String ref = row.string("ref");
        if (ref != null) {
            name.append(" (").append(shorten(ref, 50)).append(')');
        }
        return name.toString();
    }

    /** Python's {@code textwrap.shorten}: collapse spaces, then cut at a word and mark the cut. */
    static String shorten(String text, int width) {
        String collapsed = text.strip().replaceAll("\\s+", " ");
        if (collapsed.length() <= width) {
            return collapsed;
        }
        String placeholder = " [...]";
        String cut = collapsed.substring(0, width - placeholder.length() + 1);
        int space = cut.lastIndexOf(' ');
        return (space > 0 ? cut.substring(0, space) : "").stripTrailing() + placeholder;
    }

    static boolean isSale(Row move) {
        return SALE_TYPES.contains(move.string("move_type"));
    }

    static boolean isPurchase(Row move) {
        return PURCHASE_TYPES.contains(move.string("move_type"));
    }

    static boolean isInvoice(Row move) {
        return isSale(move) || isPurchase(move);
    }
}
