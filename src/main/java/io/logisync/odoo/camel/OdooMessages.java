package io.logisync.odoo.camel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the odoo component's body and header conventions, failing with a message that says what was expected. */
final class OdooMessages {

    private OdooMessages() {
    }

    /** {@code create} and {@code upsert}: one Map, or a List of Maps. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> valuesList(Object body, String method) {
        if (body instanceof Map<?, ?> one) {
            return List.of((Map<String, Object>) one);
        }
        if (body instanceof Collection<?> many) {
            List<Map<String, Object>> answer = new ArrayList<>(many.size());
            for (Object item : many) {
                if (!(item instanceof Map<?, ?> values)) {
                    throw new IllegalArgumentException("odoo " + method + " needs a Map or a List of Maps, the list "
                            + "holds a " + typeOf(item));
                }
                answer.add((Map<String, Object>) values);
            }
            return answer;
        }
        throw new IllegalArgumentException("odoo " + method + " needs a Map or a List of Maps, got " + typeOf(body));
    }

    /** {@code write} and other calls: a Map of named values, or nothing. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> namedValues(Object body, String method) {
        if (body == null) {
            return new LinkedHashMap<>();
        }
        if (body instanceof Map<?, ?> map) {
            return new LinkedHashMap<>((Map<String, Object>) map);
        }
        throw new IllegalArgumentException("odoo " + method + " needs a Map body, got " + typeOf(body));
    }

    /** {@code search_read}: a domain List in the body, else the endpoint's domain, else every record. */
    static List<?> domain(Object body, List<?> fallback) {
        if (body instanceof List<?> list) {
            return list;
        }
        if (body == null || body instanceof String text && text.isBlank()) {
            return fallback == null ? List.of() : fallback;
        }
        throw new IllegalArgumentException("odoo search_read needs a domain List in the body (or the domain option), "
                + "got " + typeOf(body));
    }

    /** The {@code CamelOdooIds} header: a collection of numbers, one number, or comma-separated text. */
    static List<Long> ids(Object header) {
        if (header == null) {
            return null;
        }
        if (header instanceof Number number) {
            return List.of(number.longValue());
        }
        List<Long> ids = new ArrayList<>();
        if (header instanceof Collection<?> items) {
            for (Object item : items) {
                ids.add(toId(item));
            }
            return ids;
        }
        if (header instanceof String text) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    ids.add(toId(part.trim()));
                }
            }
            return ids;
        }
        throw new IllegalArgumentException(OdooConstants.IDS + " must hold record ids, got " + typeOf(header));
    }

    private static long toId(Object item) {
        if (item instanceof Number number) {
            return number.longValue();
        }
        if (item instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(OdooConstants.IDS + " holds a non-numeric id: " + text, e);
            }
        }
        throw new IllegalArgumentException(OdooConstants.IDS + " must hold record ids, got " + typeOf(item));
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
