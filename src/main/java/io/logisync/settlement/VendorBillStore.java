package io.logisync.settlement;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** logisync's record of each vendor bill: planned with its lines, decided by an approver where needed, made in Odoo. */
public class VendorBillStore {

    /** What a bill is: a carrier's own invoice, or a settlement logisync bills itself at the agreed cost. */
    public enum Kind { CARRIER_INVOICE, SETTLEMENT }

    /** Where a bill stands in logisync. */
    public enum Status {
        /** Matched (or a settlement): to be made in Odoo. */
        PLANNED,
        /** Outside the tolerance or without an assignment: waits for an approver. */
        AWAITING_APPROVAL,
        /** Approved by an approver: to be made in Odoo. */
        APPROVED,
        /** Rejected by an approver: no bill is made. */
        REJECTED,
        /** Made in Odoo ({@code odooId}); {@code state} is Odoo's. */
        CREATED
    }

    /** One vendor bill. {@code billKey} is the carrier code and the vendor reference: {@code MAPLE/09851270}. */
    public record Bill(String billKey, Kind kind, String carrierCode, String vendorRef, LocalDate invoiceDate,
            String currency, BigDecimal total, Status status, String matchDetail, String decidedBy, Instant decidedAt,
            String decisionReason, Long odooId, String number, String state, String eventId, String source) {
    }

    /** One line of a bill: a load's charge. */
    public record Line(int lineNo, String loadRef, String chargeCode, String label, BigDecimal amount) {
    }

    private static final String COLUMNS = "bill_key, kind, carrier_code, vendor_ref, invoice_date, currency, total,"
            + " status, match_detail, decided_by, decided_at, decision_reason, odoo_id, number, state, event_id, source";

    private final JdbcTemplate jdbc;

    public VendorBillStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public static String keyOf(String carrierCode, String vendorRef) {
        return carrierCode + "/" + vendorRef;
    }

    public Optional<Bill> find(String billKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM vendor_bill WHERE bill_key = ?", VendorBillStore::bill, billKey)
                .stream().findFirst();
    }

    /** The bills with this status, oldest first. */
    public List<Bill> withStatus(Status status) {
        return jdbc.query("SELECT " + COLUMNS + " FROM vendor_bill WHERE status = ? ORDER BY created_at, bill_key",
                VendorBillStore::bill, status.name());
    }

