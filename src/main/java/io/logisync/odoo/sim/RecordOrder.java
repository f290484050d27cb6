package io.logisync.odoo.sim;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** An {@code order} specification such as {@code "id desc, name"}, checked against the model like Odoo does. */
final class RecordOrder {

    private record Term(FieldDef field, boolean descending, Boolean nullsFirst) {
    }

    private final ModelDef model;
    private final List<Term> terms;

    private RecordOrder(ModelDef model, List<Term> terms) {
        this.model = model;
        this.terms = terms;
    }

    static RecordOrder parse(ModelDef model, String spec) {
        List<Term> terms = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] words = part.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            FieldDef field = model.field(words[0]);
            boolean valid = field != null && words.length <= 4;
            boolean descending = false;
            Boolean nullsFirst = null;
            int next = 1;
            if (valid && words.length > next && words[next].matches("(?i)asc|desc")) {
                descending = words[next].equalsIgnoreCase("desc");
                next++;
            }
            if (valid && words.length == next + 2 && words[next].equalsIgnoreCase("nulls")
                    && words[next + 1].matches("(?i)first|last")) {
                nullsFirst = words[next + 1].equalsIgnoreCase("first");
                next += 2;
            }
            if (!valid || next != words.length) {
                throw OdooError.valueError("Invalid \"order\" specified (" + spec + "). A valid \"order\" "
                        + "specification is a comma-separated list of valid field names (optionally followed by "
                        + "asc/desc for the direction)");
            }
            terms.add(new Term(field, descending, nullsFirst));
        }
        return new RecordOrder(model, terms);
    }

    Comparator<Row> comparator(Orm orm) {
        Comparator<Row> answer = (a, b) -> 0;
        for (Term term : terms) {
            answer = answer.thenComparing((a, b) -> compareTerm(orm, term, a, b));
        }
        // PostgreSQL leaves ties unordered; ascending ids make the simulator deterministic
        return answer.thenComparing(Row::id);
    }

    private int compareTerm(Orm orm, Term term, Row a, Row b) {
        Object left = sortKey(orm, term.field(), a);
        Object right = sortKey(orm, term.field(), b);
        // PostgreSQL puts NULLs last when ascending and first when descending
        boolean nullsFirst = term.nullsFirst() != null ? term.nullsFirst() : term.descending();
        if (left == null || right == null) {
            if (left == right) {
                return 0;
            }
            return (left == null) == nullsFirst ? -1 : 1;
        }
        int result = compareValues(left, right);
        return term.descending() ? -result : result;
    }

    private Object sortKey(Orm orm, FieldDef field, Row row) {
        Object value = orm.value(model, row, field);
        if (field.type() == FieldType.MANY2ONE && value != null) {
            return orm.displayName(field.relationModel(), (Long) value);
        }
        if (field.type() == FieldType.BOOLEAN) {
            return Boolean.TRUE.equals(value);
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object left, Object right) {
        if (left instanceof Number l && right instanceof Number r) {
            return Double.compare(l.doubleValue(), r.doubleValue());
        }
        if (left instanceof String l && right instanceof String r) {
            // the database collation sorts case-insensitively first
            int folded = l.toLowerCase(Locale.ROOT).compareTo(r.toLowerCase(Locale.ROOT));
            return folded != 0 ? folded : l.compareTo(r);
        }
        if (left instanceof Temporal && left.getClass() == right.getClass() && left instanceof Comparable c) {
            return c.compareTo(right);
        }
        if (left instanceof Boolean l && right instanceof Boolean r) {
            return Boolean.compare(l, r);
        }
        return left.toString().compareTo(right.toString());
    }
}
