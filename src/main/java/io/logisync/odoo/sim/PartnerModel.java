package io.logisync.odoo.sim;

import static io.logisync.odoo.sim.FieldDef.chars;
import static io.logisync.odoo.sim.FieldDef.many2one;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code res.partner} and its rules: required name, composite names, fields shared with the parent company. */
final class PartnerModel implements ModelBehaviour {

    static final String MODEL = "res.partner";
    static final List<String> ADDRESS_FIELDS = List.of("street", "street2", "zip", "city", "state_id", "country_id");
    static final List<String> COMMERCIAL_FIELDS = List.of("vat", "property_payment_term_id",
            "property_supplier_payment_term_id");
    private static final Map<String, String> TYPE_LABELS = Map.of("contact", "Contact", "invoice", "Invoice Address",
            "delivery", "Delivery Address", "other", "Other Address");

    static ModelDef definition() {
        return new ModelDef(MODEL, "Contact")
                .field(chars("name", "Name"))
                .field(chars("complete_name", "Complete Name").computed((orm, m, row) -> completeName(orm, row)))
                .field(chars("ref", "Reference"))
                .field(chars("email", "Email"))
                .field(chars("vat", "Tax ID"))
                .field(chars("phone", "Phone"))
                .field(chars("website", "Website Link"))
                .field(chars("function", "Job Position"))
                .field(FieldDef.of("comment", FieldType.HTML, "Notes"))
                .field(chars("street", "Street"))
                .field(chars("street2", "Street2"))
                .field(chars("city", "City"))
                .field(chars("zip", "Zip"))
                .field(many2one("state_id", "State", "res.country.state"))
                .field(many2one("country_id", "Country", "res.country"))
                .field(FieldDef.of("is_company", FieldType.BOOLEAN, "Is a Company").defaultTo(false))
                .field(FieldDef.selection("company_type", "Company Type", "person", "Person", "company", "Company")
                        .computed((orm, m, row) -> row.flag("is_company") ? "company" : "person"))
                .field(FieldDef.selection("type", "Address Type", "contact", "Contact", "invoice", "Invoice Address",
                        "delivery", "Delivery Address", "other", "Other Address").defaultTo("contact"))
                .field(many2one("parent_id", "Related Company", "res.partner"))
                .field(FieldDef.one2many("child_ids", "Contact", MODEL, "parent_id"))
                .field(many2one("commercial_partner_id", "Commercial Entity", MODEL)
                        .computed((orm, m, row) -> commercialPartner(orm, row.id())))
                .field(FieldDef.of("customer_rank", FieldType.INTEGER, "Customer Rank").defaultTo(0L))
                .field(FieldDef.of("supplier_rank", FieldType.INTEGER, "Supplier Rank").defaultTo(0L))
                .field(FieldDef.of("active", FieldType.BOOLEAN, "Active").defaultTo(true))
                .field(FieldDef.of("credit_limit", FieldType.FLOAT, "Credit Limit"))
                .field(many2one("property_payment_term_id", "Customer Payment Terms", "account.payment.term"))
                .field(many2one("property_supplier_payment_term_id", "Vendor Payment Terms", "account.payment.term"))
                .field(many2one("company_id", "Company", "res.company"))
                .field(FieldDef.selection("lang", "Language", "en_US", "English (US)")
                        .defaultFrom(env -> env.context("lang") instanceof String l ? l : "en_US"))
                // Known gap: tz is a free char here; Odoo offers the full pytz list as a selection
                .field(chars("tz", "Timezone").defaultFrom(env -> env.context("tz")))
                .field(FieldDef.many2many("category_id", "Tags", "res.partner.category"))
                // Known gap: no mail activities, so the next activity deadline is always empty
                .field(FieldDef.of("activity_date_deadline", FieldType.DATE, "Next Activity Deadline")
                        .computed((orm, m, row) -> null))
                .order("complete_name, id desc")
                .nameSearch("complete_name", "email", "ref", "vat")
                .parentField("parent_id")
                .displayName(PartnerModel::completeName)
                .behaviour(new PartnerModel());
    }

    /** A person under a company reads "Company, Person", as Odoo's complete_name. */
    static String completeName(Orm orm, Row row) {
        String name = row.string("name") == null ? "" : row.string("name");
        Long parent = row.ref("parent_id");
        if (parent != null && orm.exists(MODEL, parent)) {
            String type = row.string("type");
            if (name.isEmpty() && type != null && !type.equals("contact")) {
                name = TYPE_LABELS.get(type);
            }
            if (!row.flag("is_company")) {
                Row commercial = orm.row(MODEL, commercialPartner(orm, parent));
                String company = commercial.flag("is_company") ? commercial.string("name")
                        : orm.row(MODEL, parent).string("name");
                name = company + ", " + name;
            }
        }
        return name.strip();
    }

