package io.logisync.reconciliation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A check of what logisync booked within the look-back: its name, the database it reads, and where the look-back
 * starts for a run. {@link InvoiceTotals} and {@link VendorBillCosts} are built on it.
 */
abstract class LookbackCheck implements ReconciliationCheck {

    protected final JdbcTemplate jdbc;
    private final String name;
    private final Duration lookback;

    LookbackCheck(String name, DataSource dataSource, Duration lookback) {
        this.name = name;
        this.jdbc = new JdbcTemplate(dataSource);
        this.lookback = lookback;
    }

    @Override
    public String name() {
        return name;
    }

    /** The start of the look-back for a run at {@code now}: rows updated since then are checked. */
    protected Timestamp since(Instant now) {
        return Timestamp.from(now.minus(lookback));
    }
}
