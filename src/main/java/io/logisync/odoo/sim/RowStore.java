package io.logisync.odoo.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The tables of rows, guarded by one lock, with all-or-nothing calls: like Odoo's transaction per request, a call
 * that fails leaves nothing behind.
 */
final class RowStore {

    /**
     * One model's rows with the indexes asked for so far: each is built the first time it is asked for and then kept
     * right on every change of a row living here (its puts, inserts, deletes and the rows a rollback puts back).
     */
    private static final class Table implements Row.Owner {
        final TreeMap<Long, Row> rows = new TreeMap<>();
        final Map<String, ValueIndex> byValue = new HashMap<>();
        final Map<String, NumberIndex> byNumber = new HashMap<>();
        long nextId = 1;

        @Override
        public void changed(Row row, String field, Object before, Object after) {
            ValueIndex values = byValue.get(field);
            if (values != null) {
                values.remove(row.id(), before);
                values.add(row.id(), after);
            }
            NumberIndex numbers = byNumber.get(field);
            if (numbers != null) {
                numbers.remove(before);
                numbers.add(after);
            }
        }

        void added(Row row) {
            row.attach(this);
            byValue.forEach((field, index) -> index.add(row.id(), row.get(field)));
            byNumber.forEach((field, index) -> index.add(row.get(field)));
        }

        void removed(Row row) {
            row.attach(null);
            byValue.forEach((field, index) -> index.remove(row.id(), row.get(field)));
            byNumber.forEach((field, index) -> index.remove(row.get(field)));
        }

        ValueIndex values(String field) {
            ValueIndex index = byValue.get(field);
            if (index == null) {
                index = new ValueIndex();
                for (Row row : rows.values()) {
                    index.add(row.id(), row.get(field));
                }
                byValue.put(field, index);
            }
            return index;
        }

        NumberIndex numbers(String field) {
            NumberIndex index = byNumber.get(field);
            if (index == null) {
                index = new NumberIndex();
                for (Row row : rows.values()) {
                    index.add(row.get(field));
                }
                byNumber.put(field, index);
            }
            return index;
        }
    }

    /** The ids of the rows by their value of one field; only immutable scalar values are indexed. */
    private static final class ValueIndex {
        final Map<Object, TreeSet<Long>> ids = new HashMap<>();

        void add(long id, Object value) {
            if (isIndexable(value)) {
                ids.computeIfAbsent(value, v -> new TreeSet<>()).add(id);
            }
        }

        void remove(long id, Object value) {
            if (isIndexable(value)) {
                TreeSet<Long> set = ids.get(value);
                if (set != null) {
                    set.remove(id);
                    if (set.isEmpty()) {
                        ids.remove(value);
                    }
                }
            }
        }

        Set<Long> get(Object value) {
            TreeSet<Long> set = isIndexable(value) ? ids.get(value) : null;
            return set == null ? Set.of() : set;
        }

        static boolean isIndexable(Object value) {
            return value instanceof String || value instanceof Long || value instanceof Integer
                    || value instanceof Boolean || value instanceof Double || value instanceof java.time.LocalDate
                    || value instanceof java.time.LocalDateTime;
        }
    }

    /**
     * Numbered names such as {@code INV/2026/00042}: for each stem (the name without its trailing ASCII digits) how
     * many names carry each number. A number too long for a long is only counted, so that its stem is searched the
     * slow way and fails as it did.
     */
    private static final class NumberIndex {
        final Map<String, TreeMap<Long, Integer>> numbers = new HashMap<>();
        final Map<String, Integer> unparsable = new HashMap<>();

        void add(Object name) {
            change(name, 1);
        }

        void remove(Object name) {
            change(name, -1);
        }

        private void change(Object value, int delta) {
            if (!(value instanceof String name)) {
                return;
            }
            int start = digitsStart(name);
            if (start == name.length()) {
                return;
            }
            String stem = name.substring(0, start);
            Long number = parse(name.substring(start));
            if (number == null) {
                unparsable.merge(stem, delta, (a, b) -> a + b == 0 ? null : a + b);
                return;
            }
            TreeMap<Long, Integer> counts = numbers.computeIfAbsent(stem, s -> new TreeMap<>());
            counts.merge(number, delta, (a, b) -> a + b == 0 ? null : a + b);
            if (counts.isEmpty()) {
                numbers.remove(stem);
            }
        }

        static int digitsStart(String name) {
            int start = name.length();
            while (start > 0 && name.charAt(start - 1) >= '0' && name.charAt(start - 1) <= '9') {
                start--;
            }
            return start;
        }

        static Long parse(String digits) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private record Key(String model, long id) {
    }

    private final Map<String, Table> tables = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private Map<Key, Optional<Row>> originals;
    private Map<String, Long> originalNextIds;
    /** The time of the running call, taken once: Odoo stamps a whole transaction with its start time. */
    private java.time.LocalDateTime stamp;

