package io.logisync.odoo.sim;

import static io.logisync.odoo.sim.FieldDef.chars;
import static io.logisync.odoo.sim.FieldDef.many2one;

/** The accounting reference data invoices point at: taxes, payment terms, journals, accounts, analytics. */
final class AccountingModels {

    /** Simulator bookkeeping: how much of one move settles another (Odoo keeps this on account.partial.reconcile). */
    static final String RECONCILE = "sim.reconcile";

    private AccountingModels() {
    }

    static void register(ModelRegistry registry) {
        registry.register(new ModelDef("account.tax", "Tax")
                .field(chars("name", "Tax Name").required())
                .field(FieldDef.selection("type_tax_use", "Tax Type", "sale", "Sales", "purchase", "Purchases",
                        "none", "None").defaultTo("sale"))
                // Known gap: 'group' and 'division' taxes are accepted but computed as 'percent'
                .field(FieldDef.selection("amount_type", "Tax Computation", "group", "Group of Taxes", "fixed",
                        "Fixed", "percent", "Percentage", "division", "Percentage Tax Included")
                        .defaultTo("percent"))
                .field(FieldDef.of("amount", FieldType.FLOAT, "Amount"))
                .field(FieldDef.of("price_include", FieldType.BOOLEAN, "Included in Price").defaultTo(false))
                .field(chars("description", "Description"))
                .field(chars("invoice_label", "Label on Invoices"))
                .field(FieldDef.of("sequence", FieldType.INTEGER, "Sequence").defaultTo(1L))
                .field(many2one("company_id", "Company", "res.company").defaultTo(DefaultData.COMPANY))
                .field(FieldDef.of("active", FieldType.BOOLEAN, "Active").defaultTo(true))
                .order("sequence, id"));
        registry.register(new ModelDef("account.payment.term", "Payment Terms")
                .field(chars("name", "Payment Terms").required())
                .field(FieldDef.of("note", FieldType.HTML, "Description on the Invoice"))
                .field(FieldDef.one2many("line_ids", "Terms", "account.payment.term.line", "payment_id"))
                .field(FieldDef.of("sequence", FieldType.INTEGER, "Sequence").defaultTo(10L))
                .field(many2one("company_id", "Company", "res.company"))
                .field(FieldDef.of("active", FieldType.BOOLEAN, "Active").defaultTo(true))
                .order("sequence, id"));
        // Known gap: a payment term is read as one due date at its longest delay; installments are not split
        registry.register(new ModelDef("account.payment.term.line", "Payment Terms Line")
                .field(many2one("payment_id", "Payment Terms", "account.payment.term").required().cascade())
                .field(FieldDef.selection("value", "Type", "percent", "Percent", "fixed", "Fixed")
                        .defaultTo("percent"))
                .field(FieldDef.of("value_amount", FieldType.FLOAT, "Due").defaultTo(100.0))
                .field(FieldDef.of("nb_days", FieldType.INTEGER, "Days").defaultTo(0L))
                .order("id")
                .displayName((orm, row) -> row.number("value_amount") + "% after " + row.get("nb_days") + " days"));
        registry.register(new ModelDef("account.journal", "Journal")
                .field(chars("name", "Journal Name").required())
                .field(chars("code", "Short Code").required())
                .field(FieldDef.selection("type", "Type", "sale", "Sales", "purchase", "Purchase", "cash", "Cash",
                        "bank", "Bank", "credit", "Credit Card", "general", "Miscellaneous").required())
                .field(many2one("default_account_id", "Default Account", "account.account"))
                .field(many2one("currency_id", "Currency", "res.currency"))
                .field(many2one("company_id", "Company", "res.company").defaultTo(DefaultData.COMPANY))
                .field(FieldDef.of("sequence", FieldType.INTEGER, "Sequence").defaultTo(10L))
                .field(FieldDef.of("active", FieldType.BOOLEAN, "Active").defaultTo(true))
                .order("sequence, type, code")
                .nameSearch("name", "code"));
        registry.register(new ModelDef("account.account", "Account")
                .field(chars("name", "Account Name").required())
                .field(chars("code", "Code"))
                .field(FieldDef.selection("account_type", "Type", "asset_receivable", "Receivable", "asset_cash",
                        "Bank and Cash", "asset_current", "Current Assets", "liability_payable", "Payable",
                        "liability_current", "Current Liabilities", "income", "Income", "expense", "Expenses",
                        "equity", "Equity").required())
                .field(FieldDef.of("reconcile", FieldType.BOOLEAN, "Allow Reconciliation"))
                .field(FieldDef.of("active", FieldType.BOOLEAN, "Active").defaultTo(true))
                .order("code, id")
                .nameSearch("code", "name"));
        registry.register(new ModelDef("account.analytic.plan", "Analytic Plans")
                .field(chars("name", "Name").required())
                .order("name, id"));
        registry.register(new ModelDef("account.analytic.account", "Analytic Account")
                .field(chars("name", "Analytic Account").required())
                .field(chars("code", "Reference"))
                .field(many2one("plan_id", "Plan", "account.analytic.plan")
                        .defaultFrom(env -> env.orm().exists("account.analytic.plan", DefaultData.ANALYTIC_PLAN)
                                ? DefaultData.ANALYTIC_PLAN : null))
                .field(many2one("partner_id", "Customer", "res.partner"))
                .field(many2one("company_id", "Company", "res.company"))
                .field(FieldDef.of("active", FieldType.BOOLEAN, "Active").defaultTo(true))
                .order("plan_id, name")
                .nameSearch("name", "code")
                .displayName((orm, row) -> row.string("code") == null ? row.string("name")
                        : "[" + row.string("code") + "] " + row.string("name")));
        registry.register(new ModelDef(RECONCILE, "Reconciliation")
                .field(many2one("move_id", "Settled move", "account.move").required().cascade())
                .field(many2one("counterpart_id", "Settling move", "account.move").cascade())
                .field(FieldDef.of("amount", FieldType.MONETARY, "Amount"))
                .field(FieldDef.of("bank_matched", FieldType.BOOLEAN, "Matched with a bank statement"))
                .internal());
    }
}
