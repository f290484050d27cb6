package io.logisync.exceptions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit log of what people did to parked messages: who, when, which action, what changed and how it ended. */
public class AuditTrail {

    public static final String EDITED = "EDITED";
    public static final String REPLAYED = "REPLAYED";
    public static final String DISCARDED = "DISCARDED";

    /** One audited action; {@code changes} is a JSON array of {@code {path, before, after}} for edits. */
    public record Action(long id, long parkedId, String action, String actor, Instant actedAt, String changes,
            String outcome, String note) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditTrail(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    // Known gap: replays logisync makes on its own, when a parked event's customer arrives, are logged, not audited.
    public void record(long parkedId, String action, String actor, String changes, String outcome, String note) {
        jdbc.update("INSERT INTO exception_audit (parked_id, action, actor, acted_at, changes, outcome, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", parkedId, action, actor, Timestamp.from(clock.instant()), changes,
                outcome, note);
    }

    /** The actions on one parked message, in the order they were taken. */
    public List<Action> of(long parkedId) {
        return jdbc.query("SELECT id, parked_id, action, actor, acted_at, changes, outcome, note FROM exception_audit"
                + " WHERE parked_id = ? ORDER BY id", (rs, i) -> new Action(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6),
                        rs.getString(7), rs.getString(8)), parkedId);
    }
}
