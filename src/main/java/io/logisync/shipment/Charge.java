package io.logisync.shipment;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One billable charge of a shipment, with its money as decimals (never floating point). */
public record Charge(String chargeCode, String description, BigDecimal quantity, BigDecimal rate, BigDecimal amount) {

    /** Reads a charge from the event, where quantities and money come as JSON numbers or strings. */
    public static Charge from(JsonNode node) {
        return new Charge(node.get("chargeCode").asText(), text(node, "description"),
                decimal(node, "quantity"), decimal(node, "rate"), decimal(node, "amount"));
    }

    public boolean isPriced() {
        return rate != null || amount != null;
    }

    /**
     * The unit price for Odoo. A rate is used as it is; an amount alone is spread over the quantity when that divides
     * to the cent, and otherwise billed as one unit so that the line total stays exactly the amount.
     */
    public BigDecimal unitPrice() {
        if (rate != null) {
            return rate;
        }
        BigDecimal perUnit = amount.divide(quantity, 6, RoundingMode.HALF_UP).stripTrailingZeros();
        return perUnit.scale() <= 2 && perUnit.multiply(quantity).compareTo(amount) == 0 ? perUnit : amount;
    }

    /** The quantity Odoo bills, which is one when the amount could not be spread over the quantity. */
    public BigDecimal billedQuantity() {
        return rate == null && unitPrice().compareTo(amount) == 0 && quantity.compareTo(BigDecimal.ONE) != 0
                ? BigDecimal.ONE : quantity;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
