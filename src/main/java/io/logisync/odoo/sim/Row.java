package io.logisync.odoo.sim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One stored record: field name to storage value (null for empty, Long ids, immutable id lists). */
final class Row {

    private final Map<String, Object> values;

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
        values.put(field, value);
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

    /** A copy that shares no mutable state, for undo snapshots. */
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
