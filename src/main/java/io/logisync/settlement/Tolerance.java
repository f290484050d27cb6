package io.logisync.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How far a carrier's bill for a load may differ from the cost agreed at assignment and still be booked without an
 * approver: a difference within {@code amount}, or within {@code percent} of the agreed cost, passes.
 */
public record Tolerance(BigDecimal amount, BigDecimal percent) {

    public Tolerance {
        if (amount.signum() < 0 || percent.signum() < 0) {
            throw new IllegalArgumentException("logisync.settlement.tolerance-amount and tolerance-percent must not be"
                    + " negative (were " + amount.toPlainString() + " and " + percent.toPlainString() + ")");
        }
    }

    /** The largest difference allowed against an agreed cost: the greater of the two tolerances. */
    public BigDecimal allowedFor(BigDecimal agreed) {
        BigDecimal byPercent = agreed.abs().multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return amount.max(byPercent).setScale(2, RoundingMode.HALF_UP);
    }

    public boolean accepts(BigDecimal billed, BigDecimal agreed) {
        return billed.subtract(agreed).abs().compareTo(allowedFor(agreed)) <= 0;
    }
}