    /** Runs work under the lock; when it throws, every row it touched is put back as it was. */
    <T> T transaction(Supplier<T> work) {
        lock.lock();
        try {
            if (originals != null) {
                return work.get();
            }
            originals = new LinkedHashMap<>();
            originalNextIds = new HashMap<>();
            try {
                T result = work.get();
                return result;
            } catch (RuntimeException | Error e) {
                rollback();
                throw e;
            } finally {
                originals = null;
                originalNextIds = null;
                stamp = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The running call's time (the first asked for in it), or the clock's time outside a call. */
    java.time.LocalDateTime stamp(Supplier<java.time.LocalDateTime> clock) {
        if (originals == null) {
            return clock.get();
        }
        if (stamp == null) {
            stamp = clock.get();
        }
        return stamp;
    }

    private void rollback() {
        originals.forEach((key, original) -> {
            Table table = table(key.model());
            Row current = table.rows.remove(key.id());
            if (current != null) {
                table.removed(current);
            }
            if (original.isPresent()) {
                table.rows.put(key.id(), original.get());
                table.added(original.get());
            }
        });
        originalNextIds.forEach((model, next) -> table(model).nextId = next);
    }

    private void remember(String model, long id) {
        if (originals != null) {
            originals.computeIfAbsent(new Key(model, id),
                    key -> Optional.ofNullable(table(model).rows.get(id)).map(Row::copy));
        }
    }

    private Table table(String model) {
        return tables.computeIfAbsent(model, m -> new Table());
    }

    Row get(String model, long id) {
        return table(model).rows.get(id);
    }

    /** The live row, to be changed in place; its previous state is kept for a rollback. */
    Row forUpdate(String model, long id) {
        remember(model, id);
        return table(model).rows.get(id);
    }

    /**
     * The model's rows in id order, as a live read-only view: for reading under the lock. A loop that inserts or
     * deletes rows of the model takes {@link #rowsCopy(String)} instead.
     */
    Collection<Row> rows(String model) {
        return Collections.unmodifiableCollection(table(model).rows.values());
    }

    /** The model's rows in id order, copied: for loops that insert or delete rows of the model as they go. */
    List<Row> rowsCopy(String model) {
        return new ArrayList<>(table(model).rows.values());
    }

    /** The ids of the rows whose stored {@code field} equals {@code value} (a string, Long id...), ascending. */
    List<Long> idsWith(String model, String field, Object value) {
        return new ArrayList<>(table(model).values(field).get(value));
    }

    /** How many rows {@link #idsWith} would give, without copying them. */
    int countWith(String model, String field, Object value) {
        return table(model).values(field).get(value).size();
    }

    /**
     * The highest number among the names {@code prefix} followed by digits only, leaving out the row
     * {@code exceptId}; 0 when there is none; null when the index cannot tell (a prefix ending in a digit, or a
     * number too long for a long), so that the caller looks the slow way.
     */
    Long highestNumber(String model, String field, String prefix, long exceptId) {
        if (NumberIndex.digitsStart(prefix) != prefix.length()) {
            return null;
        }
        Table table = table(model);
        NumberIndex index = table.numbers(field);
        if (index.unparsable.containsKey(prefix)) {
            return null;
        }
        TreeMap<Long, Integer> counts = index.numbers.get(prefix);
        if (counts == null) {
            return 0L;
        }
        Long excluded = null;
        Row except = table.rows.get(exceptId);
        if (except != null && except.get(field) instanceof String name) {
            int start = NumberIndex.digitsStart(name);
            if (start < name.length() && name.substring(0, start).equals(prefix)) {
                excluded = NumberIndex.parse(name.substring(start));
            }
        }
        for (Map.Entry<Long, Integer> entry : counts.descendingMap().entrySet()) {
            int count = entry.getValue() - (entry.getKey().equals(excluded) ? 1 : 0);
            if (count > 0) {
                return entry.getKey();
            }
        }
        return 0L;
    }

    int count(String model) {
        return table(model).rows.size();
    }

    long allocateId(String model) {
        Table table = table(model);
        if (originalNextIds != null) {
            originalNextIds.putIfAbsent(model, table.nextId);
        }
        long id = table.nextId;
        while (table.rows.containsKey(id)) {
            id++;
        }
        table.nextId = id + 1;
        return id;
    }

    void insert(String model, Row row) {
        remember(model, row.id());
        Table table = table(model);
        Row replaced = table.rows.put(row.id(), row);
        if (replaced != row) {
            if (replaced != null) {
                table.removed(replaced);
            }
            table.added(row);
        }
        if (row.id() >= table.nextId) {
            if (originalNextIds != null) {
                originalNextIds.putIfAbsent(model, table.nextId);
            }
            table.nextId = row.id() + 1;
        }
    }

    void delete(String model, long id) {
        remember(model, id);
        Table table = table(model);
        Row removed = table.rows.remove(id);
        if (removed != null) {
            table.removed(removed);
        }
    }

    void setNextId(String model, long nextId) {
        lock.lock();
        try {
            table(model).nextId = nextId;
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            tables.values().forEach(table -> table.rows.values().forEach(row -> row.attach(null)));
            tables.clear();
        } finally {
            lock.unlock();
        }
    }
}
