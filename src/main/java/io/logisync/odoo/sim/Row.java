package io.logisync.odoo.sim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One stored record: field name to storage value (null for empty, Long ids, immutable id lists). */
final class Row {

    /** Told of every changed value of a row that lives in a table, to keep the table's indexes right. */
    interface Owner {
        void changed(Row row, String field, Object before, Object after);
    }

    private final Map<String, Object> values;
    /** The table the row lives in; none for a row being built, an undo snapshot or a deleted row. */
    private Owner owner;

    Row(long id) {
        this.values = new HashMap<>();
        values.put("id", id);
    }

    private Row(Map<String, Object> values) {
        this.values = values;
    }

    long id() {
        return (Long) values.get("id");
    }

    Object get(String field) {
        return values.get(field);
    }

    void put(String field, Object value) {
        Object before = values.put(field, value);
        if (owner != null && !Objects.equals(before, value)) {
            owner.changed(this, field, before, value);
        }
    }

    Owner owner() {
        return owner;
    }

    void attach(Owner table) {
        this.owner = table;
    }

    String string(String field) {
        return (String) values.get(field);
    }

    Long ref(String field) {
        return (Long) values.get(field);
    }

    double number(String field) {
        Object value = values.get(field);
        return value == null ? 0.0 : ((Number) value).doubleValue();
    }

    boolean flag(String field) {
        return Boolean.TRUE.equals(values.get(field));
    }

    LocalDate date(String field) {
        return (LocalDate) values.get(field);
    }

    @SuppressWarnings("unchecked")
    List<Long> ids(String field) {
        Object value = values.get(field);
        return value == null ? List.of() : (List<Long>) value;
    }

    /** A copy that shares no mutable state and belongs to no table, for undo snapshots. */
    Row copy() {
        return new Row(new HashMap<>(deepCopy(values)));
    }

    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
