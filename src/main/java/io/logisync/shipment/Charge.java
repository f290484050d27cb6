package io.logisync.shipment;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One billable charge of a shipment, with its money as decimals (never floating point). */
public record Charge(String chargeCode, String description, BigDecimal quantity, BigDecimal rate, BigDecimal amount) {

    /** Odoo keeps unit prices to 2 decimals ("Product Price") and quantities to 3 ("Product Unit of Measure"). */
    static final int PRICE_DIGITS = 2;
    static final int QUANTITY_DIGITS = 3;

    /** Reads a charge from the event, where quantities and money come as JSON numbers or strings. */
    public static Charge from(JsonNode node) {
        return new Charge(node.get("chargeCode").asText(), text(node, "description"),
                decimal(node, "quantity"), decimal(node, "rate"), decimal(node, "amount"));
    }

    public boolean isPriced() {
        return rate != null || amount != null;
    }

    /** What the customer is billed for this charge: quantity x rate to the cent, or the amount. */
    public BigDecimal lineTotal() {
        return (rate != null ? quantity.multiply(rate) : amount).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The unit price for Odoo. A rate that Odoo can hold is used as it is; otherwise the line total is spread over
     * the quantity when that divides to the cent, and else billed as one unit, so that Odoo's line total is exactly
     * {@link #lineTotal()} whatever Odoo rounds.
     */
    public BigDecimal unitPrice() {
        return billed().unitPrice();
    }

    /** The quantity Odoo bills, which is one when the line total could not be spread over the quantity. */
    public BigDecimal billedQuantity() {
        return billed().quantity();
    }

    /** True when Odoo gets one unit at the line total instead of the charge's own quantity. */
    public boolean isBilledAsOneUnit() {
        return quantity.compareTo(BigDecimal.ONE) != 0 && billedQuantity().compareTo(BigDecimal.ONE) == 0;
    }

    private Billed billed() {
        if (rate != null && fits(rate, PRICE_DIGITS) && fits(quantity, QUANTITY_DIGITS)) {
            return new Billed(quantity, rate);
        }
        BigDecimal total = lineTotal();
        if (quantity.signum() != 0 && fits(quantity, QUANTITY_DIGITS)) {
            BigDecimal perUnit = total.divide(quantity, 6, RoundingMode.HALF_UP).stripTrailingZeros();
            if (fits(perUnit, PRICE_DIGITS) && perUnit.multiply(quantity).compareTo(total) == 0) {
                return new Billed(quantity, perUnit);
            }
        }
        return new Billed(BigDecimal.ONE, total);
    }

    private record Billed(BigDecimal quantity, BigDecimal unitPrice) {
    }

    private static boolean fits(BigDecimal value, int digits) {
        return value.stripTrailingZeros().scale() <= digits;
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
