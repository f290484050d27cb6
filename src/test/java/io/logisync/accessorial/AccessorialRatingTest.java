package io.logisync.accessorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logisync.accessorial.AccessorialRating.Proposal;
import io.logisync.accessorial.AccessorialRating.Rated;
import io.logisync.contract.AccessorialRule;
import io.logisync.contract.ContractVersion;
import io.logisync.contract.InvoiceGrouping;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessorialRatingTest {

    private final AccessorialRating rating = new AccessorialRating();
    private final ContractVersion contract = new ContractVersion("C-1", 1, "ACME", LocalDate.parse("2026-01-01"),
            null, "USD", null, null, InvoiceGrouping.PER_SHIPMENT, List.of(), List.of(
                    new AccessorialRule("DETENTION", 120, new BigDecimal("75.00"), null, 15, null,
                            new BigDecimal("100.00")),
                    new AccessorialRule("LAYOVER", null, null, new BigDecimal("150.00"), null, new BigDecimal("250.00"),
                            null)), null);

    @Test
    void shouldChargeNothingForAStopWithinTheFreeTimeAndApproveIt() {
        Rated rated = rating.rate(stop("DETENTION", "2026-11-02T14:00:00Z", "2026-11-02T15:55:00Z", null), contract);

        // 115 min, all of it inside the 120 free
        assertThat(rated.amount()).isEqualByComparingTo("0.00");
        assertThat(rated.approvesItself()).isTrue();
    }

    @Test
    void shouldCountAStartedMinuteAndRoundUpToTheNextQuarterHour() {
        Rated rated = rating.rate(stop("DETENTION", "2026-11-02T14:00:00Z", "2026-11-02T16:00:30Z", null), contract);

        // 120 min 30 s counts as 121 min: 1 chargeable minute, rounded up to 15: 0.25 h x 75.00 = 18.75
        assertThat(rated.amount()).isEqualByComparingTo("18.75");
        assertThat(rated.quantity()).isEqualByComparingTo("0.25");
    }

    @Test
    void shouldBillAFlatRuleTimesItsQuantityUpToTheCap() {
        Proposal twoNights = new Proposal("A-1", "L-1", "LAYOVER", null, null, null, new BigDecimal("2"), null);

        // 2 x 150.00 = 300.00, capped at 250.00
        assertThat(rating.rate(twoNights, contract).amount()).isEqualByComparingTo("250.00");
    }

    @Test
    void shouldTakeTheProposedAmountOfACodeTheContractDoesNotPriceAndFlagIt() {
        Proposal lumper = new Proposal("A-2", "L-1", "LUMPER", null, null, null, null, new BigDecimal("87.40"));

        Rated rated = rating.rate(lumper, contract);

        assertThat(rated.amount()).isEqualByComparingTo("87.40");
        assertThat(rated.ratedAmount()).isNull();
        assertThat(rated.flag()).contains("has no rule pricing LUMPER");
        assertThat(rated.approvesItself()).isFalse();
    }

    @Test
    void shouldRefuseADepartureBeforeTheArrival() {
        assertThatThrownBy(() -> rating.rate(stop("DETENTION", "2026-11-02T16:00:00Z", "2026-11-02T14:00:00Z",
                null), contract)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(
                        "data.departedAt");
    }

    private static Proposal stop(String code, String arrived, String departed, BigDecimal amount) {
        return new Proposal("A-1", "L-1", code, 2, Instant.parse(arrived), Instant.parse(departed), null, amount);
    }
}
