package io.logisync.exceptions;

import io.logisync.ingress.Echo;
import io.logisync.parking.ParkReasons;
import io.logisync.store.ParkingStore;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operator asks the exceptions list for: by reason, source, subject, event type, status and age, a page at
 * a time. Ages read {@code 90s}, {@code 30m}, {@code 2h}, {@code 3d} or ISO-8601 ({@code PT2H}).
 */
public record ExceptionFilter(String reason, String source, String subject, String type, String status,
        Duration minAge, Duration maxAge, int limit, int offset) {

    public static final int MAX_LIMIT = 500;
    /** What a parked message can become: parked still, replayed, settled by newer facts, or discarded by an admin. */
    private static final List<String> STATUSES = List.of(ParkingStore.PARKED, ParkingStore.REPLAYED,
            ParkingStore.SUPERSEDED, ExceptionStore.DISCARDED);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

    /** Reads the filter from query parameters; a value that cannot be read is refused with its name. */
    public static ExceptionFilter fromQuery(Map<String, String> query) {
        int limit = number(query, "limit", 50);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", but was " + limit);
        }
        int offset = number(query, "offset", 0);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, but was " + offset);
        }
        Duration minAge = age(query, "minAge");
        Duration maxAge = age(query, "maxAge");
        if (minAge != null && maxAge != null && minAge.compareTo(maxAge) > 0) {
            // no message is older than the one and younger than the other: an empty list would read as all clear
            throw new IllegalArgumentException("minAge (" + minAge + ") must not be more than maxAge (" + maxAge + ")");
        }
        return new ExceptionFilter(reason(blankToNull(query.get("reason"))), blankToNull(query.get("source")),
                blankToNull(query.get("subject")), blankToNull(query.get("type")),
                status(blankToNull(query.get("status"))), minAge, maxAge, limit, offset);
    }

    /** PARKED when not asked; a status no row can have would list nothing, as if nothing were wrong: it is refused. */
    private static String status(String value) {
        if (value == null) {
            return ParkingStore.PARKED;
        }
        String status = value.toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status '" + Echo.cut(value) + "' is not a status a parked message can"
                    + " have; known statuses: " + String.join(", ", STATUSES));
        }
        return status;
    }

    /** A reason no message can be parked for would list nothing, as if nothing were wrong: it is refused. */
    private static String reason(String value) {
        if (value == null) {
            return null;
        }
        String reason = value.toUpperCase(Locale.ROOT);
        if (!ParkReasons.all().contains(reason)) {
            throw new IllegalArgumentException("reason '" + Echo.cut(value) + "' is not a reason a message can be"
                    + " parked for; known reasons: " + String.join(", ", ParkReasons.all()));
        }
        return reason;
    }

    static Duration parseAge(String name, String value) {
        Matcher shortForm = SHORT_DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        Duration answer;
        try {
            answer = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 30m, 2h, 3d or PT2H, but was '"
                    + Echo.cut(value) + "'", e);
        }
        if (answer.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, but was '" + Echo.cut(value) + "'");
        }
        return answer;
    }

    private static Duration age(Map<String, String> query, String name) {
        String value = blankToNull(query.get(name));
        return value == null ? null : parseAge(name, value);
    }

    private static int number(Map<String, String> query, String name, int defaultValue) {
        String value = blankToNull(query.get(name));
        try {
            return value == null ? defaultValue : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, but was '" + Echo.cut(value) + "'",
                    e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
