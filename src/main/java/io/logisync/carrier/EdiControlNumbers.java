package io.logisync.carrier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * The control numbers logisync puts on the acknowledgements it sends each trading partner: increasing, never
 * repeated, kept in the database so that a restart or a second replica does not reuse one.
 */
public class EdiControlNumbers {

    /** The processor name of the event path's idempotency records (see LogisyncConfiguration). */
    static final String EVENT_PROCESSOR = "logisync-events";

    private final DataSource dataSource;

    public EdiControlNumbers(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Whether an event of {@code source} was already taken under the control numbers {@code controlKey}
     * (ISA13-GS06-ST02) with a content digest other than {@code digest}: the sender reused control numbers for
     * another document. Reads the idempotency records of the event path ({@code camel_messageprocessed}).
     */
    public boolean reusedForOtherContent(String source, String controlKey, String digest) {
        String prefix = source + " " + controlKey + "-";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM camel_messageprocessed"
                        + " WHERE processorName = ? AND messageId LIKE ? ESCAPE '!' AND messageId NOT LIKE ?"
                        + " ESCAPE '!'")) {
            select.setString(1, EVENT_PROCESSOR);
            select.setString(2, like(prefix) + "%");
            select.setString(3, like(prefix + digest) + "%");
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the events taken under " + controlKey + " could not be read: "
                    + e.getMessage(), e);
        }
    }

    private static String like(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** A supplier of the partner's next numbers. */
    public LongSupplier forPartner(String partner) {
        return () -> next(partner);
    }

    /** The partner's next number, from 1; the row lock of the update keeps two callers from taking the same one. */
    public long next(String partner) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                long answer = increment(connection, partner);
                connection.commit();
                return answer;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("no EDI control number could be taken for " + partner + ": "
                    + e.getMessage(), e);
        }
    }

    private static long increment(Connection connection, String partner) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE edi_control_number SET last_number = last_number + 1 WHERE partner = ?")) {
            update.setString(1, partner);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO edi_control_number (partner, last_number) VALUES (?, 1)")) {
                    insert.setString(1, partner);
                    insert.executeUpdate();
                    return 1;
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_number FROM edi_control_number WHERE partner = ?")) {
            select.setString(1, partner);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
