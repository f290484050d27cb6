package io.logisync.store;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A load's row in one of logisync's per-load tables ({@code shipment}, {@code shipment_billing}), changed by an update
 * that makes the row first when the load has none yet: a load's events come in any order, and each may be its first.
 * One statement for a load logisync knows, which is nearly every event.
 */
public final class LoadRows {

    private LoadRows() {
    }

    /**
     * Runs {@code update} (whose arguments name the load); when it changed nothing and the table has no row for the
     * load, makes the row ({@code load_ref}, {@code updated_at}) and runs it again. Returns the rows it changed: 0 when
     * the row is there and the update's own condition left it as it was.
     */
    public static int update(JdbcTemplate jdbc, String table, String loadRef, String update, Object... args) {
        int updated = jdbc.update(update, args);
        if (updated > 0 || jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE load_ref = ?", Integer.class,
                loadRef) > 0) {
            return updated;
        }
        try {
            jdbc.update("INSERT INTO " + table + " (load_ref, updated_at) VALUES (?, ?)", loadRef,
                    Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException raced) {
            // another event of the same load made the row first
        }
        return jdbc.update(update, args);
    }
}