    public List<Line> lines(String billKey) {
        return jdbc.query("SELECT line_no, load_ref, charge_code, label, amount FROM vendor_bill_line"
                + " WHERE bill_key = ? ORDER BY line_no", (rs, i) -> new Line(rs.getInt(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getBigDecimal(5)), billKey);
    }

    /** Records a new bill with its lines; false when a bill with its key is recorded already. */
    public boolean plan(Bill bill, List<Line> lines) {
        Timestamp now = Timestamp.from(Instant.now());
        try {
            jdbc.update("INSERT INTO vendor_bill (bill_key, kind, carrier_code, vendor_ref, invoice_date, currency,"
                    + " total, status, match_detail, event_id, source, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", bill.billKey(), bill.kind().name(),
                    bill.carrierCode(), bill.vendorRef(), Date.valueOf(bill.invoiceDate()), bill.currency(),
                    bill.total(), bill.status().name(), bill.matchDetail(), bill.eventId(), bill.source(), now, now);
        } catch (DuplicateKeyException known) {
            return false;
        }
        for (Line line : lines) {
            jdbc.update("INSERT INTO vendor_bill_line (bill_key, line_no, load_ref, charge_code, label, amount)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", bill.billKey(), line.lineNo(), line.loadRef(), line.chargeCode(),
                    line.label(), line.amount());
        }
        return true;
    }

    /** Moves a bill that waits for approval on to be made, once it matches after all (its assignment arrived). */
    public boolean matchedLater(String billKey, String detail) {
        return jdbc.update("UPDATE vendor_bill SET status = ?, match_detail = ?, updated_at = ? WHERE bill_key = ?"
                + " AND status = ?", Status.PLANNED.name(), detail, Timestamp.from(Instant.now()), billKey,
                Status.AWAITING_APPROVAL.name()) == 1;
    }

    /** Records an approver's decision on a bill that waits for one; false when it was not waiting (any more). */
    public boolean decide(String billKey, boolean approve, String by, Instant at, String reason) {
        return jdbc.update("UPDATE vendor_bill SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?,"
                + " updated_at = ? WHERE bill_key = ? AND status = ?", (approve ? Status.APPROVED : Status.REJECTED)
                        .name(), by, Timestamp.from(at), reason, Timestamp.from(Instant.now()), billKey,
                Status.AWAITING_APPROVAL.name()) == 1;
    }

    public void recordCreated(String billKey, long odooId) {
        jdbc.update("UPDATE vendor_bill SET status = ?, odoo_id = ?, updated_at = ? WHERE bill_key = ?",
                Status.CREATED.name(), odooId, Timestamp.from(Instant.now()), billKey);
    }

    public void recordOutcome(String billKey, String number, String state) {
        jdbc.update("UPDATE vendor_bill SET number = ?, state = ?, updated_at = ? WHERE bill_key = ?", number, state,
                Timestamp.from(Instant.now()), billKey);
    }

    /** The keys of the bills waiting for approval that have a line of this load. */
    public List<String> awaitingApprovalWithLoad(String loadRef) {
        return jdbc.queryForList("SELECT DISTINCT b.bill_key FROM vendor_bill b JOIN vendor_bill_line l"
                + " ON l.bill_key = b.bill_key WHERE l.load_ref = ? AND b.status = ? ORDER BY b.bill_key", String.class,
                loadRef, Status.AWAITING_APPROVAL.name());
    }

    /** For each of these loads already on a bill that is not rejected, the first such bill's key. */
    public Map<String, String> billedLoads(Collection<String> loadRefs, String exceptBillKey) {
        Map<String, String> answer = new LinkedHashMap<>();
        if (loadRefs.isEmpty()) {
            return answer;
        }
        String marks = marks(loadRefs);
        Object[] args = args(loadRefs, exceptBillKey == null ? "" : exceptBillKey, Status.REJECTED.name());
        jdbc.query("SELECT l.load_ref, b.bill_key FROM vendor_bill_line l JOIN vendor_bill b ON b.bill_key = l.bill_key"
                + " WHERE l.load_ref IN (" + marks + ") AND b.bill_key <> ? AND b.status <> ? ORDER BY b.created_at",
                rs -> {
                    answer.putIfAbsent(rs.getString(1), rs.getString(2));
                }, args);
        return answer;
    }

    /** For each of these loads on a carrier invoice an approver rejected, the first such bill. */
    public Map<String, Bill> rejectedWithLoads(Collection<String> loadRefs) {
        Map<String, Bill> answer = new LinkedHashMap<>();
        if (loadRefs.isEmpty()) {
            return answer;
        }
        String marks = marks(loadRefs);
        Object[] args = args(loadRefs, Status.REJECTED.name(), Kind.CARRIER_INVOICE.name());
        List<String[]> rows = jdbc.query("SELECT DISTINCT l.load_ref, b.bill_key, b.created_at FROM vendor_bill_line l"
                + " JOIN vendor_bill b ON b.bill_key = l.bill_key WHERE l.load_ref IN (" + marks + ") AND b.status = ?"
                + " AND b.kind = ? ORDER BY b.created_at", (rs, n) -> new String[] {rs.getString(1), rs.getString(2)},
                args);
        for (String[] row : rows) {
            if (!answer.containsKey(row[0])) {
                find(row[1]).ifPresent(b -> answer.put(row[0], b));
            }
        }
        return answer;
    }

    private static Bill bill(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp(11);
        return new Bill(rs.getString(1), Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), rs.getString(6), rs.getBigDecimal(7), Status.valueOf(rs.getString(8)),
                rs.getString(9), rs.getString(10), decided == null ? null : decided.toInstant(), rs.getString(12),
                (Long) rs.getObject(13, Long.class), rs.getString(14), rs.getString(15), rs.getString(16),
                rs.getString(17));
    }

    /** One placeholder a load, for {@code load_ref IN (...)}. */
    private static String marks(Collection<String> loadRefs) {
        return String.join(", ", java.util.Collections.nCopies(loadRefs.size(), "?"));
    }

    /** The loads, then the query's other arguments, in the order of its placeholders. */
    private static Object[] args(Collection<String> loadRefs, Object... then) {
        List<Object> answer = new java.util.ArrayList<>(loadRefs);
        answer.addAll(List.of(then));
        return answer.toArray();
    }
}
