package io.logisync.dispatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.odoo.Many2one;
import io.logisync.odoo.OdooRecord;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Turns a customer invoice read from Odoo (by the {@code odoo-source} Kamelet) into what dispatch is told: one
 * invoice.posted when it becomes posted, one payment.updated whenever its payment status or amount due changes. What
 * was last sent about each move is kept, and written only after the events were delivered or parked, so a change is
 * sent once, and never skipped by a restart in between.
 */
public class DispatchStatus {

    /** Exchange property: the move's state to record once its events are sent. */
    static final String NEXT_STATE = "LogisyncDispatchMoveState";

    private static final Logger LOG = LoggerFactory.getLogger(DispatchStatus.class);
    private static final String POSTED = "posted";

    /** What dispatch was last told about one move. */
    record MoveState(long odooId, String number, String state, boolean postedSent, String paymentState,
            BigDecimal amountResidual) {
    }

    private final JdbcTemplate jdbc;
    private final MoveLoads loads;
    private final OutboundEvents events;

    public DispatchStatus(DataSource dataSource, MoveLoads loads, OutboundEvents events) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.loads = loads;
        this.events = events;
    }

    /** The events this version of the move calls for, oldest first; the body becomes their list. */
    public List<ObjectNode> changes(Exchange exchange) {
        @SuppressWarnings("unchecked")
        OdooRecord move = new OdooRecord(exchange.getMessage().getBody(Map.class));
        exchange.setProperty(NEXT_STATE, null);
        List<String> loadRefs = loads.of(move.id(), move.getString("ref"), move.getString("move_type"));
        if (loadRefs.isEmpty()) {
            LOG.debug("account.move {} bills no load of logisync's; dispatch is not told of it", move.id());
            return List.of();
        }
        Optional<MoveState> before = find(move.id());
        String state = move.getString("state");
        String paymentState = move.getString("payment_state");
        BigDecimal residual = move.getDecimal("amount_residual");
        String number = move.getString("name");
        List<ObjectNode> answer = new ArrayList<>();
        MoveState next;
        if (POSTED.equals(state)) {
            String sentPayment = "not_paid";
            BigDecimal sentResidual = move.getDecimal("amount_total");
            if (before.isPresent() && before.get().postedSent()) {
                sentPayment = before.get().paymentState();
                sentResidual = before.get().amountResidual();
            } else {
                answer.add(posted(move, loadRefs));
            }
            if (!java.util.Objects.equals(sentPayment, paymentState) || sentResidual == null || residual == null
                    || sentResidual.compareTo(residual) != 0) {
                answer.add(payment(move));
            }
            next = new MoveState(move.id(), number, state, true, paymentState, residual);
        } else {
            // a move back in draft or cancelled is posted anew later, and said so again
            next = new MoveState(move.id(), number, state, false, paymentState, residual);
        }
        exchange.setProperty(NEXT_STATE, next);
        return answer;
    }

    /** Records what dispatch now knows of the move, once its events were delivered or parked. */
    public void sent(Exchange exchange) {
        MoveState next = exchange.getProperty(NEXT_STATE, MoveState.class);
        if (next == null) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        String update = "UPDATE dispatch_move_state SET number = ?, state = ?, posted_sent = ?, payment_state = ?,"
                + " amount_residual = ?, updated_at = ? WHERE odoo_id = ?";
        Object[] args = {next.number(), next.state(), next.postedSent(), next.paymentState(), next.amountResidual(),
            now, next.odooId()};
        if (jdbc.update(update, args) == 0) {
            try {
                jdbc.update("INSERT INTO dispatch_move_state (number, state, posted_sent, payment_state,"
                        + " amount_residual, updated_at, odoo_id) VALUES (?, ?, ?, ?, ?, ?, ?)", args);
            } catch (DuplicateKeyException raced) {
                jdbc.update(update, args);
            }
        }
    }

    Optional<MoveState> find(long odooId) {
        return jdbc.query("SELECT odoo_id, number, state, posted_sent, payment_state, amount_residual FROM"
                + " dispatch_move_state WHERE odoo_id = ?", (rs, i) -> new MoveState(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getBigDecimal(6)), odooId)
                .stream().findFirst();
    }

    private ObjectNode posted(OdooRecord move, List<String> loadRefs) {
        String number = move.getString("name");
        ObjectNode event = events.event("invoice-posted-" + move.id() + "-" + stamp(move),
                OutboundEvents.INVOICE_POSTED, number);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("invoiceNumber", number);
        data.put("odooInvoiceId", move.id());
        ArrayNode refs = data.putArray("loadRefs");
        loadRefs.forEach(refs::add);
        data.put("amountTotal", move.getDecimal("amount_total"));
        data.put("currency", currency(move));
        data.put("postedAt", rfc3339(move.getString("write_date")));
        data.put("moveType", move.getString("move_type"));
        return event;
    }

    private ObjectNode payment(OdooRecord move) {
        String number = move.getString("name");
        ObjectNode event = events.event("payment-updated-" + move.id() + "-" + stamp(move) + "-"
                + move.getString("payment_state") + "-" + move.getDecimal("amount_residual").toPlainString(),
                OutboundEvents.PAYMENT_UPDATED, number);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("invoiceNumber", number);
        data.put("odooInvoiceId", move.id());
        data.put("paymentState", move.getString("payment_state"));
        data.put("amountResidual", move.getDecimal("amount_residual"));
        data.put("currency", currency(move));
        return event;
    }

    private static String currency(OdooRecord move) {
        Many2one currency = move.getMany2one("currency_id");
        return currency == null ? null : currency.displayName();
    }

    /** The move's write_date without separators, which makes each version's event id its own. */
    private static String stamp(OdooRecord move) {
        return move.getString("write_date").replaceAll("[^0-9]", "");
    }

    /** Odoo's UTC {@code YYYY-MM-DD HH:MM:SS} as RFC 3339. */
    static String rfc3339(String odooDatetime) {
        return odooDatetime == null ? null : odooDatetime.replace(' ', 'T') + "Z";
    }
}
