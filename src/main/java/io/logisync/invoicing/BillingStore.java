package io.logisync.invoicing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.invoicing.BillingDocument.Kind;
import io.logisync.invoicing.BillingDocument.Status;
import io.logisync.store.LoadRows;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * logisync's record of billing: per shipment what it is rated on, its fuel surcharge, cancellation and release; per
 * document what was sent to Odoo, line by line. What a load has been billed is the sum of its lines on documents
 * that are not cancelled, credit notes counting negative.
 */
public class BillingStore {

    /** The billing side of one shipment. */
    public record ShipmentBilling(String loadRef, String shipmentData, String eventTime, BillLine fuelLine,
            Instant cancelledAt, String cancelReason, boolean truckOrderNotUsed, BillLine cancelLine,
            String changeReason, Instant releasedAt, LocalDate billingDate, String financeApprovedBy,
            Instant financeApprovedAt, String financeApprovalReason, String podEvent, Instant factsAt,
            String factsEventId) {

        public boolean isCancelled() {
            return cancelledAt != null;
        }

        public boolean isFinanceApproved() {
            return financeApprovedBy != null;
        }
    }

    /** A line as sent on a document; {@code odooLineId} is the Odoo line it became, once known. */
    public record BilledLine(long id, String docRef, int lineNo, BillLine line, Long odooLineId) {
    }

