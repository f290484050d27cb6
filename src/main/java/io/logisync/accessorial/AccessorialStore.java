package io.logisync.accessorial;

import io.logisync.accessorial.Accessorial.Status;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The accessorials logisync keeps, and the trail of every decision made on them. */
public class AccessorialStore {

    /** One decision as the audit trail keeps it. */
    public record Decision(String accessorialId, Status decision, BigDecimal amount, String decidedBy,
            Instant decidedAt, String reason, String source, String eventId) {
    }

    private static final String COLUMNS = "accessorial_id, load_ref, code, stop_sequence, arrived_at, departed_at,"
            + " quantity, proposed_amount, rated_amount, amount, billed_quantity, unit_price, label, rating, flag,"
            + " currency, status, decided_by, decided_at, decision_reason, decision_source, content_hash, event_id,"
            + " source, event_json, proposed_at";
    private static final RowMapper<Accessorial> MAPPER = (rs, i) -> new Accessorial(rs.getString(1), rs.getString(2),
            rs.getString(3), (Integer) rs.getObject(4, Integer.class), instant(rs, 5), instant(rs, 6),
            plain(rs.getBigDecimal(7)), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
            plain(rs.getBigDecimal(11)), rs.getBigDecimal(12), rs.getString(13), rs.getString(14), rs.getString(15),
            rs.getString(16), Status.valueOf(rs.getString(17)), rs.getString(18), instant(rs, 19), rs.getString(20),
            rs.getString(21), rs.getString(22), rs.getString(23), rs.getString(24), rs.getString(25),
            instant(rs, 26));

    private final JdbcTemplate jdbc;

    public AccessorialStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<Accessorial> find(String accessorialId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM accessorial WHERE accessorial_id = ?", MAPPER, accessorialId)
                .stream().findFirst();
    }

    /** The load's accessorials, in the order they were first proposed. */
    public List<Accessorial> ofLoad(String loadRef) {
        return jdbc.query("SELECT " + COLUMNS + " FROM accessorial WHERE load_ref = ? ORDER BY proposed_at,"
                + " accessorial_id", MAPPER, loadRef);
    }

    /** Every accessorial still waiting for a decision, oldest proposal first. */
    public List<Accessorial> pending() {
        return jdbc.query("SELECT " + COLUMNS + " FROM accessorial WHERE status = 'PENDING' ORDER BY proposed_at,"
                + " accessorial_id", MAPPER);
    }

    /** Stores a proposal, or replaces the one with the same id: a new proposal needs a new decision. */
    public void save(Accessorial a) {
        jdbc.update("DELETE FROM accessorial WHERE accessorial_id = ?", a.accessorialId());
        jdbc.update("INSERT INTO accessorial (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.accessorialId(), a.loadRef(), a.code(),
                a.stopSequence(), timestamp(a.arrivedAt()), timestamp(a.departedAt()), a.quantity(),
                a.proposedAmount(), a.ratedAmount(), a.amount(), a.billedQuantity(), a.unitPrice(), a.label(),
                a.rating(), a.flag(), a.currency(), a.status().name(), a.decidedBy(), timestamp(a.decidedAt()),
                a.decisionReason(), a.decisionSource(), a.contentHash(), a.eventId(), a.source(), a.eventJson(),
                timestamp(a.proposedAt()), Timestamp.from(Instant.now()));
    }

    /** Records a decision on the accessorial and in its trail. */
    public void decide(Accessorial decided, Decision decision) {
        jdbc.update("UPDATE accessorial SET status = ?, amount = ?, billed_quantity = ?, unit_price = ?, label = ?,"
                + " decided_by = ?, decided_at = ?, decision_reason = ?, decision_source = ?, updated_at = ?"
                + " WHERE accessorial_id = ?", decided.status().name(), decided.amount(), decided.billedQuantity(),
                decided.unitPrice(), decided.label(), decided.decidedBy(), timestamp(decided.decidedAt()),
                decided.decisionReason(), decided.decisionSource(), Timestamp.from(Instant.now()),
                decided.accessorialId());
        record(decision);
    }

    public void record(Decision decision) {
        jdbc.update("INSERT INTO accessorial_decision (accessorial_id, decision, amount, decided_by, decided_at,"
                + " reason, source, event_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                decision.accessorialId(), decision.decision().name(), decision.amount(), decision.decidedBy(),
                Timestamp.from(decision.decidedAt()), decision.reason(), decision.source(), decision.eventId(),
                Timestamp.from(Instant.now()));
    }

    /** The decisions on an accessorial, oldest first. */
    public List<Decision> decisions(String accessorialId) {
        return jdbc.query("SELECT accessorial_id, decision, amount, decided_by, decided_at, reason, source, event_id"
                + " FROM accessorial_decision WHERE accessorial_id = ? ORDER BY id", (rs, i) -> new Decision(
                        rs.getString(1), Status.valueOf(rs.getString(2)), rs.getBigDecimal(3), rs.getString(4),
                        instant(rs, 5), rs.getString(6), rs.getString(7), rs.getString(8)), accessorialId);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
