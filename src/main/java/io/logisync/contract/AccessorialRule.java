package io.logisync.contract;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a contract prices one accessorial code (DETENTION, WAITING, LUMPER, ...). Every value but the code is
 * optional (null when the contract does not set it); money is in the contract's currency.
 *
 * @param code the accessorial code, as in {@code accessorial.proposed}
 * @param freeMinutes minutes at a stop that are not charged, for time-based accessorials
 * @param ratePerHour the charge per hour beyond the free time
 * @param flatAmount a fixed charge per occurrence, for accessorials that are not time-based
 * @param roundUpToMinutes chargeable time is rounded up to a multiple of this many minutes
 * @param capAmount the most one occurrence may be charged
 * @param autoApproveUpTo an occurrence priced at or below this amount needs no person to approve it
 */
public record AccessorialRule(String code, Integer freeMinutes, BigDecimal ratePerHour, BigDecimal flatAmount,
        Integer roundUpToMinutes, BigDecimal capAmount, BigDecimal autoApproveUpTo) {

    public AccessorialRule {
        Objects.requireNonNull(code, "code");
    }
}
