package io.logisync.flow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads event times: RFC 3339 with an offset, also with an offset written without a colon ({@code -0600}). */
public final class Times {

    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");

    private Times() {
    }

    public static Instant parseInstant(String field, String value) {
        return parseOffsetDateTime(field, value).toInstant();
    }

    /** The time with the offset it was written in, so that its local date is the date where it happened. */
    public static OffsetDateTime parseOffsetDateTime(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        // RFC 3339 allows a lower-case t and z; they are the only letters the format has
        String normalised = OFFSET_WITHOUT_COLON.matcher(value.toUpperCase(Locale.ROOT)).replaceFirst("$1:$2");
        try {
            return OffsetDateTime.parse(normalised, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an RFC 3339 time with an offset, but was '"
                    + value + "'", e);
        }
    }
}
