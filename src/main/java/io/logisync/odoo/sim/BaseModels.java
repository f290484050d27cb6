package io.logisync.odoo.sim;

import static io.logisync.odoo.sim.FieldDef.chars;
import static io.logisync.odoo.sim.FieldDef.many2many;
import static io.logisync.odoo.sim.FieldDef.many2one;

import java.util.LinkedHashMap;
import java.util.Map;

/** Companies, currencies, countries, users, units and categories: the reference data around partners. */
final class BaseModels {

    private BaseModels() {
    }

    static void register(ModelRegistry registry) {
        registry.register(company());
        registry.register(currency());
        registry.register(country());
        registry.register(countryState());
        registry.register(users());
        registry.register(new ModelDef("res.partner.category", "Partner Tags")
                .field(chars("name", "Name").required())
                .field(many2one("parent_id", "Parent Category", "res.partner.category"))
                .field(FieldDef.of("color", FieldType.INTEGER, "Color"))
                .field(FieldDef.of("active", FieldType.BOOLEAN, "Active").defaultTo(true))
                .order("name").parentField("parent_id"));
        registry.register(new ModelDef("uom.uom", "Product Unit of Measure")
                .field(chars("name", "Unit Name").required())
                .field(FieldDef.of("factor", FieldType.FLOAT, "Ratio").defaultTo(1.0))
                .field(FieldDef.of("active", FieldType.BOOLEAN, "Active").defaultTo(true))
                .order("id"));
        registry.register(new ModelDef("product.category", "Product Category")
                .field(chars("name", "Name").required())
                .field(many2one("parent_id", "Parent Category", "product.category"))
                .field(chars("complete_name", "Complete Name").computed((orm, m, row) -> completeName(orm, row)))
                .order("complete_name").parentField("parent_id")
                .displayName(BaseModels::completeName));
    }

    private static String completeName(Orm orm, Row row) {
        Long parent = row.ref("parent_id");
        String own = row.string("name");
        return parent == null || !orm.exists("product.category", parent) ? own
                : orm.displayName("product.category", parent) + " / " + own;
    }

    private static ModelDef company() {
        return new ModelDef("res.company", "Companies")
                .field(chars("name", "Company Name").required())
                .field(many2one("partner_id", "Partner", "res.partner"))
                .field(many2one("currency_id", "Currency", "res.currency").required())
                .field(many2one("country_id", "Country", "res.country"))
                .field(chars("email", "Email"))
                .field(chars("phone", "Phone"))
                .field(chars("vat", "Tax ID"))
                .field(chars("street", "Street"))
                .field(chars("city", "City"))
                .field(chars("zip", "Zip"))
                .field(many2one("account_sale_tax_id", "Default Sale Tax", "account.tax"))
                .field(many2one("account_purchase_tax_id", "Default Purchase Tax", "account.tax"))
                .field(FieldDef.of("sequence", FieldType.INTEGER, "Sequence").defaultTo(10L))
                .field(FieldDef.of("active", FieldType.BOOLEAN, "Active").defaultTo(true))
                .field(FieldDef.of("fiscalyear_lock_date", FieldType.DATE, "Global Lock Date"))
                .field(FieldDef.of("sale_lock_date", FieldType.DATE, "Sales Lock Date"))
                .field(FieldDef.of("purchase_lock_date", FieldType.DATE, "Purchase Lock Date"))
                .field(FieldDef.of("hard_lock_date", FieldType.DATE, "Hard Lock Date"))
                .order("sequence, name");
    }

    private static ModelDef currency() {
        return new ModelDef("res.currency", "Currency")
                .field(chars("name", "Currency").required())
                .field(chars("full_name", "Name"))
                .field(chars("symbol", "Symbol").required())
                .field(FieldDef.selection("position", "Symbol Position", "after", "After Amount", "before",
                        "Before Amount").defaultTo("after"))
                .field(FieldDef.of("rounding", FieldType.FLOAT, "Rounding Factor").defaultTo(0.01))
                .field(FieldDef.of("decimal_places", FieldType.INTEGER, "Decimal Places")
                        .computed((orm, m, row) -> (long) decimalPlaces(row.number("rounding"))))
                .field(FieldDef.of("active", FieldType.BOOLEAN, "Active").defaultTo(true))
                .field(chars("currency_unit_label", "Currency Unit"))
                .field(chars("currency_subunit_label", "Currency Subunit"))
                .order("active desc, name");
    }

    /** Decimal places follow the rounding factor, as in Odoo: 0.01 gives 2. */
    static int decimalPlaces(double rounding) {
        if (rounding <= 0 || rounding >= 1) {
            return 0;
        }
        return (int) Math.ceil(Math.log10(1 / rounding) - 1e-9);
    }

    private static ModelDef country() {
        return new ModelDef("res.country", "Country")
                .field(chars("name", "Country Name").required())
                .field(chars("code", "Country Code"))
                .field(many2one("currency_id", "Currency", "res.currency"))
                .field(FieldDef.of("phone_code", FieldType.INTEGER, "Country Calling Code"))
                .field(FieldDef.one2many("state_ids", "States", "res.country.state", "country_id"))
                .order("name").nameSearch("name", "code");
    }

    private static ModelDef countryState() {
        return new ModelDef("res.country.state", "Country state")
                .field(many2one("country_id", "Country", "res.country").required())
                .field(chars("name", "State Name").required())
                .field(chars("code", "State Code").required())
                .order("country_id, code").nameSearch("name", "code")
                .displayName((orm, row) -> {
                    Object code = orm.value("res.country", row.ref("country_id"), "code");
                    return row.string("name") + (code == null ? "" : " (" + code + ")");
                });
    }

    private static ModelDef users() {
        ModelDef users = new ModelDef("res.users", "User")
                .field(chars("name", "Name").required())
                .field(chars("login", "Login").required())
                .field(many2one("partner_id", "Related Partner", "res.partner"))
                .field(many2one("company_id", "Company", "res.company").defaultTo(DefaultData.COMPANY))
                .field(many2many("company_ids", "Companies", "res.company"))
                .field(chars("email", "Email"))
                .field(chars("lang", "Language").defaultTo("en_US"))
                .field(chars("tz", "Timezone"))
                .field(FieldDef.of("share", FieldType.BOOLEAN, "Share User"))
                .field(FieldDef.of("active", FieldType.BOOLEAN, "Active").defaultTo(true))
                .order("name, login").nameSearch("name", "login");
        return users.method(MethodSpec.onModel("context_get", "Users", (env, model, ids, args) -> {
            Row user = env.orm().row("res.users", env.uid());
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("lang", user == null || user.string("lang") == null ? "en_US" : user.string("lang"));
            context.put("tz", user == null || user.string("tz") == null ? false : user.string("tz"));
            context.put("uid", env.uid());
            return context;
        }));
    }
}
