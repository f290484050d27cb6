package io.logisync.runtime;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells HikariCP to drop a pooled connection that the database server broke: PostgreSQL says so in SQL states of
 * class 08, which Hikari knows, but H2 in server mode uses codes of its own, so without this the pool would hand the
 * same dead connections out again after the server is back.
 */
public class BrokenConnections implements SQLExceptionOverride {

    /** H2's codes for a connection broken, a database closed, and a server that cannot be reached. */
    private static final Set<Integer> H2_BROKEN = Set.of(90067, 90098, 90121, 90028);

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("08") || H2_BROKEN.contains(e.getErrorCode())
                ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
