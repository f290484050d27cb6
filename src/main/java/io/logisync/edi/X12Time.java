package io.logisync.edi;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** X12 dates (CCYYMMDD), times (HHMM[SS[D[D]]]) and time codes (data element 623), turned into offset times. */
final class X12Time {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, ZoneId> ZONES = zones();

    private X12Time() {
    }

    /** The zone or offset a time code stands for; empty for LT, blank and codes element 623 does not define. */
    static Optional<ZoneId> zoneOf(String timeCode) {
        return Optional.ofNullable(ZONES.get(timeCode));
    }

    /** True for the codes that say "local time of the place": LT, or no code at all. */
    static boolean isLocal(String timeCode) {
        return timeCode.isEmpty() || timeCode.equals("LT");
    }

    /**
     * The instant with the offset in force in {@code zone} on that date. A wall time that occurs twice when clocks
     * go back takes the earlier (daylight) offset; one skipped when clocks go forward is moved past the gap.
     */
    static OffsetDateTime at(String date, String time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(LocalDate.parse(date, DATE), parseTime(time));
        return ZonedDateTime.ofLocal(local, zone, null).toOffsetDateTime();
    }

    private static LocalTime parseTime(String time) {
        if (!time.matches("\\d{4}|\\d{6,8}")) {
            throw new DateTimeException("time '" + time + "' is not HHMM, HHMMSS, HHMMSSD or HHMMSSDD");
        }
        int hour = Integer.parseInt(time.substring(0, 2));
        int minute = Integer.parseInt(time.substring(2, 4));
        int second = time.length() >= 6 ? Integer.parseInt(time.substring(4, 6)) : 0;
        String fraction = time.length() > 6 ? time.substring(6) : "";
        int tenthsOrHundredths = fraction.length() == 1 ? 100_000_000 : 10_000_000;
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt(fraction) * tenthsOrHundredths;
        return LocalTime.of(hour, minute, second, nanos);
    }

    /** Element 623 as published for X12 4010 onwards (stedi.com/edi/x12-004010/element/623 and later releases). */
    private static Map<String, ZoneId> zones() {
        Map<String, ZoneId> zones = new HashMap<>();
        // The "Time" codes follow daylight saving by the date, so they name a region whose rules are the zone's.
        zones.put("ET", ZoneId.of("America/New_York"));
        zones.put("CT", ZoneId.of("America/Chicago"));
        zones.put("MT", ZoneId.of("America/Denver"));
        zones.put("PT", ZoneId.of("America/Los_Angeles"));
        zones.put("AT", ZoneId.of("America/Anchorage")); // AT/AS/AD are Alaska in element 623, not Atlantic
        zones.put("NT", ZoneId.of("America/St_Johns"));
        // Known gap: HT could be Honolulu (no DST) or Adak (DST); Honolulu is where the freight goes.
        zones.put("HT", ZoneId.of("Pacific/Honolulu"));
        standardAndDaylight(zones, "E", -5 * 60);
        standardAndDaylight(zones, "C", -6 * 60);
        standardAndDaylight(zones, "M", -7 * 60);
        standardAndDaylight(zones, "P", -8 * 60);
        standardAndDaylight(zones, "A", -9 * 60);
        standardAndDaylight(zones, "H", -10 * 60);
        standardAndDaylight(zones, "N", -(3 * 60 + 30));
        // Known gap: no Atlantic-time code is mapped (none confirmed in element 623), so one is skipped, not guessed.
        zones.put("UT", ZoneOffset.UTC);
        zones.put("GM", ZoneOffset.UTC);
        for (int code = 1; code <= 12; code++) { // 01..12 = ISO P01..P12
            zones.put(String.format("%02d", code), ZoneOffset.ofHours(code));
        }
        for (int code = 13; code <= 24; code++) { // 13..24 = ISO M12..M01
            zones.put(String.format("%02d", code), ZoneOffset.ofHours(code - 25));
        }
        zones.put("25", ZoneOffset.ofHoursMinutes(-2, -30));
        zones.put("26", ZoneOffset.ofHoursMinutes(-3, -30));
        zones.put("27", ZoneOffset.ofHoursMinutes(5, 30));
        zones.put("28", ZoneOffset.ofHoursMinutes(9, 30));
        zones.put("29", ZoneOffset.ofHoursMinutes(10, 30));
        return Map.copyOf(zones);
    }

    /** xS is the zone's standard offset all year, xD its daylight offset (one hour ahead) all year. */
    private static void standardAndDaylight(Map<String, ZoneId> zones, String prefix, int standardMinutes) {
        zones.put(prefix + "S", ZoneOffset.ofTotalSeconds(standardMinutes * 60));
        zones.put(prefix + "D", ZoneOffset.ofTotalSeconds((standardMinutes + 60) * 60));
    }
}
