package io.logisync.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.flow.Times;
import java.time.LocalDate;

/**
 * The date a shipment is rated at: the appointment of its first pickup stop (lowest sequence), as a date where the
 * pickup is (the offset it was written with); when that stop has no appointment, the date of the event's own time.
 */
public final class PickupDate {

    private PickupDate() {
    }

    public static LocalDate of(JsonNode event) {
        JsonNode data = event.get("data");
        JsonNode first = null;
        for (JsonNode stop : data.path("stops")) {
            if ("PICKUP".equals(stop.path("kind").asText())
                    && (first == null || stop.path("sequence").asInt() < first.path("sequence").asInt())) {
                first = stop;
            }
        }
        if (first != null && first.hasNonNull("appointmentFrom")) {
            return Times.parseOffsetDateTime("data.stops[sequence " + first.path("sequence").asInt()
                    + "].appointmentFrom", first.get("appointmentFrom").asText()).toLocalDate();
        }
        return Times.parseOffsetDateTime("time", event.path("time").asText(null)).toLocalDate();
    }
}
