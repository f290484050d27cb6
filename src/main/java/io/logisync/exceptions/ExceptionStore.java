package io.logisync.exceptions;

import io.logisync.store.ParkingStore;
import io.logisync.store.ParkingStore.ParkedMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Reads and changes parked messages as operators see them: listed by filter, edited, discarded. */
public class ExceptionStore {

    public static final String DISCARDED = "DISCARDED";

    private static final String COLUMNS = "id, event_id, source, event_type, subject, reason, waiting_for, detail,"
            + " payload, status, attempts, parked_at, updated_at";

    /** A parked message with when it last changed. */
    public record Row(ParkedMessage message, Instant updatedAt) {
    }

    private static final RowMapper<Row> MAPPER = (rs, i) -> new Row(new ParkedMessage(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11), rs.getTimestamp(12).toInstant()),
            rs.getTimestamp(13).toInstant());

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ExceptionStore(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** The messages the filter selects, oldest first, one page. */
    public List<Row> search(ExceptionFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(filter.limit());
        args.add(filter.offset());
        return jdbc.query("SELECT " + COLUMNS + " FROM parked_message" + where + " ORDER BY parked_at, id"
                + " LIMIT ? OFFSET ?", MAPPER, args.toArray());
    }

    /** How many messages the filter selects in all pages. */
    public int count(ExceptionFilter filter) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("SELECT COUNT(*) FROM parked_message" + where(filter, args), Integer.class,
                args.toArray());
    }

    public Optional<Row> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM parked_message WHERE id = ?", MAPPER, id).stream().findFirst();
    }

    /** Replaces the payload of a message still parked; false when it is no longer parked. */
    public boolean replacePayload(long id, String payload, String subject) {
        return jdbc.update("UPDATE parked_message SET payload = ?, subject = ?, updated_at = ? WHERE id = ?"
                + " AND status = ?", payload, subject, now(), id, ParkingStore.PARKED) == 1;
    }

    /** Marks a parked message discarded; false when it is no longer parked. */
    public boolean discard(long id) {
        return jdbc.update("UPDATE parked_message SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                DISCARDED, now(), id, ParkingStore.PARKED) == 1;
    }

    /** Messages still parked, by reason, with the time the oldest of each reason was parked. */
    public Map<String, Instant> oldestByReason() {
        Map<String, Instant> answer = new LinkedHashMap<>();
        jdbc.query("SELECT reason, MIN(parked_at) FROM parked_message WHERE status = ? GROUP BY reason"
                + " ORDER BY reason", rs -> {
                    answer.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }, ParkingStore.PARKED);
        return answer;
    }

    private String where(ExceptionFilter filter, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE status = ?");
        args.add(filter.status());
        condition(where, args, "reason = ?", filter.reason());
        condition(where, args, "source = ?", filter.source());
        condition(where, args, "subject = ?", filter.subject());
        condition(where, args, "event_type = ?", filter.type());
        Instant now = clock.instant();
        if (filter.minAge() != null) {
            condition(where, args, "parked_at <= ?", Timestamp.from(now.minus(filter.minAge())));
        }
        if (filter.maxAge() != null) {
            condition(where, args, "parked_at >= ?", Timestamp.from(now.minus(filter.maxAge())));
        }
        return where.toString();
    }

    private static void condition(StringBuilder where, List<Object> args, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            args.add(value);
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
