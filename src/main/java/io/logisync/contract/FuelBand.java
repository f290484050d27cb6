package io.logisync.contract;

import java.math.BigDecimal;

/**
 * One band of a fuel surcharge table: a fuel price from {@code fromPrice} (included) to {@code toPrice} (excluded)
 * gives a surcharge of {@code percent} (e.g. 12.5 for 12.5 %).
 */
public record FuelBand(BigDecimal fromPrice, BigDecimal toPrice, BigDecimal percent) {

    /** True when the price falls in this band. */
    public boolean contains(BigDecimal price) {
        return price.compareTo(fromPrice) >= 0 && price.compareTo(toPrice) < 0;
    }
}
