package io.logisync.contract;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a contract's rate card: a charge code billed at {@code rate} per {@code unit}, in the contract's
 * currency. A shipment charge of this code with no rate or amount of its own is billed quantity x rate.
 */
public record RateLine(String chargeCode, RateUnit unit, BigDecimal rate) {

    public RateLine {
        Objects.requireNonNull(chargeCode, "chargeCode");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(rate, "rate");
    }
}
