package io.logisync.odoo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Currency;

/** Odoo's value formats: UTC datetimes without zone, ISO dates, {@code false} for empty, money in fixed decimals. */
public final class OdooValues {

    /** Odoo's datetime text: UTC, a space instead of {@code T}, no zone, no fraction. */
    public static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter ODOO_DATETIME_IN = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    // dispatch systems write offsets as +02:00, +0200, +02 or Z, with T or a space
    private static final DateTimeFormatter OFFSET_DATETIME_IN = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private OdooValues() {
    }

    /** An Odoo datetime ({@code "2026-12-03 19:29:09"}, always UTC) as an instant; null for {@code false}. */
    public static Instant parseDatetime(Object value) {
        if (isEmpty(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.toString().trim(), ODOO_DATETIME_IN).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not an Odoo datetime: '" + value + "'", e);
        }
    }

    /** An Odoo date ({@code "2026-12-03"}) as a local date, never shifted by a zone; null for {@code false}. */
    public static LocalDate parseDate(Object value) {
        if (isEmpty(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not an Odoo date: '" + value + "'", e);
        }
    }

    /** Formats an instant the way Odoo stores datetimes (UTC, seconds; fractions are dropped, not rounded). */
    public static String formatDatetime(Instant instant) {
        return DATETIME.format(instant);
    }

    public static String formatDatetime(OffsetDateTime value) {
        return formatDatetime(value.toInstant());
    }

    public static String formatDatetime(ZonedDateTime value) {
        return formatDatetime(value.toInstant());
    }

    public static String formatDate(LocalDate date) {
        return date.toString();
    }

    /**
     * Reads a timestamp with an explicit offset as written by other systems: {@code 2026-12-03T10:00:00-0600},
     * {@code 2026-12-03 10:00+02:00}, {@code ...Z}. A timestamp without an offset is refused: its zone is a guess.
     */
    public static OffsetDateTime parseOffsetDateTime(String text) {
        try {
            return OffsetDateTime.parse(text.trim(), OFFSET_DATETIME_IN);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a timestamp with an offset: '" + text + "'", e);
        }
    }

    /** Rounds an amount to a currency's decimal places (Odoo's {@code res.currency.decimal_places}), half up. */
    public static BigDecimal roundMoney(BigDecimal amount, int decimalPlaces) {
        if (amount == null) {
            return null;
        }
        return amount.setScale(decimalPlaces, RoundingMode.HALF_UP);
    }

    /** Rounds to the ISO currency's usual decimals; prefer the int overload with Odoo's own decimal_places. */
    public static BigDecimal roundMoney(BigDecimal amount, Currency currency) {
        return roundMoney(amount, Math.max(0, currency.getDefaultFractionDigits()));
    }

    /** True for Odoo's empty value ({@code false}) and for null. */
    public static boolean isEmpty(Object value) {
        return value == null || Boolean.FALSE.equals(value);
    }
}
