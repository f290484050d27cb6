package io.logisync.odoo.sim;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Compiles an Odoo domain (prefix notation, implicit AND) into a test on rows, refusing what Odoo refuses. */
final class DomainEvaluator {

    private static final Set<String> OPERATORS = Set.of("=", "!=", "<>", "<", ">", "<=", ">=", "=?", "in", "not in",
            "like", "not like", "ilike", "not ilike", "=like", "=ilike", "child_of", "parent_of", "any", "not any");
    private static final Set<String> NEGATIVE = Set.of("!=", "<>", "not in", "not like", "not ilike", "not any");

    private final Predicate<Row> test;

    private DomainEvaluator(Predicate<Row> test) {
        this.test = test;
    }

    boolean matches(Row row) {
        return test.test(row);
    }

    static DomainEvaluator compile(Orm orm, ModelDef model, Object domain, boolean activeTest) {
        List<?> items = asDomain(domain);
        Predicate<Row> test = new Compiler(orm, model).compile(items);
        if (activeTest && model.hasField("active") && !mentionsActive(items)) {
            test = test.and(row -> row.flag("active"));
        }
        return new DomainEvaluator(test);
    }

    private static List<?> asDomain(Object domain) {
        if (domain == null || Boolean.FALSE.equals(domain)) {
            return List.of();
        }
        if (!(domain instanceof List<?> list)) {
            throw OdooError.valueError("Invalid domain: " + PyRepr.of(domain));
        }
        return list;
    }

    private static boolean mentionsActive(List<?> items) {
        for (Object item : items) {
            if (item instanceof List<?> leaf && !leaf.isEmpty() && leaf.get(0) instanceof String path
                    && path.split("\\.")[0].equals("active")) {
                return true;
            }
        }
        return false;
    }

    /** Compiles the domain of one model; a path such as {@code partner_id.name} recurses into the comodel. */
    private static final class Compiler {
        private final Orm orm;
        private final ModelDef model;

        Compiler(Orm orm, ModelDef model) {
            this.orm = orm;
            this.model = model;
        }

        Predicate<Row> compile(List<?> items) {
            Deque<Predicate<Row>> stack = new ArrayDeque<>();
            for (int i = items.size() - 1; i >= 0; i--) {
                Object item = items.get(i);
                if ("!".equals(item)) {
                    stack.push(pop(stack, items).negate());
                } else if ("&".equals(item) || "|".equals(item)) {
                    Predicate<Row> first = pop(stack, items);
                    Predicate<Row> second = pop(stack, items);
                    stack.push("&".equals(item) ? first.and(second) : first.or(second));
                } else {
                    stack.push(leaf(item));
                }
            }
            Predicate<Row> answer = row -> true;
            while (!stack.isEmpty()) {
                answer = answer.and(stack.pop());
            }
            return answer;
        }

        private static Predicate<Row> pop(Deque<Predicate<Row>> stack, List<?> items) {
            if (stack.isEmpty()) {
                throw OdooError.valueError("Invalid domain " + PyRepr.of(items));
            }
            return stack.pop();
        }

        private Predicate<Row> leaf(Object item) {
            if (!(item instanceof List<?> leaf) || leaf.size() != 3) {
                throw OdooError.valueError("Invalid term " + PyRepr.of(item) + " in domain");
            }
            Object left = leaf.get(0);
            Object value = leaf.get(2);
            if (!(leaf.get(1) instanceof String rawOperator)
                    || !OPERATORS.contains(rawOperator.toLowerCase(Locale.ROOT))) {
                throw OdooError.valueError("Invalid operator in condition " + PyRepr.tuple(leaf));
            }
            String operator = rawOperator.toLowerCase(Locale.ROOT);
            if (left instanceof Number n) {
                // the constant leaves (1, '=', 1) and (0, '=', 1)
                boolean constant = value instanceof Number v && n.longValue() == v.longValue();
                return row -> operator.equals("=") == constant;
            }
            if (!(left instanceof String path)) {
                throw OdooError.valueError("Invalid term " + PyRepr.of(item) + " in domain");
            }
            String[] parts = path.split("\\.", 2);
            FieldDef field = model.field(parts[0]);
            if (field == null) {
                throw OdooError.valueError("Invalid field " + model.name() + "." + parts[0] + " in condition "
                        + PyRepr.tuple(leaf));
            }
            if (parts.length == 2) {
                return pathLeaf(field, parts[1], operator, value, leaf);
            }
            if (operator.equals("any") || operator.equals("not any")) {
                return anyLeaf(field, operator, value, leaf);
            }
            Predicate<Row> positive = condition(field, NEGATIVE.contains(operator) ? positiveOf(operator) : operator,
                    value);
            return NEGATIVE.contains(operator) ? positive.negate() : positive;
        }

