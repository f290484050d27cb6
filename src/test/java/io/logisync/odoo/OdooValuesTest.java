package io.logisync.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OdooValuesTest {

    @Test
    void shouldParseOdooDatetimeAsUtcInstant() {
        assertThat(OdooValues.parseDatetime("2026-12-03 19:29:09")).isEqualTo(Instant.parse("2026-12-03T19:29:09Z"));
        assertThat(OdooValues.parseDatetime("2026-12-03 19:29:09.123456"))
                .isEqualTo(Instant.parse("2026-12-03T19:29:09.123456Z"));
        assertThat(OdooValues.parseDatetime(false)).isNull();
        assertThat(OdooValues.parseDatetime(null)).isNull();
    }

    @Test
    void shouldParseOdooDateWithoutShifting() {
        assertThat(OdooValues.parseDate("2026-12-31")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(OdooValues.parseDate(false)).isNull();
        assertThat(OdooValues.formatDate(LocalDate.of(2026, 1, 2))).isEqualTo("2026-01-02");
    }

    @Test
    void shouldFormatDatetimesFromAnyOffsetAsUtc() {
        assertThat(OdooValues.formatDatetime(OdooValues.parseOffsetDateTime("2026-12-03T10:00:00+02:00")))
                .isEqualTo("2026-12-03 08:00:00");
        assertThat(OdooValues.formatDatetime(OdooValues.parseOffsetDateTime("2026-12-03T20:00:00-0600")))
                .isEqualTo("2026-12-04 02:00:00");
        assertThat(OdooValues.formatDatetime(OdooValues.parseOffsetDateTime("2026-12-03 20:00Z")))
                .isEqualTo("2026-12-03 20:00:00");
        assertThat(OdooValues.parseOffsetDateTime("2026-12-03T20:00:00.5+05"))
                .isEqualTo(OffsetDateTime.of(2026, 12, 3, 20, 0, 0, 500_000_000, ZoneOffset.ofHours(5)));
    }

    @Test
    void shouldRefuseTimestampsWithoutOffset() {
        assertThatThrownBy(() -> OdooValues.parseOffsetDateTime("2026-12-03T10:00:00"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRoundMoneyHalfUpToCurrencyDecimals() {
        assertThat(OdooValues.roundMoney(new BigDecimal("39.825"), 2)).isEqualTo(new BigDecimal("39.83"));
        assertThat(OdooValues.roundMoney(new BigDecimal("-0.005"), 2)).isEqualTo(new BigDecimal("-0.01"));
        assertThat(OdooValues.roundMoney(new BigDecimal("1234.5"), 0)).isEqualTo(new BigDecimal("1235"));
        assertThat(OdooValues.roundMoney(new BigDecimal("1.2345"), Currency.getInstance("KWD")))
                .isEqualTo(new BigDecimal("1.235"));
        assertThat(OdooValues.roundMoney(new BigDecimal("10"), Currency.getInstance("USD")))
                .isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void shouldBuildX2manyCommands() {
        Map<String, Object> line = Map.of("name", "x");
        assertThat(Commands.create(line)).containsExactly(0, 0, line);
        assertThat(Commands.update(5, line)).containsExactly(1, 5L, line);
        assertThat(Commands.delete(5)).containsExactly(2, 5L);
        assertThat(Commands.unlink(5)).containsExactly(3, 5L);
        assertThat(Commands.link(5)).containsExactly(4, 5L);
        assertThat(Commands.clear()).containsExactly(5);
        assertThat(Commands.set(List.of(1L, 2L))).containsExactly(6, 0, List.of(1L, 2L));
        assertThat(Commands.of(Commands.set(List.of()))).isEqualTo(List.of(List.of(6, 0, List.of())));
        assertThat(Commands.createAll(List.of(line, line))).hasSize(2).allSatisfy(command ->
                assertThat(command).containsExactly(0, 0, line));
    }

    @Test
    void shouldMergeContextOverTheDefault() {
        OdooContext fallback = new OdooContext("en_US", "UTC", 1L, List.of(1L));

        OdooContext merged = new OdooContext(null, "Europe/Brussels", 3L, null).orElse(fallback);

        assertThat(merged).isEqualTo(new OdooContext("en_US", "Europe/Brussels", 3L, List.of()));
        assertThat(merged.toWire()).containsEntry("allowed_company_ids", List.of(3L));
        assertThat(OdooContext.DEFAULT.orElse(fallback)).isEqualTo(fallback);
    }
}
