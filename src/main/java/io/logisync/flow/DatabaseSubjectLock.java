package io.logisync.flow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A lock per subject held in the shared database, so that replicas exclude each other whatever brought them the
 * subject's work: a Kafka partition (whose ownership overlaps during a rebalance), a replay or a sweep of parked
 * events. The lock lives in a transaction on a connection of its own pool, so it is released when the work ends,
 * and by the database when a replica dies.
 */
public final class DatabaseSubjectLock implements SubjectLock {

    /** How the database takes the lock. */
    public enum Kind {
        /** PostgreSQL's transaction-scoped advisory locks: no table, no row per subject. */
        ADVISORY,
        /** A row per subject in {@code subject_lock}, locked with SELECT ... FOR UPDATE (H2 and other databases). */
        ROW
    }

    /** First key of PostgreSQL's two-key advisory locks, so logisync's locks never meet another application's. */
    static final int ADVISORY_NAMESPACE = 0x4c53_0008;

    private final DataSource locks;
    private final Kind kind;

    public DatabaseSubjectLock(DataSource locks, Kind kind) {
        this.locks = locks;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public void runLocked(String subject, Runnable work) {
        try (Connection connection = locks.getConnection()) {
            if (kind == Kind.ROW) {
                ensureRow(connection, subject);
            }
            connection.setAutoCommit(false);
            try {
                acquire(connection, subject);
                work.run();
            } finally {
                // ending the transaction releases the lock; it did nothing else
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database lock of subject " + subject + " could not be taken: "
                    + e.getMessage(), e);
        }
    }

    private void acquire(Connection connection, String subject) throws SQLException {
        String sql = kind == Kind.ADVISORY ? "SELECT pg_advisory_xact_lock(?, ?)"
                : "SELECT subject FROM subject_lock WHERE subject = ? FOR UPDATE";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (kind == Kind.ADVISORY) {
                statement.setInt(1, ADVISORY_NAMESPACE);
                // String.hashCode is fixed by the Java specification, so every replica computes the same key
                statement.setInt(2, subject.hashCode());
            } else {
                statement.setString(1, subject);
            }
            statement.executeQuery().close();
        }
    }

    /** The row must exist before it can be locked; a replica that inserts it at the same moment wins, harmlessly. */
    private static void ensureRow(Connection connection, String subject) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO subject_lock (subject) SELECT ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM subject_lock WHERE subject = ?)")) {
            statement.setString(1, subject);
            statement.setString(2, subject);
            statement.executeUpdate();
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        // class 23 is SQL's integrity constraint violation, as H2 and PostgreSQL report a duplicate key
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
