package io.logisync.odoo.sim;

import static io.logisync.odoo.sim.FieldDef.chars;
import static io.logisync.odoo.sim.FieldDef.many2one;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registering a payment as Odoo 19 does it: the {@code account.payment.register} wizard, created with the invoices in
 * its context ({@code active_model} {@code account.move}, {@code active_ids}), then {@code action_create_payments},
 * which makes one {@code account.payment} per invoice and settles it. The bank journal has an outstanding account, so
 * a payment not yet matched with a bank statement leaves its invoice {@code in_payment} (and the payment
 * {@code in_process}); an amount below what is due leaves it {@code partial}. This is Odoo with its Accounting app,
 * as the sandbox was recorded from: without it, the invoice's in-payment state is {@code paid} straight away.
 */
final class PaymentModels {

    static final String WIZARD = "account.payment.register";
    static final String PAYMENT = "account.payment";

    private PaymentModels() {
    }

    static void register(ModelRegistry registry) {
        registry.register(new ModelDef(PAYMENT, "Payments")
                .field(chars("name", "Number"))
                .field(FieldDef.of("date", FieldType.DATE, "Date").required())
                .field(FieldDef.of("amount", FieldType.MONETARY, "Amount"))
                .field(FieldDef.selection("payment_type", "Payment Type", "outbound", "Send", "inbound", "Receive")
                        .defaultTo("inbound"))
                .field(FieldDef.selection("partner_type", "Partner Type", "customer", "Customer", "supplier",
                        "Vendor").defaultTo("customer"))
                .field(FieldDef.selection("state", "Status", "draft", "Draft", "in_process", "In Process", "paid",
                        "Paid", "canceled", "Canceled", "rejected", "Rejected").defaultTo("draft"))
                .field(many2one("partner_id", "Customer/Vendor", "res.partner"))
                .field(many2one("journal_id", "Journal", "account.journal"))
                .field(many2one("currency_id", "Currency", "res.currency"))
                .field(many2one("company_id", "Company", "res.company").defaultTo(DefaultData.COMPANY))
                .field(chars("memo", "Memo"))
                .field(FieldDef.many2many("invoice_ids", "Invoices", MoveModels.MOVE))
                .field(FieldDef.of("is_reconciled", FieldType.BOOLEAN, "Is Reconciled").defaultTo(false))
                .field(FieldDef.of("is_matched", FieldType.BOOLEAN, "Is Matched With a Bank Statement")
                        .defaultTo(false))
                .order("date desc, name desc"));
        registry.register(new ModelDef(WIZARD, "Pay")
                .field(FieldDef.of("payment_date", FieldType.DATE, "Payment Date")
                        .defaultFrom(env -> env.orm().now().toLocalDate().toString()))
                .field(FieldDef.of("amount", FieldType.MONETARY, "Amount"))
                .field(chars("communication", "Memo"))
                .field(FieldDef.of("group_payment", FieldType.BOOLEAN, "Group Payments").defaultTo(false))
                .field(many2one("journal_id", "Journal", "account.journal"))
                .field(many2one("partner_id", "Customer/Vendor", "res.partner"))
                .field(many2one("currency_id", "Currency", "res.currency"))
                .field(many2one("company_id", "Company", "res.company").defaultTo(DefaultData.COMPANY))
                .field(FieldDef.selection("payment_type", "Payment Type", "outbound", "Send", "inbound", "Receive"))
                .field(FieldDef.selection("partner_type", "Partner Type", "customer", "Customer", "supplier",
                        "Vendor"))
                .field(FieldDef.many2many("line_ids", "Journal items", MoveModels.LINE))
                .behaviour(new WizardRules())
                .method(MethodSpec.onRecords("action_create_payments", "AccountPaymentRegister",
                        PaymentModels::actionCreatePayments))
                .order("id"));
    }

