package io.logisync.reconciliation;

import io.logisync.settlement.Tolerance;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Loads whose carrier cost booked in Odoo differs from the cost agreed at assignment by more than the settlement
 * tolerance: the lines of every vendor bill made for the load, against {@code shipment.assigned}'s agreed cost. A
 * bill an approver let through outside the tolerance is reported too, with who approved it, since the margin of its
 * load is not what was agreed.
 */
public class VendorBillCosts extends LookbackCheck {

    public static final String NAME = "vendor-bill-cost-mismatch";

    private record Billed(String loadRef, BigDecimal billed, String currency, String bills, String approvedBy,
            String carrier, Long odooId, java.time.Instant cancelledAt, boolean truckOrderNotUsed) {
    }

    private final Tolerance tolerance;

    public VendorBillCosts(DataSource dataSource, Tolerance tolerance, Duration lookback) {
        super(NAME, dataSource, lookback);
        this.tolerance = tolerance;
    }

    @Override
    public List<Finding> run(Instant now) {
        // the Odoo id is the load's bill's when it has one bill; a load on several bills names the first and a count
        List<Billed> billed = jdbc.query("SELECT l.load_ref, SUM(l.amount), MIN(b.currency), MIN(b.vendor_ref),"
                + " COUNT(DISTINCT b.bill_key), MAX(b.decided_by), MIN(b.carrier_code), MIN(b.odoo_id),"
                + " MAX(s.cancelled_at), MAX(CASE WHEN s.truck_order_not_used THEN 1 ELSE 0 END)"
                + " FROM vendor_bill_line l JOIN vendor_bill b ON b.bill_key = l.bill_key"
                + " LEFT JOIN shipment_billing s ON s.load_ref = l.load_ref"
                + " WHERE b.status = 'CREATED' AND b.updated_at >= ? GROUP BY l.load_ref ORDER BY l.load_ref",
                (rs, i) -> {
                    int bills = rs.getInt(5);
                    Timestamp cancelled = rs.getTimestamp(9);
                    return new Billed(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4)
                            + (bills > 1 ? " and " + (bills - 1) + " more" : ""), rs.getString(6), rs.getString(7),
                            bills == 1 ? rs.getObject(8, Long.class) : null,
                            cancelled == null ? null : cancelled.toInstant(), rs.getInt(10) == 1);
                }, since(now));
        List<Finding> answer = new ArrayList<>();
        for (Billed load : billed) {
            if (load.cancelledAt() != null) {
                answer.add(new Finding(NAME, load.loadRef(), load.bills(), load.odooId(), null, load.billed(),
                        load.currency(), "carrier " + load.carrier() + " has a vendor bill for load " + load.loadRef()
                                + ", which was cancelled at " + load.cancelledAt() + (load.truckOrderNotUsed()
                                        ? " (truck order not used: check the bill is the agreed TONU)" : "")
                                + (load.approvedBy() == null ? "" : "; approved by " + load.approvedBy())));
                continue;
            }
            List<Object[]> agreed = jdbc.query("SELECT agreed_amount, currency, carrier_code FROM shipment_assignment"
                    + " WHERE load_ref = ?", (rs, i) -> new Object[] {rs.getBigDecimal(1), rs.getString(2),
                            rs.getString(3)}, load.loadRef());
            if (agreed.isEmpty()) {
                answer.add(new Finding(NAME, load.loadRef(), load.bills(), load.odooId(), null, load.billed(),
                        load.currency(), "carrier " + load.carrier() + " billed load " + load.loadRef()
                                + ", which has no agreed cost (no shipment.assigned)"));
                continue;
            }
            BigDecimal cost = (BigDecimal) agreed.get(0)[0];
            String currency = (String) agreed.get(0)[1];
            if (!currency.equals(load.currency())) {
                answer.add(new Finding(NAME, load.loadRef(), load.bills(), load.odooId(), cost, load.billed(),
                        currency, "the load was agreed in " + currency + " but billed in " + load.currency()));
            } else if (!tolerance.accepts(load.billed(), cost)) {
                answer.add(new Finding(NAME, load.loadRef(), load.bills(), load.odooId(), cost, load.billed(),
                        currency, "the carrier cost billed differs from the cost agreed at assignment by more than the"
                                + " tolerance" + (load.approvedBy() == null ? ""
                                        : "; approved by " + load.approvedBy())));
            }
        }
        return answer;
    }
}
