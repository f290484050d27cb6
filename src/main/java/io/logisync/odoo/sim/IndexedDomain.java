package io.logisync.odoo.sim;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Narrows a search to the rows an index can name, so that its cost follows what it finds rather than the table.
 *
 * <p>Only a domain whose terms are all joined by AND is narrowed, on its most selective {@code =} or {@code in} term
 * over the id or a stored many2one, char or selection field; the whole domain is still evaluated on those rows, so
 * the answer is the same. Terms before the chosen one must be ones that cannot fail on a row (the rows left out
 * would have stopped at the chosen term, never reaching the later ones), so a failing term fails as before.
 * Anything else (OR, NOT, dotted paths, computed fields, other operators) is answered by a full scan.
 */
final class IndexedDomain {

    private static final Set<String> EQUALITY = Set.of("=", "!=", "<>", "in", "not in", "=?");
    private static final Set<String> LIKE = Set.of("like", "not like", "ilike", "not ilike", "=like", "=ilike");

    private IndexedDomain() {
    }

    /** One indexable term: the values of a field (or ids) it accepts. */
    private record Lookup(String field, Collection<?> keys) {
    }

    /**
     * The ids of the rows the domain can match, ascending, or null when no index applies. The domain has been
     * compiled already, so it is well formed.
     */
    static List<Long> candidates(Orm orm, ModelDef model, Object domain) {
        if (!(domain instanceof List<?> items) || items.isEmpty()) {
            return null;
        }
        for (Object item : items) {
            if ("|".equals(item) || "!".equals(item)) {
                return null;
            }
        }
        RowStore store = orm.store();
        Lookup best = null;
        long bestSize = Long.MAX_VALUE;
        for (Object item : items) {
            if ("&".equals(item)) {
                continue;
            }
            List<?> leaf = (List<?>) item;
            Lookup lookup = lookup(model, leaf);
            if (lookup != null) {
                long size = size(store, model, lookup);
                if (size < bestSize) {
                    best = lookup;
                    bestSize = size;
                }
            } else if (!cannotFail(model, leaf)) {
                break;
            }
        }
        if (best == null) {
            return null;
        }
        TreeSet<Long> ids = new TreeSet<>();
        for (Object key : best.keys()) {
            if (best.field().equals("id")) {
                long id = (Long) key;
                if (store.get(model.name(), id) != null) {
                    ids.add(id);
                }
            } else {
                ids.addAll(store.idsWith(model.name(), best.field(), key));
            }
        }
        return List.copyOf(ids);
    }

    private static long size(RowStore store, ModelDef model, Lookup lookup) {
        if (lookup.field().equals("id")) {
            return lookup.keys().size();
        }
        long size = 0;
        for (Object key : lookup.keys()) {
            size += store.countWith(model.name(), lookup.field(), key);
        }
        return size;
    }

    private static Lookup lookup(ModelDef model, List<?> leaf) {
        if (!(leaf.get(0) instanceof String path) || path.contains(".")) {
            return null;
        }
        String operator = ((String) leaf.get(1)).toLowerCase(Locale.ROOT);
        if (!operator.equals("=") && !operator.equals("in")) {
            return null;
        }
        FieldDef field = model.field(path);
        Object value = leaf.get(2);
        if (value == null) {
            return null;
        }
        Collection<?> options = operator.equals("=") ? List.of(value) : asCollection(value);
        if (field.name().equals("id")) {
            return ids(options);
        }
        if (field.compute() != null || !field.isStored()) {
            return null;
        }
        if (field.type() == FieldType.MANY2ONE) {
            return many2one(field, value, options);
        }
        if (field.type() == FieldType.CHAR || field.type() == FieldType.SELECTION) {
            for (Object option : options) {
                // an empty value also matches the empty rows, which the index does not hold
                if (!(option instanceof String text) || text.isEmpty()) {
                    return null;
                }
            }
            return new Lookup(field.name(), options);
        }
        return null;
    }

    private static Lookup ids(Collection<?> options) {
        List<Long> keys = new java.util.ArrayList<>();
        for (Object option : options) {
            if (!(option instanceof Long || option instanceof Integer || option instanceof Short)) {
                return null;
            }
            keys.add(((Number) option).longValue());
        }
        return new Lookup("id", keys);
    }

    private static Lookup many2one(FieldDef field, Object value, Collection<?> options) {
        boolean byName = value instanceof String
                || (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(String.class::isInstance));
        if (byName) {
            return null;
        }
        List<Long> keys = new java.util.ArrayList<>();
        for (Object option : options) {
            // an empty option matches the rows pointing nowhere, which the index does not hold
            if (!ValueCodec.truthy(option)) {
                return null;
            }
            keys.add(ValueCodec.toId(option));
        }
        return new Lookup(field.name(), keys);
    }

    /** Whether evaluating the term on any row can only answer, never raise. */
    private static boolean cannotFail(ModelDef model, List<?> leaf) {
        if (leaf.get(0) instanceof Number) {
            return true;
        }
        if (!(leaf.get(0) instanceof String path) || path.contains(".")) {
            return false;
        }
        String operator = ((String) leaf.get(1)).toLowerCase(Locale.ROOT);
        FieldDef field = model.field(path);
        Object value = leaf.get(2);
        if (field.compute() != null) {
            return false;
        }
        return switch (field.type()) {
            case CHAR, TEXT, HTML, SELECTION -> EQUALITY.contains(operator) || LIKE.contains(operator);
            case BOOLEAN, INTEGER, FLOAT, MONETARY -> EQUALITY.contains(operator);
            case MANY2ONE, MANY2MANY, ONE2MANY -> EQUALITY.contains(operator) && !byNameOrText(value);
            default -> false;
        };
    }

    private static boolean byNameOrText(Object value) {
        if (value instanceof String) {
            return true;
        }
        return value instanceof Collection<?> options && options.stream().anyMatch(String.class::isInstance);
    }

    private static Collection<?> asCollection(Object value) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        return value == null ? List.of() : List.of(value);
    }
}
