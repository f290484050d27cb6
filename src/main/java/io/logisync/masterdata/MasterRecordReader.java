package io.logisync.masterdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.logisync.ingress.ApiKeys;
import io.logisync.ingress.Countries;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the data of a customer.upserted or carrier.upserted event into a {@link MasterRecord}, normalising what
 * arrives in many styles (tax ids, e-mail addresses, spacing) and refusing, with the field named, what Odoo must
 * never receive: a country that is not an ISO 3166-1 alpha-2 code, a malformed e-mail address or tax id, a blank
 * required field.
 */
public final class MasterRecordReader {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final Pattern TAX_ID = Pattern.compile("^[A-Z0-9]{4,32}$");
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private MasterRecordReader() {
    }

    /** The record in the data; an {@link IllegalArgumentException} names the first field that is wrong. */
    public static MasterRecord read(PartnerKind kind, JsonNode data) {
        String code = data.get("code").asText();
        Map<String, Object> fields = new TreeMap<>();
        fields.put("name", required(data, "name"));
        fields.put("taxId", taxId(text(data, "taxId")));
        fields.put("email", email(text(data, "email")));
        fields.put("phone", text(data, "phone"));
        fields.put("address", address(data.get("address")));
        fields.put("paymentTermCode", text(data, "paymentTermCode"));
        fields.put("currency", text(data, "currency"));
        fields.put("active", !data.has("active") || data.get("active").asBoolean());
        if (kind == PartnerKind.CUSTOMER) {
            fields.put("billingCompany", text(data, "billingCompany"));
            fields.put("creditLimit", creditLimit(data));
        } else {
            fields.put("scac", text(data, "scac") == null ? null : text(data, "scac").toUpperCase(Locale.ROOT));
        }
        return new MasterRecord(kind, code, fields, hash(code, fields));
    }

    /** Tax ids arrive with spaces, dots and dashes in many styles; they are compared and stored without them. */
    public static String normaliseTaxId(String taxId) {
        if (taxId == null) {
            return null;
        }
        String answer = taxId.replaceAll("[\\s.\\-/]", "").toUpperCase(Locale.ROOT);
        return answer.isEmpty() ? null : answer;
    }

    private static String taxId(String raw) {
        String answer = normaliseTaxId(raw);
        if (answer != null && !TAX_ID.matcher(answer).matches()) {
            throw new IllegalArgumentException("data.taxId: '" + raw + "' is not a tax id: after removing spaces,"
                    + " dots and dashes it must be 4 to 32 letters and digits");
        }
        return answer;
    }

    private static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String answer = raw.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(answer).matches()) {
            throw new IllegalArgumentException("data.email: '" + raw.strip() + "' is not an e-mail address");
        }
        return answer;
    }

    private static Map<String, String> address(JsonNode address) {
        if (address == null || address.isNull()) {
            return null;
        }
        Map<String, String> answer = new TreeMap<>();
        answer.put("street", required(address, "street", "data.address.street"));
        answer.put("street2", text(address, "street2"));
        answer.put("city", required(address, "city", "data.address.city"));
        answer.put("postalCode", text(address, "postalCode"));
        answer.put("region", text(address, "region"));
        String country = required(address, "country", "data.address.country").toUpperCase(Locale.ROOT);
        if (!Countries.isAlpha2(country)) {
            throw new IllegalArgumentException("data.address.country: '" + address.get("country").asText()
                    + "' is not an ISO 3166-1 alpha-2 country code");
        }
        answer.put("country", country);
        return answer;
    }

    private static String creditLimit(JsonNode data) {
        if (!data.hasNonNull("creditLimit")) {
            return null;
        }
        JsonNode value = data.get("creditLimit");
        BigDecimal amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("data.creditLimit: must not be negative, but was " + amount);
        }
        return amount.stripTrailingZeros().toPlainString();
    }

    private static String required(JsonNode node, String field) {
        return required(node, field, "data." + field);
    }

    private static String required(JsonNode node, String field, String path) {
        String answer = text(node, field);
        if (answer == null) {
            throw new IllegalArgumentException(path + ": is required and must not be blank");
        }
        return answer;
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) && !node.get(field).asText().isBlank()
                ? node.get(field).asText().strip() : null;
    }

    private static String hash(String code, Map<String, Object> fields) {
        try {
            return ApiKeys.sha256(code + "\n" + CANONICAL.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("master record " + code + " cannot be written as JSON", e);
        }
    }
}
