package io.logisync.odoo.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules of {@code account.move.line}: defaults from the product and move type, and the move kept up to date. */
final class MoveLineRules implements ModelBehaviour {

    private static final Set<String> AMOUNT_FIELDS = Set.of("product_id", "quantity", "price_unit", "discount",
            "tax_ids", "account_id", "debit", "credit", "move_id", "display_type");

    @Override
    public void beforeCreate(Env env, Map<String, Object> vals) {
        normalizeAnalyticDistribution(vals);
        Orm orm = env.orm();
        if (!(vals.get("move_id") instanceof Number moveId)) {
            return;
        }
        Row move = orm.row(MoveModels.MOVE, orm.requireExisting(env, MoveModels.MOVE, moveId.longValue()));
        refuseOnPostedMove(move, List.of("line_ids"));
        Object displayType = vals.getOrDefault("display_type", "product");
        if (!"product".equals(displayType)) {
            return;
        }
        boolean sale = MoveModels.isSale(move);
        boolean purchase = MoveModels.isPurchase(move);
        Object product = vals.get("product_id");
        if (ValueCodec.truthy(product)) {
            long productId = orm.requireExisting(env, ProductModels.PRODUCT, ValueCodec.toId(product));
            Row row = orm.row(ProductModels.PRODUCT, productId);
            // Known gap: Odoo also appends the product's sales/purchase description to the label
            vals.putIfAbsent("name", ProductModels.codeAndName(orm, row));
            vals.putIfAbsent("price_unit", purchase ? row.number("standard_price") : row.number("list_price"));
            vals.putIfAbsent("product_uom_id", row.ref("uom_id") == null ? false : row.ref("uom_id"));
            if (sale || purchase) {
                // the product's taxes of the move's company only, else that company's default tax
                Object company = move.ref("company_id");
                List<Long> taxes = row.ids(sale ? "taxes_id" : "supplier_taxes_id").stream()
                        .filter(tax -> company == null || company.equals(orm.value("account.tax", tax, "company_id")))
                        .toList();
                Object fallback = taxes.isEmpty() && company != null ? orm.value("res.company", (Long) company,
                        sale ? "account_sale_tax_id" : "account_purchase_tax_id") : null;
                vals.putIfAbsent("tax_ids", fallback != null ? List.of(fallback) : new ArrayList<>(taxes));
            }
        } else if (sale || purchase) {
            Object tax = orm.value("res.company", move.ref("company_id"), sale ? "account_sale_tax_id"
                    : "account_purchase_tax_id");
            vals.putIfAbsent("tax_ids", tax == null ? List.of() : List.of(tax));
        }
        if (sale || purchase) {
            Object account = orm.value("account.journal", move.ref("journal_id"), "default_account_id");
            vals.putIfAbsent("account_id", account == null ? false : account);
        }
    }

    @Override
    public void afterCreate(Env env, long id, Map<String, Object> vals) {
        recomputeMoves(env, List.of(env.orm().row(MoveModels.LINE, id).ref("move_id")));
    }

    @Override
    public void beforeWrite(Env env, List<Long> ids, Map<String, Object> vals) {
        normalizeAnalyticDistribution(vals);
        List<String> touched = vals.keySet().stream().filter(AMOUNT_FIELDS::contains).toList();
        if (touched.isEmpty()) {
            return;
        }
        Set<Long> moves = movesOf(env, ids);
        if (vals.get("move_id") instanceof Number target) {
            moves.add(target.longValue());
        }
        for (long move : moves) {
            Row row = env.orm().row(MoveModels.MOVE, move);
            if (row != null) {
                // Known gap: Odoo words this differently per field (taxes, accounts, balance)
                refuseOnPostedMove(row, List.of("line_ids"));
            }
        }
    }

    // Known gap: a line moved to another move (move_id written) leaves the move it left with its old amounts
    @Override
    public void afterWrite(Env env, List<Long> ids, Map<String, Object> vals) {
        recomputeMoves(env, movesOf(env, ids));
    }

    @Override
    public void beforeUnlink(Env env, List<Long> ids) {
        for (long move : movesOf(env, ids)) {
            Row row = env.orm().row(MoveModels.MOVE, move);
            if (row != null && "posted".equals(row.string("state"))) {
                throw OdooError.userError(MoveRules.POSTED_UNLINK);
            }
        }
    }

    @Override
    public void afterUnlink(Env env, List<Row> deleted) {
        recomputeMoves(env, deleted.stream().map(row -> row.ref("move_id")).toList());
    }

    private static void refuseOnPostedMove(Row move, List<String> fields) {
        if ("posted".equals(move.string("state"))) {
            throw OdooError.userError("You cannot modify the following readonly fields on a posted move: "
                    + String.join(", ", fields));
        }
    }

    private static Set<Long> movesOf(Env env, List<Long> lineIds) {
        Set<Long> moves = new LinkedHashSet<>();
        for (long id : lineIds) {
            Row line = env.orm().row(MoveModels.LINE, id);
            if (line != null && line.ref("move_id") != null) {
                moves.add(line.ref("move_id"));
            }
        }
        return moves;
    }

    private static void recomputeMoves(Env env, Iterable<Long> moves) {
        for (Long move : new LinkedHashSet<>(toList(moves))) {
            if (move != null && env.orm().exists(MoveModels.MOVE, move)) {
                MoveAccounting.recompute(env.orm(), move);
            }
        }
    }

    private static List<Long> toList(Iterable<Long> items) {
        List<Long> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    /**
     * Odoo's analytic mixin rounds each percentage of {@code analytic_distribution} to the "Percentage Analytic"
     * precision (2 digits) on create and write, so equal distributions compare equal; the JSON keeps the account ids
     * as string keys and the percentages as floats: {@code {"7": 100}} reads back as {@code {"7": 100.0}}.
     */
    static void normalizeAnalyticDistribution(Map<String, Object> vals) {
        if (!vals.containsKey("analytic_distribution")) {
            return;
        }
        Object value = vals.get("analytic_distribution");
        if (!ValueCodec.truthy(value)) {
            vals.put("analytic_distribution", false);
            return;
        }
        if (!(value instanceof Map<?, ?> distribution)) {
            throw OdooError.typeError("analytic_distribution must be a JSON object of analytic account ids to"
                    + " percentages, not " + pythonType(value));
        }
        Map<String, Object> normalized = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : distribution.entrySet()) {
            if (!(entry.getValue() instanceof Number percentage)) {
                throw OdooError.typeError("the percentage of analytic account " + entry.getKey()
                        + " must be a number, not " + pythonType(entry.getValue()));
            }
            normalized.put(String.valueOf(entry.getKey()), new java.math.BigDecimal(percentage.toString())
                    .setScale(2, java.math.RoundingMode.HALF_UP).doubleValue());
        }
        vals.put("analytic_distribution", normalized);
    }

    private static String pythonType(Object value) {
        return value instanceof String ? "str" : value instanceof List<?> ? "list" : value instanceof Boolean ? "bool"
                : value instanceof Double || value instanceof Float ? "float" : value instanceof Number ? "int"
                : value == null ? "NoneType" : "dict";
    }
}
