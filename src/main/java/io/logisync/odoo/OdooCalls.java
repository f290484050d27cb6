package io.logisync.odoo;

import io.logisync.odoo.transport.Call;
import io.logisync.odoo.transport.ErrorKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the named arguments of the convenience calls and checks the shape of their results. */
final class OdooCalls {

    private OdooCalls() {
    }

    static Map<String, Object> params(String name, Object value) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(name, value);
        return params;
    }

    static Map<String, Object> searchReadParams(List<?> domain, List<String> fields, Integer limit, Integer offset,
            String order) {
        if (fields == null || fields.isEmpty()) {
            // without fields Odoo reads every field, computed ones included: slow, and brittle across versions
            throw new IllegalArgumentException("search_read needs an explicit field list");
        }
        Map<String, Object> params = params("domain", domain == null ? List.of() : domain);
        params.put("fields", fields);
        if (limit != null) {
            params.put("limit", limit);
        }
        if (offset != null && offset > 0) {
            params.put("offset", offset);
        }
        params.put("order", order == null || order.isBlank() ? OdooClient.DEFAULT_ORDER : order);
        return params;
    }

    static Map<String, Object> readParams(List<Long> ids, List<String> fields) {
        Map<String, Object> params = params("ids", ids);
        if (fields != null) {
            params.put("fields", fields);
        }
        return params;
    }

    static List<OdooRecord> searchReadAll(OdooClient client, String model, List<?> domain, List<String> fields,
            int pageSize, OdooContext context) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
        }
        List<OdooRecord> all = new ArrayList<>();
        Long lastId = null;
        while (true) {
            List<Object> page = new ArrayList<>(domain == null ? List.of() : domain);
            if (lastId != null) {
                // appending a term ANDs it with the whole domain, whatever its own operators
                page.add(List.of("id", ">", lastId));
            }
            List<OdooRecord> records = client.searchRead(model, page, fields, pageSize, null, "id", context);
            all.addAll(records);
            if (records.size() < pageSize) {
                return all;
            }
            lastId = records.get(records.size() - 1).id();
        }
    }

    @SuppressWarnings("unchecked")
    static List<OdooRecord> records(String model, String method, Object result) {
        if (!(result instanceof List<?> rows)) {
            throw unexpected(model, method, result);
        }
        List<OdooRecord> records = new ArrayList<>(rows.size());
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> values)) {
                throw unexpected(model, method, result);
            }
            records.add(new OdooRecord((Map<String, Object>) values));
        }
        return records;
    }

    static List<Long> createdIds(String model, Object result, int expected) {
        List<Long> ids = new ArrayList<>();
        if (result instanceof Number single) {
            ids.add(single.longValue());
        } else if (result instanceof List<?> list) {
            for (Object id : list) {
                if (!(id instanceof Number number)) {
                    throw unexpected(model, "create", result);
                }
                ids.add(number.longValue());
            }
        } else {
            throw unexpected(model, "create", result);
        }
        if (ids.size() != expected) {
            throw unexpected(model, "create", result);
        }
        return ids;
    }

    private static OdooException unexpected(String model, String method, Object result) {
        String shown = String.valueOf(result);
        shown = shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
        return ErrorKind.lostReply(Call.of(model, method)).toException(Call.of(model, method), null,
                "unexpected result shape: " + shown, null);
    }
}
