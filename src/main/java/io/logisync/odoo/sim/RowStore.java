package io.logisync.odoo.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The tables of rows, guarded by one lock, with all-or-nothing calls: like Odoo's transaction per request, a call
 * that fails leaves nothing behind.
 */
final class RowStore {

    private static final class Table {
        final TreeMap<Long, Row> rows = new TreeMap<>();
        long nextId = 1;
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
            TreeMap<Long, Row> rows = table(key.model()).rows;
            if (original.isPresent()) {
                rows.put(key.id(), original.get());
            } else {
                rows.remove(key.id());
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

    Collection<Row> rows(String model) {
        return new ArrayList<>(table(model).rows.values());
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
        table.rows.put(row.id(), row);
        if (row.id() >= table.nextId) {
            if (originalNextIds != null) {
                originalNextIds.putIfAbsent(model, table.nextId);
            }
            table.nextId = row.id() + 1;
        }
    }

    void delete(String model, long id) {
        remember(model, id);
        table(model).rows.remove(id);
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
            tables.clear();
        } finally {
            lock.unlock();
        }
    }
}
