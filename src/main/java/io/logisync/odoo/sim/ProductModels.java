package io.logisync.odoo.sim;

import static io.logisync.odoo.sim.FieldDef.chars;
import static io.logisync.odoo.sim.FieldDef.many2many;
import static io.logisync.odoo.sim.FieldDef.many2one;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code product.template} and {@code product.product}: one variant per template, sharing their fields. */
final class ProductModels {

    static final String PRODUCT = "product.product";
    static final String TEMPLATE = "product.template";
    private static final List<String> SHARED = List.of("name", "default_code", "type", "list_price", "standard_price",
            "uom_id", "taxes_id", "supplier_taxes_id", "sale_ok", "purchase_ok", "categ_id", "active",
            "description_sale", "description_purchase", "barcode");

    private ProductModels() {
    }

    static void register(ModelRegistry registry) {
        ModelDef template = shared(new ModelDef(TEMPLATE, "Product"))
                .field(FieldDef.one2many("product_variant_ids", "Products", PRODUCT, "product_tmpl_id"))
                .order("name, id")
                .nameSearch("default_code", "name")
                .displayName(ProductModels::codeAndName)
                .behaviour(new TemplateRules());
        ModelDef product = shared(new ModelDef(PRODUCT, "Product Variant"))
                .field(many2one("product_tmpl_id", "Product Template", TEMPLATE).required().cascade())
                .order("default_code, name, id")
                .nameSearch("default_code", "name", "barcode")
                .displayName(ProductModels::codeAndName)
                .behaviour(new VariantRules());
        registry.register(template);
        registry.register(product);
    }

    private static ModelDef shared(ModelDef model) {
        return model
                .field(chars("name", "Name").required())
                .field(chars("default_code", "Internal Reference"))
                .field(FieldDef.selection("type", "Product Type", "consu", "Goods", "service", "Service",
                        "combo", "Combo").defaultTo("consu"))
                .field(FieldDef.of("list_price", FieldType.FLOAT, "Sales Price").digits(2).defaultTo(1.0))
                .field(FieldDef.of("standard_price", FieldType.FLOAT, "Cost").digits(2).defaultTo(0.0))
                .field(many2one("uom_id", "Unit", "uom.uom").defaultTo(DefaultData.UOM_UNITS))
                .field(many2many("taxes_id", "Sales Taxes", "account.tax")
                        .defaultFrom(env -> companyTax(env, "account_sale_tax_id")))
                .field(many2many("supplier_taxes_id", "Purchase Taxes", "account.tax")
                        .defaultFrom(env -> companyTax(env, "account_purchase_tax_id")))
                .field(FieldDef.of("sale_ok", FieldType.BOOLEAN, "Can be Sold").defaultTo(true))
                .field(FieldDef.of("purchase_ok", FieldType.BOOLEAN, "Can be Purchased").defaultTo(true))
                .field(many2one("categ_id", "Product Category", "product.category")
                        .defaultFrom(env -> env.orm().exists("product.category", DefaultData.PRODUCT_CATEGORY_ALL)
                                ? DefaultData.PRODUCT_CATEGORY_ALL : null))
                .field(FieldDef.of("active", FieldType.BOOLEAN, "Active").defaultTo(true))
                .field(FieldDef.of("description_sale", FieldType.TEXT, "Sales Description"))
                .field(FieldDef.of("description_purchase", FieldType.TEXT, "Purchase Description"))
                .field(chars("barcode", "Barcode"));
    }

    /** A new product takes the default tax of each company the call acts in, as Odoo's env.companies. */
    private static List<Long> companyTax(Env env, String field) {
        List<Long> answer = new java.util.ArrayList<>();
        for (long company : env.companyIds()) {
            Object tax = env.orm().exists("res.company", company) ? env.orm().value("res.company", company, field)
                    : null;
            if (tax != null && !answer.contains((Long) tax)) {
                answer.add((Long) tax);
            }
        }
        return answer;
    }

    /** Products read as "[CODE] Name" wherever they appear as a many2one. */
    static String codeAndName(Orm orm, Row row) {
        String code = row.string("default_code");
        String name = row.string("name") == null ? "" : row.string("name");
        return code == null ? name : "[" + code + "] " + name;
    }

    private static void copyShared(Orm orm, String fromModel, long fromId, String toModel, long toId,
            Iterable<String> fields) {
        Row source = orm.row(fromModel, fromId);
        Map<String, Object> values = new HashMap<>();
        for (String field : fields) {
            if (SHARED.contains(field)) {
                values.put(field, Row.deepCopy(source.get(field)));
            }
        }
        if (!values.isEmpty()) {
            orm.rawWrite(toModel, toId, values);
        }
    }

    /** A template creates its variant unless the variant is what created it. */
    private static final class TemplateRules implements ModelBehaviour {
        @Override
        public void afterCreate(Env env, long id, Map<String, Object> vals) {
            if (!Boolean.FALSE.equals(env.context("create_product_product"))) {
                env.orm().create(env, PRODUCT, List.of(Map.of("product_tmpl_id", id)));
            }
        }

        @Override
        public void afterWrite(Env env, List<Long> ids, Map<String, Object> vals) {
            for (long id : ids) {
                for (long variant : env.orm().childIds(PRODUCT, "product_tmpl_id", id)) {
                    copyShared(env.orm(), TEMPLATE, id, PRODUCT, variant, vals.keySet());
                }
            }
        }
    }

    /** A variant created alone gets a template of its own; shared fields are kept equal on both sides. */
    private static final class VariantRules implements ModelBehaviour {
        @Override
        public void beforeCreate(Env env, Map<String, Object> vals) {
            Object template = vals.get("product_tmpl_id");
            if (ValueCodec.truthy(template)) {
                long templateId = env.orm().requireExisting(env, TEMPLATE, ValueCodec.toId(template));
                Map<String, Object> inherited = env.orm().read(env, TEMPLATE, List.of(templateId), SHARED, false)
                        .get(0);
                SHARED.forEach(field -> vals.putIfAbsent(field, inherited.get(field)));
                return;
            }
            Map<String, Object> templateVals = new HashMap<>();
            SHARED.forEach(field -> {
                if (vals.containsKey(field)) {
                    templateVals.put(field, vals.get(field));
                }
            });
            Env quiet = env.withContext("create_product_product", false);
            vals.put("product_tmpl_id", env.orm().create(quiet, TEMPLATE, List.of(templateVals)).get(0));
        }

        @Override
        public void afterCreate(Env env, long id, Map<String, Object> vals) {
            Row row = env.orm().row(PRODUCT, id);
            copyShared(env.orm(), PRODUCT, id, TEMPLATE, row.ref("product_tmpl_id"), SHARED);
        }

        @Override
        public void afterWrite(Env env, List<Long> ids, Map<String, Object> vals) {
            for (long id : ids) {
                Row row = env.orm().row(PRODUCT, id);
                copyShared(env.orm(), PRODUCT, id, TEMPLATE, row.ref("product_tmpl_id"), vals.keySet());
            }
        }

        @Override
        public void afterUnlink(Env env, List<Row> deleted) {
            List<Long> orphans = new ArrayList<>();
            for (Row row : deleted) {
                long template = row.ref("product_tmpl_id");
                if (env.orm().exists(TEMPLATE, template)
                        && env.orm().childIds(PRODUCT, "product_tmpl_id", template).isEmpty()) {
                    orphans.add(template);
                }
            }
            if (!orphans.isEmpty()) {
                env.orm().unlink(env, TEMPLATE, orphans);
            }
        }
    }
}