    /** Fills the wizard from the invoices of its context, as Odoo's default_get does; refuses what cannot be paid. */
    private static final class WizardRules implements ModelBehaviour {
        @Override
        public void beforeCreate(Env env, Map<String, Object> vals) {
            Object activeModel = env.context("active_model");
            if (!MoveModels.MOVE.equals(activeModel)) {
                // Known gap: the wizard opened on journal items (active_model account.move.line) is not simulated.
                throw OdooError.userError("The register payment wizard should be opened on invoices"
                        + " (active_model account.move), not on " + (activeModel == null ? "nothing" : activeModel)
                        + ".");
            }
            List<Long> moveIds = ValueCodec.toIds(env.context().getOrDefault("active_ids", List.of()));
            if (moveIds.isEmpty()) {
                throw OdooError.userError("Select at least one invoice to register a payment for (active_ids).");
            }
            BigDecimal due = BigDecimal.ZERO;
            Set<Long> partners = new LinkedHashSet<>();
            Long currency = null;
            String kind = null;
            List<Long> lines = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (long id : moveIds) {
                Row move = env.orm().row(MoveModels.MOVE, id);
                if (move == null) {
                    throw OdooError.missing(MoveModels.MOVE, List.of(id), env.uid());
                }
                if (!"posted".equals(move.string("state"))) {
                    throw OdooError.userError("A payment can only be registered for posted journal entries.");
                }
                if (!MoveModels.isInvoice(move)) {
                    throw OdooError.userError("A payment can only be registered for invoices, credit notes and"
                            + " bills.");
                }
                BigDecimal residual = BigDecimal.valueOf(move.number("amount_residual"));
                if (residual.signum() <= 0) {
                    throw OdooError.userError("Nothing is left to pay on " + move.string("name")
                            + ", so no payment can be registered for it.");
                }
                due = due.add(residual);
                partners.add(move.ref("commercial_partner_id") != null ? move.ref("commercial_partner_id")
                        : move.ref("partner_id"));
                currency = currency == null ? move.ref("currency_id") : currency;
                kind = kind == null ? move.string("move_type") : kind;
                // Known gap: the simulator keeps no receivable/payable line, so line_ids holds the invoice's lines.
                lines.addAll(env.orm().childIds(MoveModels.LINE, "move_id", id));
                names.add(move.string("ref") != null && !move.string("ref").isEmpty() ? move.string("ref")
                        : move.string("name"));
            }
            boolean sale = MoveModels.SALE_TYPES.contains(kind);
            boolean refund = kind != null && kind.endsWith("_refund");
            vals.putIfAbsent("line_ids", List.of(List.of(6, 0, lines)));
            vals.putIfAbsent("amount", due.setScale(2, RoundingMode.HALF_UP).doubleValue());
            vals.putIfAbsent("communication", String.join(" ", names));
            vals.putIfAbsent("currency_id", currency);
            vals.putIfAbsent("partner_id", partners.size() == 1 ? partners.iterator().next() : false);
            vals.putIfAbsent("partner_type", sale ? "customer" : "supplier");
            vals.putIfAbsent("payment_type", sale != refund ? "inbound" : "outbound");
            if (!vals.containsKey("journal_id") || Boolean.FALSE.equals(vals.get("journal_id"))) {
                Long bank = env.orm().idsWhere("account.journal", r -> "bank".equals(r.string("type"))
                        && r.flag("active")).stream().findFirst().orElse(null);
                vals.put("journal_id", bank);
            }
        }
    }

    static Object actionCreatePayments(Env env, String model, List<Long> ids, Map<String, Object> args) {
        List<Long> payments = new ArrayList<>();
        for (long wizardId : ids) {
            Row wizard = env.orm().row(WIZARD, wizardId);
            if (wizard == null) {
                throw OdooError.missing(WIZARD, List.of(wizardId), env.uid());
            }
            Long journal = wizard.ref("journal_id");
            Row journalRow = journal == null ? null : env.orm().row("account.journal", journal);
            if (journalRow == null || !Set.of("bank", "cash", "credit").contains(journalRow.string("type"))) {
                throw OdooError.userError("A payment is registered in a bank or cash journal; choose one"
                        + " (journal_id).");
            }
            Map<Long, Boolean> moves = new LinkedHashMap<>();
            for (long line : wizard.ids("line_ids")) {
                Row row = env.orm().row(MoveModels.LINE, line);
                if (row != null && row.ref("move_id") != null) {
                    moves.put(row.ref("move_id"), true);
                }
            }
            if (moves.isEmpty()) {
                throw OdooError.userError("Nothing is left to pay on the selected invoices.");
            }
            BigDecimal amount = BigDecimal.valueOf(wizard.number("amount"));
            if (amount.signum() <= 0) {
                throw OdooError.userError("The payment amount must be strictly positive.");
            }
            // Known gap: a payment of several invoices pays each its residual; Odoo's group_payment is not simulated.
            boolean one = moves.size() == 1;
            for (long moveId : moves.keySet()) {
                Row move = env.orm().row(MoveModels.MOVE, moveId);
                BigDecimal residual = BigDecimal.valueOf(move.number("amount_residual"));
                if (residual.signum() <= 0) {
                    throw OdooError.userError("Nothing is left to pay on " + move.string("name") + ".");
                }
                BigDecimal paid = one ? amount.min(residual) : residual;
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("date", String.valueOf(wizard.get("payment_date")));
                values.put("amount", (one ? amount : residual).doubleValue());
                values.put("payment_type", wizard.string("payment_type"));
                values.put("partner_type", wizard.string("partner_type"));
                values.put("partner_id", move.ref("partner_id"));
                values.put("journal_id", journal);
                values.put("currency_id", move.ref("currency_id"));
                values.put("memo", wizard.string("communication"));
                values.put("invoice_ids", List.of(List.of(6, 0, List.of(moveId))));
                long payment = env.orm().create(env, PAYMENT, List.of(values)).get(0);
                long sequence = env.orm().idsWhere(PAYMENT, r -> journal.equals(r.ref("journal_id"))).size();
                env.orm().rawWrite(PAYMENT, payment, Map.of("name", "P" + journalRow.string("code") + "/"
                        + wizard.get("payment_date").toString().substring(0, 4) + "/" + String.format("%05d",
                                sequence), "state", "in_process"));
                // the journal's outstanding account holds it until a bank statement line is matched: in_payment
                MovePosting.registerPayment(env.orm(), moveId, paid.doubleValue(), false);
                payments.add(payment);
            }
        }
        if (Boolean.TRUE.equals(env.context("dont_redirect_to_payments"))) {
            return true;
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", "Payments");
        action.put("type", "ir.actions.act_window");
        action.put("res_model", PAYMENT);
        action.put("context", Map.of("create", false));
        if (payments.size() == 1) {
            action.put("view_mode", "form");
            action.put("res_id", payments.get(0));
        } else {
            action.put("view_mode", "list,form");
            action.put("domain", List.of(List.of("id", "in", payments)));
        }
        return action;
    }
}