        private static String positiveOf(String operator) {
            return switch (operator) {
                case "!=", "<>" -> "=";
                case "not in" -> "in";
                case "not like" -> "like";
                case "not ilike" -> "ilike";
                default -> operator;
            };
        }

        private Predicate<Row> pathLeaf(FieldDef field, String rest, String operator, Object value, List<?> leaf) {
            if (!field.type().isRelational()) {
                throw OdooError.valueError("Invalid field " + model.name() + "." + field.name() + " in condition "
                        + PyRepr.tuple(leaf));
            }
            ModelDef comodel = orm.registry().get(field.relationModel());
            Predicate<Row> sub = new Compiler(orm, comodel).leaf(List.of(rest, operator, value));
            return row -> related(field, row).stream().map(id -> orm.row(comodel.name(), id))
                    .anyMatch(target -> target != null && sub.test(target));
        }

        private Predicate<Row> anyLeaf(FieldDef field, String operator, Object value, List<?> leaf) {
            if (!field.type().isRelational()) {
                throw OdooError.valueError("Invalid field " + model.name() + "." + field.name() + " in condition "
                        + PyRepr.tuple(leaf));
            }
            ModelDef comodel = orm.registry().get(field.relationModel());
            DomainEvaluator sub = DomainEvaluator.compile(orm, comodel, value, false);
            Predicate<Row> any = row -> related(field, row).stream().map(id -> orm.row(comodel.name(), id))
                    .anyMatch(target -> target != null && sub.matches(target));
            return operator.equals("any") ? any : any.negate();
        }

        @SuppressWarnings("unchecked")
        private List<Long> related(FieldDef field, Row row) {
            Object stored = orm.value(model, row, field);
            if (stored == null) {
                return List.of();
            }
            return stored instanceof Long id ? List.of(id) : (List<Long>) stored;
        }

        private Predicate<Row> condition(FieldDef field, String operator, Object value) {
            if (field.type().isRelational()) {
                return relational(field, operator, value);
            }
            return switch (operator) {
                case "=" -> row -> equalsValue(field, orm.value(model, row, field), value);
                case "=?" -> ValueCodec.truthy(value) || value instanceof Number
                        ? row -> equalsValue(field, orm.value(model, row, field), value) : row -> true;
                case "in" -> {
                    Collection<?> options = asCollection(value);
                    yield row -> {
                        Object stored = orm.value(model, row, field);
                        return options.stream().anyMatch(option -> equalsValue(field, stored, option));
                    };
                }
                case "like", "ilike", "=like", "=ilike" -> {
                    Pattern pattern = likePattern(operator, value);
                    yield row -> {
                        Object stored = orm.value(model, row, field);
                        return stored != null && pattern.matcher(asText(stored)).matches();
                    };
                }
                case "<", ">", "<=", ">=" -> row -> compare(field, orm.value(model, row, field), operator, value);
                case "child_of", "parent_of" -> hierarchy(operator, value);
                default -> throw new IllegalStateException(operator);
            };
        }

        private Predicate<Row> relational(FieldDef field, String operator, Object value) {
            String comodel = field.relationModel();
            boolean byName = value instanceof String
                    || (value instanceof List<?> list && !list.isEmpty()
                            && list.stream().allMatch(String.class::isInstance));
            if (operator.equals("child_of") || operator.equals("parent_of")) {
                ModelDef target = orm.registry().get(comodel);
                Predicate<Row> inTarget = new Compiler(orm, target).hierarchy(operator, value);
                return row -> related(field, row).stream().map(id -> orm.row(comodel, id))
                        .anyMatch(r -> r != null && inTarget.test(r));
            }
            if (operator.contains("like") || byName) {
                Predicate<String> nameTest = nameTest(operator, value);
                return row -> related(field, row).stream()
                        .map(id -> orm.displayName(comodel, id))
                        .anyMatch(name -> name != null && nameTest.test(name));
            }
            return switch (operator) {
                case "=", "=?" -> {
                    if (!ValueCodec.truthy(value)) {
                        yield operator.equals("=?") ? row -> true : row -> related(field, row).isEmpty();
                    }
                    long id = ValueCodec.toId(value);
                    yield row -> related(field, row).contains(id);
                }
                case "in" -> {
                    Collection<?> options = asCollection(value);
                    boolean withEmpty = options.stream().anyMatch(option -> !ValueCodec.truthy(option));
                    Set<Long> ids = new HashSet<>();
                    options.stream().filter(ValueCodec::truthy).forEach(option -> ids.add(ValueCodec.toId(option)));
                    yield row -> {
                        List<Long> linked = related(field, row);
                        return (withEmpty && linked.isEmpty()) || linked.stream().anyMatch(ids::contains);
                    };
                }
                case "<", ">", "<=", ">=" -> row -> {
                    List<Long> linked = related(field, row);
                    return !linked.isEmpty() && compare(model.field("id"), linked.get(0), operator, value);
                };
                default -> throw new IllegalStateException(operator);
            };
        }

