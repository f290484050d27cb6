package io.logisync.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FuelPriceIndexTest {

    private final FuelPriceIndex index = new FuelPriceIndex(Map.of("DOE-US-DIESEL.2026-10-26", "3.500",
            "DOE-US-DIESEL.2026-11-02", "3.501", "EU.DIESEL.2026-11-02", "1.65"), 14);

    @Test
    void shouldUseTheLatestPricePublishedOnOrBeforeTheDate() {
        assertThat(index.priceOn("DOE-US-DIESEL", LocalDate.parse("2026-11-01")).orElseThrow().price())
                .isEqualByComparingTo("3.500");
        assertThat(index.priceOn("DOE-US-DIESEL", LocalDate.parse("2026-11-02")).orElseThrow().price())
                .isEqualByComparingTo("3.501");
    }

    @Test
    void shouldKeepAnIndexNameThatHoldsDots() {
        assertThat(index.priceOn("EU.DIESEL", LocalDate.parse("2026-11-03")).orElseThrow().price())
                .isEqualByComparingTo("1.65");
    }

    @Test
    void shouldUseNoPriceOlderThanTheMaximumAgeNorOneBeforeTheFirst() {
        // 2 November + 14 days = 16 November: still in force; the 17th is one day too late
        assertThat(index.priceOn("DOE-US-DIESEL", LocalDate.parse("2026-11-16"))).isPresent();
        assertThat(index.priceOn("DOE-US-DIESEL", LocalDate.parse("2026-11-17"))).isEmpty();
        assertThat(index.priceOn("DOE-US-DIESEL", LocalDate.parse("2026-10-25"))).isEmpty();
        assertThat(index.priceOn("OTHER", LocalDate.parse("2026-11-02"))).isEmpty();
    }

    @Test
    void shouldRefuseAnEntryThatIsNotADatedPrice() {
        assertThatThrownBy(() -> new FuelPriceIndex(Map.of("DOE-US-DIESEL.2026-13-01", "3.5"), 14))
                .hasMessageContaining("logisync.fuel-index.DOE-US-DIESEL.2026-13-01").hasMessageContaining("date");
        assertThatThrownBy(() -> new FuelPriceIndex(Map.of("DOE-US-DIESEL.2026-11-02", "three"), 14))
                .hasMessageContaining("decimal price").hasMessageContaining("three");
    }
}