    private static final String DOC_COLUMNS = "doc_ref, kind, load_ref, customer_code, group_key, original_ref,"
            + " status, sent, odoo_id, number, state, total, currency, note";
    private static final String DOC_COLUMNS_OF_D = DOC_COLUMNS.replaceAll("(^|, )(\\w+)", "$1d.$2");
    private static final RowMapper<BillingDocument> DOCUMENT = (rs, i) -> new BillingDocument(rs.getString(1),
            Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            Status.valueOf(rs.getString(7)), rs.getBoolean(8), (Long) rs.getObject(9, Long.class), rs.getString(10),
            rs.getString(11), rs.getBigDecimal(12), rs.getString(13), rs.getString(14));
    private static final String LINE_COLUMNS = "id, doc_ref, line_no, line_key, load_ref, charge_code, label,"
            + " quantity, price_unit, amount, odoo_line_id";
    private static final RowMapper<BilledLine> LINE = (rs, i) -> new BilledLine(rs.getLong(1), rs.getString(2),
            rs.getInt(3), new BillLine(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                    rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10)),
            (Long) rs.getObject(11, Long.class));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper mapper;

    public BillingStore(DataSource dataSource, ObjectMapper mapper) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.mapper = mapper;
    }

    // ---- shipments

    public Optional<ShipmentBilling> shipment(String loadRef) {
        return jdbc.query("SELECT load_ref, shipment_data, event_time, fuel_line, cancelled_at, cancel_reason,"
                + " truck_order_not_used, cancel_line, change_reason, released_at, billing_date, finance_approved_by,"
                + " finance_approved_at, finance_approval_reason, pod_event, facts_at, facts_event_id"
                + " FROM shipment_billing WHERE load_ref = ?",
                (rs, i) -> new ShipmentBilling(rs.getString(1), rs.getString(2), rs.getString(3),
                        line(rs.getString(4)), instant(rs, 5), rs.getString(6), rs.getBoolean(7),
                        line(rs.getString(8)), rs.getString(9), instant(rs, 10), localDate(rs.getDate(11)),
                        rs.getString(12), instant(rs, 13), rs.getString(14), rs.getString(15), instant(rs, 16),
                        rs.getString(17)), loadRef)
                .stream().findFirst();
    }

    /**
     * Keeps what the shipment is rated on (its data, merged with later updates) and its fuel surcharge, with when
     * those facts happened ({@code factsAt}, the time of the event that set them) and that event's id.
     */
    public void recordRated(String loadRef, String shipmentData, String eventTime, BillLine fuelLine,
            String changeReason, Instant factsAt, String factsEventId) {
        updateMaking(loadRef, "UPDATE shipment_billing SET shipment_data = ?, event_time = ?, fuel_line = ?,"
                + " change_reason = COALESCE(?, change_reason), facts_at = ?, facts_event_id = ?, updated_at = ?"
                + " WHERE load_ref = ?", shipmentData, eventTime, json(fuelLine), changeReason,
                Timestamp.from(factsAt), factsEventId, now(), loadRef);
    }

    /** Keeps a shipment event that came older than the facts its load is billed on: history, not billed. */
    public void recordSuperseded(String loadRef, String eventId, String source, String eventType, Instant eventTime,
            Instant factsAt, String factsEventId, String payload) {
        jdbc.update("INSERT INTO superseded_event (load_ref, event_id, source, event_type, event_time, facts_at,"
                + " facts_event_id, payload, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", loadRef, eventId,
                source, eventType, Timestamp.from(eventTime), Timestamp.from(factsAt), factsEventId, payload, now());
    }

    public void recordCancelled(String loadRef, Instant at, String reason, boolean truckOrderNotUsed,
            BillLine cancelLine) {
        updateMaking(loadRef, "UPDATE shipment_billing SET cancelled_at = ?, cancel_reason = ?,"
                + " truck_order_not_used = ?, cancel_line = ?, change_reason = ?, updated_at = ? WHERE load_ref = ?",
                Timestamp.from(at), reason, truckOrderNotUsed, json(cancelLine), "cancelled: " + reason, now(),
                loadRef);
    }

    /** Keeps the first proof-of-delivery event as received, which a failed attachment is parked with. */
    public void recordPodEvent(String loadRef, String eventJson) {
        updateMaking(loadRef, "UPDATE shipment_billing SET pod_event = COALESCE(pod_event, ?), updated_at = ?"
                + " WHERE load_ref = ?", eventJson, now(), loadRef);
    }

    /** Records finance's approval once: the first approver and time are kept. */
    public boolean recordFinanceApproval(String loadRef, String approvedBy, Instant at, String reason) {
        return updateMaking(loadRef, "UPDATE shipment_billing SET finance_approved_by = ?, finance_approved_at = ?,"
                + " finance_approval_reason = ?, updated_at = ? WHERE load_ref = ? AND finance_approved_by IS NULL",
                approvedBy, Timestamp.from(at), reason, now(), loadRef) > 0;
    }

    /** Marks a load released for a consolidated invoice, on the date its period is counted from. */
    public void markReleased(String loadRef, Instant at, LocalDate billingDate) {
        updateMaking(loadRef, "UPDATE shipment_billing SET released_at = COALESCE(released_at, ?), billing_date ="
                + " COALESCE(billing_date, ?), updated_at = ? WHERE load_ref = ?", Timestamp.from(at),
                Date.valueOf(billingDate), now(), loadRef);
    }

    /** Loads released for consolidation, with a billing date before the given date, and on no invoice yet. */
    public List<String> releasedUnbilledBefore(LocalDate before) {
        return jdbc.queryForList("SELECT b.load_ref FROM shipment_billing b WHERE b.released_at IS NOT NULL"
                + " AND b.billing_date < ? AND NOT EXISTS (SELECT 1 FROM billed_line l JOIN billing_document d"
                + " ON d.doc_ref = l.doc_ref WHERE l.load_ref = b.load_ref AND d.kind IN ('INVOICE', 'CONSOLIDATED')"
                + " AND d.status <> 'CANCELLED') ORDER BY b.billing_date, b.load_ref", String.class,
                Date.valueOf(before));
    }

    private int updateMaking(String loadRef, String update, Object... args) {
        return LoadRows.update(jdbc, "shipment_billing", loadRef, update, args);
    }

    // ---- documents

    public Optional<BillingDocument> document(String docRef) {
        return jdbc.query("SELECT " + DOC_COLUMNS + " FROM billing_document WHERE doc_ref = ?", DOCUMENT, docRef)
                .stream().findFirst();
    }

    /**
     * The load's own invoice, or the consolidated invoice its lines are on; cancelled documents are left out. (Whether
     * there is one, {@link #glance} tells with a load's other facts.)
     */
    public Optional<BillingDocument> originalOf(String loadRef) {
        // a union of two lookups that each use an index (by load, by a line's load): OR ... EXISTS read every document
        return jdbc.query("SELECT " + DOC_COLUMNS + " FROM (SELECT " + DOC_COLUMNS + ", created_at FROM"
                + " billing_document WHERE load_ref = ? AND kind = 'INVOICE' AND status <> 'CANCELLED' UNION ALL"
                + " SELECT " + DOC_COLUMNS_OF_D + ", d.created_at FROM billed_line l JOIN"
                + " billing_document d ON d.doc_ref = l.doc_ref WHERE l.load_ref = ? AND d.kind = 'CONSOLIDATED' AND"
                + " d.status <> 'CANCELLED') u ORDER BY created_at FETCH FIRST 1 ROW ONLY", DOCUMENT, loadRef, loadRef)
                .stream().findFirst();
    }

    /** What {@link #glance} reads of a load in one query. */
    public record LoadGlance(boolean created, boolean pod, boolean anyDelivered, boolean cancelled, boolean billed) {
    }

    /**
     * The facts of a load its release gate decides most events by, in one query: created, POD, any DELIVERED,
     * cancelled, and on an invoice, as {@link #originalOf} finds one (its own, or a consolidated one its lines are on,
     * neither cancelled). Empty when logisync has no shipment row for the load.
     */
    public Optional<LoadGlance> glance(String loadRef) {
        return jdbc.query("SELECT s.charges IS NOT NULL, s.pod_signed_at IS NOT NULL, s.delivered_at IS NOT NULL,"
                + " b.cancelled_at IS NOT NULL,"
                + " EXISTS (SELECT 1 FROM billing_document d WHERE d.load_ref = s.load_ref AND d.kind = 'INVOICE'"
                + " AND d.status <> 'CANCELLED') OR EXISTS (SELECT 1 FROM billed_line l JOIN billing_document d"
                + " ON d.doc_ref = l.doc_ref WHERE l.load_ref = s.load_ref AND d.kind = 'CONSOLIDATED'"
                + " AND d.status <> 'CANCELLED')"
                + " FROM shipment s LEFT JOIN shipment_billing b ON b.load_ref = s.load_ref WHERE s.load_ref = ?",
                (rs, i) -> new LoadGlance(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5)), loadRef).stream().findFirst();
    }

    /** The load's documents of one kind, oldest first, cancelled ones included (they keep their number). */
    public List<BillingDocument> documentsOf(String loadRef, Kind kind) {
        return jdbc.query("SELECT " + DOC_COLUMNS + " FROM billing_document WHERE load_ref = ? AND kind = ?"
                + " ORDER BY created_at, doc_ref", DOCUMENT, loadRef, kind.name());
    }

    /** Adjustments of the load not yet in Odoo, or not yet posted, which a retry completes first. */
    public List<BillingDocument> unfinishedAdjustments(String loadRef) {
        return jdbc.query("SELECT " + DOC_COLUMNS + " FROM billing_document WHERE load_ref = ? AND kind IN"
                + " ('SUPPLEMENT', 'CREDIT_NOTE') AND status IN ('PLANNED', 'CREATED') ORDER BY created_at, doc_ref",
                DOCUMENT, loadRef);
    }

    /** Consolidated documents of a group key, oldest first. */
    public List<BillingDocument> documentsOfGroup(String groupKey) {
        return jdbc.query("SELECT " + DOC_COLUMNS + " FROM billing_document WHERE group_key = ?"
                + " ORDER BY created_at, doc_ref", DOCUMENT, groupKey);
    }

    /** Consolidated documents planned but not posted yet, which the next run completes. */
    public List<BillingDocument> unfinishedConsolidated() {
        return jdbc.query("SELECT " + DOC_COLUMNS + " FROM billing_document WHERE kind = 'CONSOLIDATED' AND status"
                + " IN ('PLANNED', 'CREATED') ORDER BY created_at, doc_ref", DOCUMENT);
    }

    /** Stores a new document with its lines, in one transaction; false when the reference is taken already. */
    public boolean plan(BillingDocument document, List<BillLine> lines) {
        try {
            transactions.executeWithoutResult(status -> {
                Timestamp now = now();
                jdbc.update("INSERT INTO billing_document (doc_ref, kind, move_type, load_ref, customer_code,"
                        + " group_key, original_ref, status, sent, currency, note, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?)", document.docRef(),
                        document.kind().name(), document.kind().moveType(), document.loadRef(),
                        document.customerCode(), document.groupKey(), document.originalRef(),
                        Status.PLANNED.name(), document.currency(), document.note(), now, now);
                insertLines(document.docRef(), lines, document.kind() == Kind.CREDIT_NOTE);
            });
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Adds lines to a document, e.g. the new lines of a corrected draft. */
    public void addLines(String docRef, List<BillLine> lines) {
        insertLines(docRef, lines, false);
    }

    /**
     * Adds a load's lines to a document, or replaces them, unless a create was sent for it already: the guard and
     * the lines change in one transaction, so a document on its way to Odoo never changes under it.
     */
    public boolean replanIfUnsent(String docRef, String loadRef, List<BillLine> lines) {
        Boolean answer = transactions.execute(status -> {
            if (jdbc.update("UPDATE billing_document SET updated_at = ? WHERE doc_ref = ? AND sent = FALSE", now(),
                    docRef) == 0) {
                return false;
            }
            jdbc.update("DELETE FROM billed_line WHERE doc_ref = ? AND load_ref = ?", docRef, loadRef);
            insertLines(docRef, lines, false);
            return true;
        });
        return Boolean.TRUE.equals(answer);
    }

    /** Replaces a load's lines on a document no create was sent for yet: it goes to Odoo as it now stands. */
    public void replanLines(String docRef, String loadRef, List<BillLine> lines, boolean credit) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM billed_line WHERE doc_ref = ? AND load_ref = ?", docRef, loadRef);
            insertLines(docRef, lines, credit);
        });
    }

    private void insertLines(String docRef, List<BillLine> lines, boolean credit) {
        Integer last = jdbc.queryForObject("SELECT MAX(line_no) FROM billed_line WHERE doc_ref = ?", Integer.class,
                docRef);
        int lineNo = last == null ? 0 : last;
        for (BillLine line : lines) {
            BillLine stored = credit ? line.negated() : line;
            jdbc.update("INSERT INTO billed_line (doc_ref, load_ref, line_no, line_key, charge_code, label, quantity,"
                    + " price_unit, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", docRef, stored.loadRef(), ++lineNo,
                    stored.key(), stored.chargeCode(), stored.label(), stored.quantity(), stored.unitPrice(),
                    stored.amount());
        }
    }

    /** The document's lines in the order they were sent; a credit note's amounts are negative here. */
    public List<BilledLine> linesOf(String docRef) {
        return jdbc.query("SELECT " + LINE_COLUMNS + " FROM billed_line WHERE doc_ref = ? ORDER BY line_no", LINE,
                docRef);
    }

    /** What the load is billed now, by line key: its lines on documents that are not cancelled. */
    public Map<String, List<BilledLine>> billedByKey(String loadRef) {
        Map<String, List<BilledLine>> answer = new LinkedHashMap<>();
        jdbc.query("SELECT l." + LINE_COLUMNS.replace(", ", ", l.") + " FROM billed_line l JOIN billing_document d"
                + " ON d.doc_ref = l.doc_ref WHERE l.load_ref = ? AND d.status <> 'CANCELLED'"
                + " ORDER BY d.created_at, l.doc_ref, l.line_no", LINE, loadRef)
                .forEach(line -> answer.computeIfAbsent(line.line().key(), k -> new ArrayList<>()).add(line));
        return answer;
    }

    public void removeLines(List<Long> ids) {
        ids.forEach(id -> jdbc.update("DELETE FROM billed_line WHERE id = ?", id));
    }

    /** Marks that a create goes to Odoo now; from here on the document's lines no longer change. */
    public void markSent(String docRef) {
        jdbc.update("UPDATE billing_document SET sent = TRUE, updated_at = ? WHERE doc_ref = ?", now(), docRef);
    }

    public void recordCreated(String docRef, long odooId) {
        jdbc.update("UPDATE billing_document SET odoo_id = ?, sent = TRUE, status = ?, updated_at = ?"
                + " WHERE doc_ref = ?", odooId, Status.CREATED.name(), now(), docRef);
    }

    public void recordLineIds(Map<Long, Long> odooLineByBilledLine) {
        odooLineByBilledLine.forEach((line, odooLine) -> jdbc.update("UPDATE billed_line SET odoo_line_id = ?"
                + " WHERE id = ?", odooLine, line));
    }

    /** Records the document as Odoo reads it back: number, state and total; its status follows the state. */
    public void recordOutcome(String docRef, String number, String state, BigDecimal total) {
        Status status = "posted".equals(state) ? Status.POSTED : "cancel".equals(state) ? Status.CANCELLED
                : Status.CREATED;
        jdbc.update("UPDATE billing_document SET number = ?, state = ?, total = ?, status = ?, updated_at = ?"
                + " WHERE doc_ref = ?", number, state, total, status.name(), now(), docRef);
    }

    private String json(BillLine line) {
        try {
            return line == null ? null : mapper.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bill line " + line.key() + " cannot be written", e);
        }
    }

    private BillLine line(String json) {
        try {
            return json == null ? null : mapper.readValue(json, BillLine.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored bill line cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate localDate(Date value) {
        return value == null ? null : value.toLocalDate();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
