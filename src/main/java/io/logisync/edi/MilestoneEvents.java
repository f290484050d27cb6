package io.logisync.edi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.ingress.Countries;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Builds {@code logistics.milestone.recorded.v1} CloudEvents (structured JSON mode) from one AT7 status. */
final class MilestoneEvents {

    static final String TYPE = "logistics.milestone.recorded.v1";

    private MilestoneEvents() {
    }

    /** The fields of one event; {@code ms1} may be null. */
    record Milestone(String id, String source, String loadRef, String code, OffsetDateTime occurredAt, Segment at7,
            Segment ms1) {
    }

    static ObjectNode toCloudEvent(Milestone milestone) {
        // ISO_OFFSET_DATE_TIME always writes seconds and the offset, as RFC 3339 wants (toString() drops ":00").
        String occurredAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(milestone.occurredAt());
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("specversion", "1.0");
        event.put("id", milestone.id());
        event.put("source", milestone.source());
        event.put("type", TYPE);
        event.put("subject", milestone.loadRef());
        event.put("time", occurredAt);
        event.put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data");
        data.put("loadRef", milestone.loadRef());
        data.put("code", milestone.code());
        data.put("occurredAt", occurredAt);
        data.put("sourceCode", milestone.at7().trimmed(1));
        putIfPresent(data, "reasonCode", milestone.at7().trimmed(2));
        if (milestone.ms1() != null) {
            ObjectNode location = locationOf(milestone.ms1());
            if (!location.isEmpty()) {
                data.set("location", location);
            }
        }
        return event;
    }

    /** MS1-01 city, MS1-02 state or province, MS1-03 country. */
    private static ObjectNode locationOf(Segment ms1) {
        ObjectNode location = JsonNodeFactory.instance.objectNode();
        putIfPresent(location, "city", ms1.trimmed(1));
        putIfPresent(location, "region", ms1.trimmed(2));
        countryOf(ms1.trimmed(3)).ifPresent(country -> location.put("country", country));
        // Known gap: MS1-04..07 (longitude, latitude and their directions) are not mapped to latitude/longitude.
        return location;
    }

    /** Canonical countries are ISO 3166-1 alpha-2; X12 country codes may be alpha-3 (USA, CAN, MEX). */
    private static Optional<String> countryOf(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (upper.length() == 2) {
            // a code that is no country (ZZ) is left out, as an unknown alpha-3 code is, rather than refuse the status
            return Countries.isAlpha2(upper) ? Optional.of(upper) : Optional.empty();
        }
        for (String alpha2 : Locale.getISOCountries()) {
            if (upper.length() == 3 && new Locale("", alpha2).getISO3Country().equals(upper)) {
                return Optional.of(alpha2);
            }
        }
        return Optional.empty();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (!value.isEmpty()) {
            node.put(field, value);
        }
    }
}