        private Predicate<String> nameTest(String operator, Object value) {
            if (operator.contains("like")) {
                Pattern pattern = likePattern(operator, value);
                return name -> pattern.matcher(name).matches();
            }
            Collection<?> options = asCollection(value);
            return name -> options.contains(name);
        }

        private Predicate<Row> hierarchy(String operator, Object value) {
            String parent = model.parentField();
            Set<Long> roots = new HashSet<>();
            if (value instanceof String name) {
                roots.addAll(orm.idsWhere(model.name(), row -> name.equals(orm.displayName(model.name(), row.id()))));
            } else {
                roots.addAll(ValueCodec.toIds(value));
            }
            if (parent == null) {
                return row -> roots.contains(row.id());
            }
            if (operator.equals("child_of")) {
                return row -> ancestorsOf(row.id(), parent).stream().anyMatch(roots::contains);
            }
            Set<Long> ancestors = new HashSet<>();
            roots.forEach(root -> ancestors.addAll(ancestorsOf(root, parent)));
            return row -> ancestors.contains(row.id());
        }

        /** The record itself and all its parents, stopping on a loop. */
        private List<Long> ancestorsOf(long id, String parentField) {
            List<Long> chain = new ArrayList<>();
            Long current = id;
            while (current != null && !chain.contains(current)) {
                chain.add(current);
                Row row = orm.row(model.name(), current);
                current = row == null ? null : row.ref(parentField);
            }
            return chain;
        }

        private static Collection<?> asCollection(Object value) {
            if (value instanceof Collection<?> c) {
                return c;
            }
            return value == null ? List.of() : List.of(value);
        }

        private boolean equalsValue(FieldDef field, Object stored, Object value) {
            if (field.type() == FieldType.BOOLEAN) {
                return Boolean.TRUE.equals(stored) == ValueCodec.truthy(value);
            }
            if (!ValueCodec.truthy(value) && !(value instanceof Number)) {
                return stored == null || (stored instanceof String s && s.isEmpty());
            }
            if (stored == null) {
                return false;
            }
            Object expected = coerce(field, value);
            if (stored instanceof Number a && expected instanceof Number b) {
                return a.doubleValue() == b.doubleValue();
            }
            return stored.equals(expected);
        }

        private boolean compare(FieldDef field, Object stored, String operator, Object value) {
            if (stored == null || value == null || Boolean.FALSE.equals(value)) {
                return false;
            }
            int result = RecordOrder.compareValues(stored, coerce(field, value));
            return switch (operator) {
                case "<" -> result < 0;
                case ">" -> result > 0;
                case "<=" -> result <= 0;
                default -> result >= 0;
            };
        }

        private static Object coerce(FieldDef field, Object value) {
            return switch (field.type()) {
                case DATE -> value instanceof String s ? ValueCodec.date(s) : value;
                case DATETIME -> value instanceof String s ? ValueCodec.datetime(s) : value;
                case CHAR, TEXT, HTML, SELECTION, BINARY -> value instanceof String ? value : asText(value);
                default -> value;
            };
        }

        private static String asText(Object value) {
            if (value instanceof LocalDate d) {
                return ValueCodec.DATE.format(d);
            }
            if (value instanceof LocalDateTime d) {
                return ValueCodec.DATETIME.format(d);
            }
            if (value instanceof Double d) {
                return PyRepr.floatRepr(d);
            }
            return String.valueOf(value);
        }

        /** SQL LIKE semantics: {@code %} and {@code _} are wildcards; like/ilike wrap the value in {@code %}. */
        private static Pattern likePattern(String operator, Object value) {
            String raw = value == null || Boolean.FALSE.equals(value) ? "" : asText(value);
            String sql = operator.startsWith("=") ? raw : "%" + raw + "%";
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '\\' && i + 1 < sql.length()) {
                    regex.append(Pattern.quote(String.valueOf(sql.charAt(++i))));
                } else if (c == '%') {
                    regex.append(".*");
                } else if (c == '_') {
                    regex.append('.');
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            int flags = Pattern.DOTALL | (operator.contains("ilike") ? Pattern.CASE_INSENSITIVE
                    | Pattern.UNICODE_CASE : 0);
            return Pattern.compile(regex.toString(), flags);
        }
    }
}
