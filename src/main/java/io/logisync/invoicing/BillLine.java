package io.logisync.invoicing;

import io.logisync.shipment.Charge;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One thing a customer is billed for on a load, as it goes on an invoice line: the charge code (and so the Odoo
 * product), a label, and a quantity and unit price whose product is exactly {@code amount}. The {@code key} names
 * what the line bills across documents ({@code charge:LINEHAUL#1}, {@code fuel}, {@code accessorial:A-7},
 * {@code tonu}), so a later change of that thing can be told apart and billed as a difference.
 */
public record BillLine(String key, String loadRef, String chargeCode, String label, BigDecimal quantity,
        BigDecimal unitPrice, BigDecimal amount) {

    public static final String FUEL_KEY = "fuel";
    public static final String TONU_KEY = "tonu";
    public static final String ACCESSORIAL_PREFIX = "accessorial:";

    public BillLine {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(chargeCode, "chargeCode");
        amount = amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** A shipment charge as billed: quantity x rate when Odoo can hold the rate, else one unit at the total. */
    public static BillLine ofCharge(String key, String loadRef, Charge charge) {
        return ofCharge(key, loadRef, charge, null);
    }

    /**
     * A shipment charge as billed, labelled by its description, else by the name of the product that bills it
     * ({@code productName}, when known), else by its charge code; with the load reference.
     */
    public static BillLine ofCharge(String key, String loadRef, Charge charge, String productName) {
        String label = charge.description() != null ? charge.description()
                : (productName != null ? productName : charge.chargeCode()) + " - load " + loadRef;
        if (charge.isBilledAsOneUnit()) {
            // one unit at the line total: the label keeps what the customer was rated on
            label = label + " (" + charge.quantity().toPlainString()
                    + (charge.rate() != null ? " x " + charge.rate().toPlainString() : "") + ")";
        }
        return new BillLine(key, loadRef, charge.chargeCode(), label, charge.billedQuantity(), charge.unitPrice(),
                charge.lineTotal());
    }

    /** One unit at the amount, for surcharges and differences. */
    public static BillLine oneUnit(String key, String loadRef, String chargeCode, String label, BigDecimal amount) {
        BigDecimal total = amount.setScale(2, RoundingMode.HALF_UP);
        return new BillLine(key, loadRef, chargeCode, label, BigDecimal.ONE, total, total);
    }

    /** The same line with another label, e.g. prefixed by the load reference on a consolidated invoice. */
    public BillLine withLabel(String newLabel) {
        return new BillLine(key, loadRef, chargeCode, newLabel, quantity, unitPrice, amount);
    }

    /** The same line counted negative, as it stands on a credit note in logisync's record of what was billed. */
    public BillLine negated() {
        return new BillLine(key, loadRef, chargeCode, label, quantity, unitPrice, amount.negate());
    }
}
