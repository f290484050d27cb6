package io.logisync.masterdata;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the fields of a master record into {@code res.partner} values: the event's names to Odoo's, codes to the
 * ids of Odoo's countries and payment terms. Every id is looked up before anything is written, so a record that
 * cannot be resolved fails whole. Fields with no place on an Odoo partner (billing company, currency, SCAC) are
 * kept by logisync only.
 */
public class PartnerValues {

    private final OdooDirectory directory;
    private final BillingReferences references;

    public PartnerValues(OdooDirectory directory, BillingReferences references) {
        this.directory = directory;
        this.references = references;
    }

    /**
     * Checks every reference of the record against its table and Odoo (country, payment term, billing company),
     * whoever owns the field and whether or not it is written now, so that a record bound to a partner Odoo already
     * has is held to the same rules as one created; an {@link IllegalArgumentException} names the field.
     */
    public void check(MasterRecord record) {
        forFields(record, java.util.List.of("address", "paymentTermCode"));
        Object company = record.get("billingCompany");
        if (company != null) {
            references.companyId((String) company, "data.billingCompany");
        }
    }

    /** The values of a new partner: every field, whoever owns it, since Odoo has none of its own yet. */
    public Map<String, Object> forCreate(MasterRecord record) {
        Map<String, Object> values = forFields(record, record.fields().keySet());
        values.put("ref", record.code());
        values.put("is_company", true);
        values.put(record.kind().rankField(), 1);
        return values;
    }

    /** The values of the named fields only, for a write of what changed. */
    public Map<String, Object> forFields(MasterRecord record, Collection<String> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : fields) {
            put(values, record, field);
        }
        return values;
    }

    private void put(Map<String, Object> values, MasterRecord record, String field) {
        Object value = record.get(field);
        switch (field) {
            case "name" -> values.put("name", value);
            case "taxId" -> values.put("vat", value);
            case "email" -> values.put("email", value);
            case "phone" -> values.put("phone", value);
            case "active" -> values.put("active", value);
            case "creditLimit" -> values.put("credit_limit", value == null ? 0 : new BigDecimal((String) value));
            case "paymentTermCode" -> values.put(record.kind().paymentTermField(), value == null ? null
                    : references.paymentTermId((String) value, "data.paymentTermCode"));
            case "address" -> address(values, value);
            default -> {
                // billing company, currency and SCAC have no field on an Odoo partner
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void address(Map<String, Object> values, Object value) {
        Map<String, Object> address = value == null ? Map.of() : (Map<String, Object>) value;
        values.put("street", address.get("street"));
        values.put("street2", address.get("street2"));
        values.put("city", address.get("city"));
        values.put("zip", address.get("postalCode"));
        Object country = address.get("country");
        values.put("country_id", country == null ? null : directory.countryId((String) country).orElseThrow(() ->
                new IllegalArgumentException("data.address.country: Odoo knows no country with ISO code " + country)));
        // Known gap: address.region is not mapped to res.country.state yet.
    }
}