    /** The company a contact belongs to: the first company up its parents, or the top parent. */
    static long commercialPartner(Orm orm, long id) {
        long current = id;
        for (int depth = 0; depth < 64; depth++) {
            Row row = orm.row(MODEL, current);
            if (row == null || row.flag("is_company") || row.ref("parent_id") == null) {
                return current;
            }
            current = row.ref("parent_id");
        }
        return current;
    }

    @Override
    public void beforeCreate(Env env, Map<String, Object> vals) {
        companyTypeToFlag(vals);
    }

    @Override
    public void beforeWrite(Env env, List<Long> ids, Map<String, Object> vals) {
        companyTypeToFlag(vals);
    }

    private static void companyTypeToFlag(Map<String, Object> vals) {
        if (vals.containsKey("company_type")) {
            Object type = vals.remove("company_type");
            if (!"company".equals(type) && !"person".equals(type)) {
                throw OdooError.valueError("Wrong value for res.partner.company_type: " + PyRepr.of(type));
            }
            vals.put("is_company", "company".equals(type));
        }
    }

    @Override
    public void afterCreate(Env env, long id, Map<String, Object> vals) {
        syncFromParent(env.orm(), id);
    }

    @Override
    public void afterWrite(Env env, List<Long> ids, Map<String, Object> vals) {
        Orm orm = env.orm();
        for (long id : ids) {
            if (vals.containsKey("parent_id") || vals.containsKey("type")) {
                syncFromParent(orm, id);
            }
            syncChildren(orm, id, vals.keySet());
        }
    }

    /** Odoo shares the commercial fields of a company, and the address of a contact's parent, with its contacts. */
    private static void syncFromParent(Orm orm, long id) {
        Row row = orm.row(MODEL, id);
        Long parent = row.ref("parent_id");
        if (parent == null) {
            return;
        }
        Map<String, Object> values = new HashMap<>();
        Row commercial = orm.row(MODEL, commercialPartner(orm, parent));
        COMMERCIAL_FIELDS.forEach(field -> values.put(field, commercial.get(field)));
        Row parentRow = orm.row(MODEL, parent);
        if ("contact".equals(row.string("type")) && ADDRESS_FIELDS.stream().anyMatch(f -> parentRow.get(f) != null)) {
            ADDRESS_FIELDS.forEach(field -> values.put(field, parentRow.get(field)));
        }
        orm.rawWrite(MODEL, id, values);
    }

    private static void syncChildren(Orm orm, long id, java.util.Set<String> changed) {
        boolean address = ADDRESS_FIELDS.stream().anyMatch(changed::contains);
        boolean commercial = COMMERCIAL_FIELDS.stream().anyMatch(changed::contains);
        if (!address && !commercial) {
            return;
        }
        for (long child : orm.childIds(MODEL, "parent_id", id)) {
            Row childRow = orm.row(MODEL, child);
            Row row = orm.row(MODEL, id);
            Map<String, Object> values = new LinkedHashMap<>();
            if (commercial && !childRow.flag("is_company")) {
                COMMERCIAL_FIELDS.forEach(field -> values.put(field, row.get(field)));
            }
            if (address && "contact".equals(childRow.string("type"))) {
                ADDRESS_FIELDS.forEach(field -> values.put(field, row.get(field)));
            }
            if (!values.isEmpty()) {
                orm.rawWrite(MODEL, child, values);
                syncChildren(orm, child, values.keySet());
            }
        }
    }

    @Override
    public void validate(Env env, Row row) {
        if (row.string("name") == null && "contact".equals(row.string("type"))) {
            throw OdooError.validation("The operation cannot be completed: Contacts require a name");
        }
        Long parent = row.ref("parent_id");
        for (int depth = 0; parent != null && depth < 64; depth++) {
            if (parent == row.id()) {
                throw OdooError.validation("You cannot create recursive Partner hierarchies.");
            }
            Row next = env.orm().row(MODEL, parent);
            parent = next == null ? null : next.ref("parent_id");
        }
    }

    /** Posting an invoice or a bill raises its partner's customer or supplier rank, as Odoo does. */
    static void increaseRank(Orm orm, long partnerId, String rankField) {
        for (long id : new java.util.LinkedHashSet<>(List.of(partnerId, commercialPartner(orm, partnerId)))) {
            Row row = orm.row(MODEL, id);
            orm.rawWrite(MODEL, id, Map.of(rankField, (row.get(rankField) == null ? 0L : (Long) row.get(rankField))
                    + 1));
        }
    }
}
