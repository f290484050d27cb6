package io.logisync.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.accessorial.Accessorials;
import io.logisync.flow.Times;
import io.logisync.masterdata.CarrierSync;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;
import io.logisync.store.ShipmentStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The carrier and cost agreed for each load when dispatch assigned it (shipment.assigned): what a carrier's bill is
 * matched against and what a settlement pays. A later assignment of the load replaces the earlier one.
 */
public class Assignments {

    /** What an event parked for an unknown carrier waits for: {@code carrier:<code>}. */
    public static final String CARRIER_KEY = "carrier:";

    private static final Logger LOG = LoggerFactory.getLogger(Assignments.class);

    /** One load's assignment. */
    public record Assignment(String loadRef, String carrierCode, BigDecimal agreedAmount, String currency,
            String driverRef, String vehicleRef, Instant assignedAt) {
    }

    private final JdbcTemplate jdbc;
    private final ShipmentStore shipments;
    private final CarrierSync carriers;

    public Assignments(DataSource dataSource, ShipmentStore shipments, CarrierSync carriers) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.shipments = shipments;
        this.carriers = carriers;
    }

    /** Applies a shipment.assigned event: parks it while its load or carrier is unknown, else records it. */
    public void apply(JsonNode event) {
        JsonNode data = event.path("data");
        String loadRef = data.path("loadRef").asText();
        String carrierCode = data.path("carrierCode").asText();
        if (shipments.find(loadRef).filter(ShipmentStore.Shipment::isCreated).isEmpty()) {
            throw new ParkException(ParkReasons.AWAITING_SHIPMENT, Accessorials.SHIPMENT_KEY + loadRef,
                    "shipment.assigned names load " + loadRef + ", whose shipment.created has not arrived yet");
        }
        requireCarrier(carrierCode, "shipment.assigned of load " + loadRef);
        BigDecimal amount = money(data.path("agreedCost").path("amount"), "$.data.agreedCost.amount");
        String currency = data.path("agreedCost").path("currency").asText();
        Instant at = event.hasNonNull("time") ? Times.parseInstant("$.time", event.get("time").asText())
                : Instant.now();
        Optional<Assignment> earlier = find(loadRef);
        if (earlier.isPresent() && earlier.get().assignedAt().isAfter(at)) {
            LOG.info("Assignment of load {} to carrier {} is older than the one recorded (carrier {}); kept as history"
                    + " only", loadRef, carrierCode, earlier.get().carrierCode());
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        String eventId = event.path("id").asText();
        int updated = jdbc.update("UPDATE shipment_assignment SET carrier_code = ?, agreed_amount = ?, currency = ?,"
                + " driver_ref = ?, vehicle_ref = ?, event_id = ?, assigned_at = ?, updated_at = ? WHERE load_ref = ?",
                carrierCode, amount, currency, text(data, "driverRef"), text(data, "vehicleRef"), eventId,
                Timestamp.from(at), now, loadRef);
        if (updated == 0) {
            jdbc.update("INSERT INTO shipment_assignment (load_ref, carrier_code, agreed_amount, currency, driver_ref,"
                    + " vehicle_ref, event_id, assigned_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", loadRef,
                    carrierCode, amount, currency, text(data, "driverRef"), text(data, "vehicleRef"), eventId,
                    Timestamp.from(at), now);
        }
        LOG.debug("Load {} assigned to carrier {}{}", loadRef, carrierCode,
                earlier.map(e -> " (replacing carrier " + e.carrierCode() + ")").orElse(""));
    }

    /** Parks the event while the carrier has no vendor partner in Odoo (its carrier.upserted has not arrived). */
    public long requireCarrier(String carrierCode, String what) {
        return carriers.partnerOf(carrierCode).orElseThrow(() -> new ParkException(ParkReasons.AWAITING_CARRIER,
                CARRIER_KEY + carrierCode, what + " names carrier " + carrierCode + ", which is not known in Odoo"
                        + " yet (no carrier.upserted applied)"));
    }

    public Optional<Assignment> find(String loadRef) {
        return jdbc.query("SELECT load_ref, carrier_code, agreed_amount, currency, driver_ref, vehicle_ref, assigned_at"
                + " FROM shipment_assignment WHERE load_ref = ?", (rs, i) -> new Assignment(rs.getString(1),
                        rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant()), loadRef).stream().findFirst();
    }

    /** The carrier's assigned loads delivered from one date to another (inclusive, UTC dates), oldest first. */
    public List<Assignment> deliveredFor(String carrierCode, LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        // Known gap: the period is read in UTC dates; a carrier's own time zone is not applied to its period.
        return jdbc.query("SELECT a.load_ref, a.carrier_code, a.agreed_amount, a.currency, a.driver_ref,"
                + " a.vehicle_ref, a.assigned_at FROM shipment_assignment a JOIN shipment s ON s.load_ref = a.load_ref"
                + " WHERE a.carrier_code = ? AND s.delivered_at >= ? AND s.delivered_at < ? ORDER BY s.delivered_at,"
                + " a.load_ref", (rs, i) -> new Assignment(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()),
                carrierCode, start, end);
    }

    /** Which of these loads were cancelled (shipment.cancelled), each with whether its truck order was not used. */
    public java.util.Map<String, Boolean> cancelled(java.util.Collection<String> loadRefs) {
        java.util.Map<String, Boolean> answer = new java.util.LinkedHashMap<>();
        if (loadRefs.isEmpty()) {
            return answer;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(loadRefs.size(), "?"));
        jdbc.query("SELECT load_ref, truck_order_not_used FROM shipment_billing WHERE cancelled_at IS NOT NULL AND"
                + " load_ref IN (" + marks + ")", rs -> {
                    answer.put(rs.getString(1), rs.getBoolean(2));
                }, loadRefs.toArray());
        return answer;
    }

    static BigDecimal money(JsonNode value, String path) {
        try {
            BigDecimal answer = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
            return answer.setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": '" + value.asText() + "' is not an amount");
        }
    }

    private static String text(JsonNode data, String field) {
        return data.hasNonNull(field) ? data.get(field).asText() : null;
    }
}
