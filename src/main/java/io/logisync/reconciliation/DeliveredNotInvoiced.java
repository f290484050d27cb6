package io.logisync.reconciliation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shipments delivered longer ago than the limit that have no customer invoice in Odoo yet, cancelled ones aside. */
public class DeliveredNotInvoiced implements ReconciliationCheck {

    public static final String NAME = "delivered-not-invoiced";

    private final JdbcTemplate jdbc;
    private final Duration limit;

    public DeliveredNotInvoiced(DataSource dataSource, Duration limit) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.limit = limit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> run(Instant now) {
        return jdbc.query("SELECT s.load_ref, s.delivered_at, s.currency, b.released_at FROM shipment s"
                + " LEFT JOIN shipment_billing b ON b.load_ref = s.load_ref"
                + " WHERE s.delivered_at IS NOT NULL AND s.delivered_at < ? AND s.invoice_id IS NULL"
                + " AND b.cancelled_at IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM billed_line l JOIN billing_document d ON d.doc_ref = l.doc_ref"
                + " WHERE l.load_ref = s.load_ref AND d.odoo_id IS NOT NULL AND d.status <> 'CANCELLED')"
                + " ORDER BY s.delivered_at, s.load_ref", (rs, i) -> {
                    Instant delivered = rs.getTimestamp(2).toInstant();
                    Timestamp released = rs.getTimestamp(4);
                    return new Finding(NAME, rs.getString(1), null, null, null, null, rs.getString(3),
                            "delivered " + delivered + ", " + Duration.between(delivered, now).toHours()
                                    + " h ago, and no customer invoice is in Odoo"
                                    + (released == null ? "; not released for billing (POD, accessorials or"
                                            + " approval missing?)" : "; released " + released.toInstant()
                                            + " but not invoiced"));
                }, Timestamp.from(now.minus(limit)));
    }
}
