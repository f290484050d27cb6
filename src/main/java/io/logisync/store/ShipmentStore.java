package io.logisync.store;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Keeps the state of each shipment, built from its events whatever order they arrive in. */
public class ShipmentStore {

    /** A milestone as recorded in the shipment's history. */
    public record Milestone(String code, Instant occurredAt, Integer stopSequence, String sourceCode) {
    }

    /** The state of one shipment. Charges are kept as the JSON array of the event that set them. */
    public record Shipment(String loadRef, String customerCode, String currency, String customerPo, String charges,
            Instant podSignedAt, Long invoiceId, String invoiceNumber, String invoiceState, BigDecimal invoiceTotal,
            List<Milestone> milestones) {

        public boolean isCreated() {
            return charges != null;
        }

        public boolean hasPod() {
            return podSignedAt != null;
        }

        /**
         * When the shipment was delivered: the latest DELIVERED milestone, unless a later DELIVERY_FAILED reopened
         * it. Milestones are judged by when they happened, so late deliveries of old events move nothing backwards.
         */
        public Optional<Instant> deliveredAt() {
            Optional<Instant> delivered = latest("DELIVERED");
            Optional<Instant> failed = latest("DELIVERY_FAILED");
            if (delivered.isPresent() && failed.isPresent() && failed.get().isAfter(delivered.get())) {
                return Optional.empty();
            }
            return delivered;
        }

        private Optional<Instant> latest(String code) {
            return milestones.stream().filter(m -> m.code().equals(code)).map(Milestone::occurredAt)
                    .max(Instant::compareTo);
        }
    }

    private final JdbcTemplate jdbc;

    public ShipmentStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The shipment and its milestones, in one query (a row a milestone, the shipment's columns on each). */
    public Optional<Shipment> find(String loadRef) {
        List<Milestone> milestones = new ArrayList<>();
        Shipment[] shipment = {null};
        jdbc.query("SELECT s.load_ref, s.customer_code, s.currency, s.customer_po, s.charges, s.pod_signed_at,"
                + " s.invoice_id, s.invoice_number, s.invoice_state, s.invoice_total, m.code, m.occurred_at,"
                + " m.stop_sequence, m.source_code FROM shipment s LEFT JOIN shipment_milestone m"
                + " ON m.load_ref = s.load_ref WHERE s.load_ref = ? ORDER BY m.occurred_at, m.id", rs -> {
                    if (shipment[0] == null) {
                        shipment[0] = new Shipment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), instant(rs.getTimestamp(6)), (Long) rs.getObject(7, Long.class),
                                rs.getString(8), rs.getString(9), rs.getBigDecimal(10), milestones);
                    }
                    if (rs.getString(11) != null) {
                        milestones.add(new Milestone(rs.getString(11), rs.getTimestamp(12).toInstant(),
                                (Integer) rs.getObject(13), rs.getString(14)));
                    }
                }, loadRef);
        return Optional.ofNullable(shipment[0]);
    }

    /** Sets what the customer is billed for; a later shipment.created or update replaces the charges. */
    public void recordCreated(String loadRef, String customerCode, String currency, String customerPo,
            String chargesJson, String eventId) {
        updateMaking(loadRef, "UPDATE shipment SET customer_code = ?, currency = ?, customer_po = ?, charges = ?,"
                + " created_event_id = ?, updated_at = ? WHERE load_ref = ?",
                customerCode, currency, customerPo, chargesJson, eventId, now(), loadRef);
    }

    /** Adds a milestone to the history; the same milestone delivered again under a new event id is kept once. */
    public void recordMilestone(String loadRef, Milestone milestone, String eventId) {
        Timestamp at = Timestamp.from(milestone.occurredAt());
        if ("DELIVERED".equals(milestone.code())) {
            // an older DELIVERED arriving late is history: delivered_at keeps the latest
            updateMaking(loadRef, "UPDATE shipment SET delivered_at = CASE WHEN delivered_at IS NULL OR delivered_at"
                    + " < ? THEN ? ELSE delivered_at END, updated_at = ? WHERE load_ref = ?", at, at, now(), loadRef);
        } else {
            updateMaking(loadRef, "UPDATE shipment SET updated_at = ? WHERE load_ref = ?", now(), loadRef);
        }
        Integer same = jdbc.queryForObject("SELECT COUNT(*) FROM shipment_milestone"
                + " WHERE load_ref = ? AND code = ? AND occurred_at = ?", Integer.class,
                loadRef, milestone.code(), Timestamp.from(milestone.occurredAt()));
        if (same != null && same > 0) {
            return;
        }
        jdbc.update("INSERT INTO shipment_milestone (load_ref, code, occurred_at, stop_sequence, source_code,"
                + " event_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", loadRef, milestone.code(),
                Timestamp.from(milestone.occurredAt()), milestone.stopSequence(), milestone.sourceCode(), eventId,
                now());
    }

    /** Records the proof of delivery; the first signature time is kept. */
    public void recordPod(String loadRef, Instant signedAt, String eventId) {
        updateMaking(loadRef, "UPDATE shipment SET pod_signed_at = COALESCE(pod_signed_at, ?), pod_event_id ="
                + " COALESCE(pod_event_id, ?), updated_at = ? WHERE load_ref = ?",
                Timestamp.from(signedAt), eventId, now(), loadRef);
    }

    public void recordInvoice(String loadRef, long invoiceId, String number, String state, BigDecimal total) {
        jdbc.update("UPDATE shipment SET invoice_id = ?, invoice_number = ?, invoice_state = ?, invoice_total = ?,"
                + " invoiced_at = ?, updated_at = ? WHERE load_ref = ?",
                invoiceId, number, state, total, now(), now(), loadRef);
    }

    private void updateMaking(String loadRef, String update, Object... args) {
        LoadRows.update(jdbc, "shipment", loadRef, update, args);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
