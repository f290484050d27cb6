package io.logisync.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The durable store of parked messages: what could not be applied, why, and what it waits for. */
public class ParkingStore {

    public static final String PARKED = "PARKED";
    public static final String REPLAYED = "REPLAYED";
    /** Settled without being applied: its facts were older than those its subject is billed on. */
    public static final String SUPERSEDED = "SUPERSEDED";

    /** One parked event with its reason. */
    public record ParkedMessage(long id, String eventId, String source, String eventType, String subject,
            String reason, String waitingFor, String detail, String payload, String status, int attempts,
            Instant parkedAt) {
    }

    private static final String COLUMNS = "id, event_id, source, event_type, subject, reason, waiting_for, detail,"
            + " payload, status, attempts, parked_at";

    private static final RowMapper<ParkedMessage> MAPPER = (rs, i) -> new ParkedMessage(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11), rs.getTimestamp(12).toInstant());

    /** Told of each message parked for the first time, after its row is written; it must not throw. */
    @FunctionalInterface
    public interface ParkedListener {
        void parked(long parkedId, String source, String eventType, String subject, String reason, String detail);
    }

    private final JdbcTemplate jdbc;
    private volatile ParkedListener listener;

    public ParkingStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void setListener(ParkedListener listener) {
        this.listener = listener;
    }

    /** Parks an event and returns the id of its parked row. */
    public long park(String eventId, String source, String eventType, String subject, String reason,
            String waitingFor, String detail, String payload) {
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var statement = con.prepareStatement("INSERT INTO parked_message (event_id, source, event_type, subject,"
                    + " reason, waiting_for, detail, payload, status, attempts, parked_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)", new String[] {"id"});
            statement.setString(1, eventId);
            statement.setString(2, source);
            statement.setString(3, eventType);
            statement.setString(4, subject);
            statement.setString(5, reason);
            statement.setString(6, waitingFor);
            statement.setString(7, detail);
            statement.setString(8, payload);
            statement.setString(9, PARKED);
            statement.setTimestamp(10, now);
            statement.setTimestamp(11, now);
            return statement;
        }, keys);
        long id = keys.getKey().longValue();
        ParkedListener told = listener;
        if (told != null) {
            told.parked(id, source, eventType, subject, reason, detail);
        }
        return id;
    }

    /** The id of the row still parked for this event, if any, so that a repeated failure updates it. */
    public java.util.Optional<Long> parkedIdOf(String source, String eventId) {
        return jdbc.queryForList("SELECT id FROM parked_message WHERE status = ? AND source = ? AND event_id = ?"
                + " ORDER BY id", Long.class, PARKED, source, eventId).stream().findFirst();
    }

    /** Parks a replayed message again, with the reason of its latest attempt. */
    public void repark(long id, String reason, String waitingFor, String detail) {
        jdbc.update("UPDATE parked_message SET status = ?, reason = ?, waiting_for = ?, detail = ?,"
                + " attempts = attempts + 1, updated_at = ? WHERE id = ?",
                PARKED, reason, waitingFor, detail, Timestamp.from(Instant.now()), id);
    }

    public void markReplayed(long id) {
        jdbc.update("UPDATE parked_message SET status = ?, updated_at = ? WHERE id = ?",
                REPLAYED, Timestamp.from(Instant.now()), id);
    }

    /** Settles a replayed row whose event was superseded by newer facts, saying so in its detail. */
    public void markSuperseded(long id, String detail) {
        jdbc.update("UPDATE parked_message SET status = ?, detail = ?, updated_at = ? WHERE id = ?",
                SUPERSEDED, detail, Timestamp.from(Instant.now()), id);
    }

    /** True while the row is parked: not replayed, nor settled any other way. */
    public boolean isParked(long id) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM parked_message WHERE id = ? AND status = ?",
                Integer.class, id, PARKED);
        return found != null && found > 0;
    }

    /** The messages still parked for the given key, oldest first, so they replay in their original order. */
    public List<ParkedMessage> waitingFor(String waitingFor) {
        return jdbc.query("SELECT " + COLUMNS + " FROM parked_message WHERE status = ? AND waiting_for = ?"
                + " ORDER BY id", MAPPER, PARKED, waitingFor);
    }

    public List<ParkedMessage> parked() {
        return jdbc.query("SELECT " + COLUMNS + " FROM parked_message WHERE status = ? ORDER BY id", MAPPER, PARKED);
    }

    /** The keys parked messages wait for, each with the oldest time one of them was (re)parked. */
    public Map<String, Instant> oldestWaiting() {
        Map<String, Instant> answer = new LinkedHashMap<>();
        jdbc.query("SELECT waiting_for, MIN(updated_at) FROM parked_message WHERE status = ? AND waiting_for IS NOT"
                + " NULL GROUP BY waiting_for ORDER BY waiting_for", rs -> {
                    answer.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }, PARKED);
        return answer;
    }

    /** Messages still parked, counted by reason. */
    public Map<String, Integer> countByReason() {
        Map<String, Integer> answer = new LinkedHashMap<>();
        jdbc.query("SELECT reason, COUNT(*) FROM parked_message WHERE status = ? GROUP BY reason ORDER BY reason",
                rs -> {
                    answer.put(rs.getString(1), rs.getInt(2));
                }, PARKED);
        return answer;
    }
}
