package io.logisync.masterdata;

import java.util.Map;
import java.util.Objects;

/**
 * A customer or carrier as dispatch states it, validated and normalised: the values logisync compares field by
 * field with what it applied last. Absent fields are held as null.
 *
 * @param fields by the event's field names ({@code name}, {@code taxId}, {@code address}, ...), sorted
 * @param hash the SHA-256 of the code and fields, kept in the binding table to recognise a repeat without a call
 */
public record MasterRecord(PartnerKind kind, String code, Map<String, Object> fields, String hash) {

    public MasterRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
    }

    public Object get(String field) {
        return fields.get(field);
    }

    public String text(String field) {
        Object value = fields.get(field);
        return value == null ? null : value.toString();
    }
}
