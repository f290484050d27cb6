package io.logisync.reconciliation;

import java.math.BigDecimal;

/**
 * One thing a reconciliation check found: what it is about (a load, an invoice), the Odoo record if any, the
 * amounts compared when amounts are (null otherwise), and a sentence for the operator.
 */
public record Finding(String check, String loadRef, String document, Long odooId, BigDecimal ratedAmount,
        BigDecimal odooAmount, String currency, String detail) {

    /** The Odoo amount less logisync's, when both are known. */
    public BigDecimal differenceAmount() {
        return ratedAmount == null || odooAmount == null ? null : odooAmount.subtract(ratedAmount);
    }
}
