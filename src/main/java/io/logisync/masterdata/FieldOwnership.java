package io.logisync.masterdata;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The golden-record rules: for each field of a customer or carrier, which system's value wins. Dispatch owns every
 * field unless {@code logisync.master-data.owner.<kind>.<field>} says {@code odoo}. A field Odoo owns is written
 * when logisync creates the partner, and never again: a later change from dispatch is left out, counted and logged.
 */
public class FieldOwnership {

    /** The system whose value of a field is the truth. */
    public enum Owner { DISPATCH, ODOO }

    private final Map<PartnerKind, Map<String, Owner>> owners = new EnumMap<>(PartnerKind.class);

    /**
     * @param table {@code <kind>.<field>} to {@code dispatch} or {@code odoo}, e.g. {@code customer.creditLimit=odoo}
     * @throws IllegalStateException for an unknown kind, field or owner, so a typo stops the start, not a write
     */
    public FieldOwnership(Map<String, String> table) {
        for (PartnerKind kind : PartnerKind.values()) {
            owners.put(kind, new HashMap<>());
        }
        table.forEach((key, value) -> {
            String[] parts = key.split("\\.", 2);
            String property = "logisync.master-data.owner." + key;
            PartnerKind kind;
            try {
                kind = PartnerKind.of(parts[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(property + ": " + e.getMessage(), e);
            }
            if (parts.length < 2 || !kind.fields().contains(parts[1])) {
                throw new IllegalStateException(property + ": a " + kind.bindingKind() + " has no field '"
                        + (parts.length < 2 ? "" : parts[1]) + "' (fields: " + String.join(", ", kind.fields()) + ")");
            }
            Owner owner;
            try {
                owner = Owner.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(property + " must be dispatch or odoo, but was '" + value + "'", e);
            }
            owners.get(kind).put(parts[1], owner);
        });
    }

    public Owner owner(PartnerKind kind, String field) {
        return owners.get(kind).getOrDefault(field, Owner.DISPATCH);
    }

    public boolean odooOwns(PartnerKind kind, String field) {
        return owner(kind, field) == Owner.ODOO;
    }
}
