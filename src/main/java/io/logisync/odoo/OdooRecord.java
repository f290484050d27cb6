package io.logisync.odoo;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One record as Odoo returned it, read through typed getters that apply Odoo's value rules: {@code false} is null
 * on every non-boolean field, a many2one is {@code [id, name]}.
 */
public final class OdooRecord {

    private final Map<String, Object> values;

    public OdooRecord(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public long id() {
        return ((Number) values.get("id")).longValue();
    }

    /** The raw decoded values, as they came over the wire. */
    public Map<String, Object> raw() {
        return values;
    }

    public String getString(String field) {
        Object value = present(field);
        return value == null ? null : value.toString();
    }

    public Long getLong(String field) {
        Object value = present(field);
        return value == null ? null : ((Number) value).longValue();
    }

    public BigDecimal getDecimal(String field) {
        Object value = present(field);
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    public boolean getBoolean(String field) {
        return Boolean.TRUE.equals(values.get(field));
    }

    public Many2one getMany2one(String field) {
        Object value = present(field);
        if (value == null) {
            return null;
        }
        List<?> pair = (List<?>) value;
        return new Many2one(((Number) pair.get(0)).longValue(), pair.size() > 1 ? String.valueOf(pair.get(1)) : null);
    }

    public List<Long> getIds(String field) {
        Object value = values.get(field);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(v -> ((Number) v).longValue()).toList();
    }

    private Object present(String field) {
        Object value = values.get(field);
        return Boolean.FALSE.equals(value) ? null : value;
    }

    @Override
    public String toString() {
        return "OdooRecord" + values;
    }
}
