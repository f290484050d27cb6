package io.logisync.reconciliation;

import io.logisync.settlement.Tolerance;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads whose carrier cost booked in Odoo differs from the cost agreed at assignment by more than the settlement
 * tolerance: the lines of every vendor bill made for the load, against {@code shipment.assigned}'s agreed cost. A
 * bill an approver let through outside the tolerance is reported too, with who approved it, since the margin of its
 * load is not what was agreed.
 */
public class VendorBillCosts implements ReconciliationCheck {

    public static final String NAME = "vendor-bill-cost-mismatch";

    private record Billed(String loadRef, BigDecimal billed, String currency, String bills, String approvedBy,
            String carrier) {
    }

    private final JdbcTemplate jdbc;
    private final Tolerance tolerance;
    private final Duration lookback;

    public VendorBillCosts(DataSource dataSource, Tolerance tolerance, Duration lookback) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tolerance = tolerance;
        this.lookback = lookback;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> run(Instant now) {
        List<Billed> billed = jdbc.query("SELECT l.load_ref, SUM(l.amount), MIN(b.currency), MIN(b.vendor_ref),"
                + " COUNT(DISTINCT b.bill_key), MAX(b.decided_by), MIN(b.carrier_code) FROM vendor_bill_line l"
                + " JOIN vendor_bill b ON b.bill_key = l.bill_key WHERE b.status = 'CREATED' AND b.updated_at >= ?"
                + " GROUP BY l.load_ref ORDER BY l.load_ref", (rs, i) -> new Billed(rs.getString(1),
                        rs.getBigDecimal(2), rs.getString(3), rs.getString(4)
                                + (rs.getInt(5) > 1 ? " and " + (rs.getInt(5) - 1) + " more" : ""),
                        rs.getString(6), rs.getString(7)), Timestamp.from(now.minus(lookback)));
        List<Finding> answer = new ArrayList<>();
        for (Billed load : billed) {
            List<Object[]> agreed = jdbc.query("SELECT agreed_amount, currency, carrier_code FROM shipment_assignment"
                    + " WHERE load_ref = ?", (rs, i) -> new Object[] {rs.getBigDecimal(1), rs.getString(2),
                            rs.getString(3)}, load.loadRef());
            if (agreed.isEmpty()) {
                answer.add(new Finding(NAME, load.loadRef(), load.bills(), null, null, load.billed(),
                        load.currency(), "carrier " + load.carrier() + " billed load " + load.loadRef()
                                + ", which has no agreed cost (no shipment.assigned)"));
                continue;
            }
            BigDecimal cost = (BigDecimal) agreed.get(0)[0];
            String currency = (String) agreed.get(0)[1];
            if (!currency.equals(load.currency())) {
                answer.add(new Finding(NAME, load.loadRef(), load.bills(), null, cost, load.billed(), currency,
                        "the load was agreed in " + currency + " but billed in " + load.currency()));
            } else if (!tolerance.accepts(load.billed(), cost)) {
                answer.add(new Finding(NAME, load.loadRef(), load.bills(), null, cost, load.billed(), currency,
                        "the carrier cost billed differs from the cost agreed at assignment by more than the"
                                + " tolerance" + (load.approvedBy() == null ? ""
                                        : "; approved by " + load.approvedBy())));
            }
        }
        return answer;
    }
}
