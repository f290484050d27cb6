package io.logisync.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hides prices and personal data in what logisync logs or shows: in an event, the money fields (rates, amounts,
 * prices, totals, costs) and the fields that name or reach a person (email, phone, signer, street, tax id,
 * attached documents) are replaced; in free text, decimal amounts and e-mail addresses. Admins may see payloads in
 * full; everyone else, and every log, sees them redacted.
 */
public final class Redaction {

    public static final String MASK = "[redacted]";

    private static final Set<String> PRICE_FIELDS = Set.of("rate", "amount", "price", "priceunit", "price_unit",
            "unitprice", "total", "subtotal", "cost", "fee", "amount_total", "amount_untaxed", "amount_residual");
    private static final Pattern PRICE_SUFFIX = Pattern.compile("(?i).*(amount|price|total|cost|rate)$");
    private static final Set<String> PERSONAL_FIELDS = Set.of("email", "phone", "mobile", "signedby", "contactname",
            "street", "street2", "taxid", "vat", "contentbase64");
    private static final Pattern MONEY = Pattern.compile("(?<![\\w.])-?\\d{1,3}(?:,?\\d{3})*\\.\\d{1,4}(?![\\w.])");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    private Redaction() {
    }

    /** A copy of the JSON with every price and personal field replaced. */
    public static JsonNode redact(JsonNode node) {
        JsonNode answer = node.deepCopy();
        mask(answer);
        return answer;
    }

    /** Free text with decimal amounts and e-mail addresses hidden, e.g. an error message about a charge. */
    public static String redactText(String text) {
        if (text == null) {
            return null;
        }
        return EMAIL.matcher(MONEY.matcher(text).replaceAll(MASK)).replaceAll(MASK);
    }

    /** True for a field that holds a price or personal data, by its name. */
    public static boolean isSensitive(String field) {
        String name = field.toLowerCase(Locale.ROOT);
        return PRICE_FIELDS.contains(name) || PERSONAL_FIELDS.contains(name) || PRICE_SUFFIX.matcher(field).matches();
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isSensitive(field.getKey()) && !field.getValue().isNull()) {
                    field.setValue(TextNode.valueOf(MASK));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Redaction::mask);
        }
    }
}
