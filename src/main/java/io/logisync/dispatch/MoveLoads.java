package io.logisync.dispatch;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The loads an Odoo customer invoice bills, from what logisync keeps: the lines it sent on each of its documents
 * (billing_document, billed_line) and the binding of a load's own invoice. A move logisync did not make has none.
 */
public class MoveLoads {

    private final JdbcTemplate jdbc;

    public MoveLoads(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The load references of the move, sorted; empty when logisync did not make it. */
    public List<String> of(long odooId) {
        return of(odooId, null, null);
    }

    /**
     * The load references of the move, sorted; empty when logisync did not make it. A move is logisync's when its
     * id is recorded, or, while a batch is still at work (Odoo has created and posted it, logisync has not recorded
     * its id yet), when it carries the reference and type of a document logisync has sent and not yet recorded: the
     * same reference by which logisync finds its own moves before creating them.
     */
    public List<String> of(long odooId, String ref, String moveType) {
        String documents = "SELECT doc_ref FROM billing_document WHERE odoo_id = ? OR (odoo_id IS NULL AND sent = TRUE"
                + " AND doc_ref = ? AND move_type = ?)";
        return jdbc.queryForList("SELECT load_ref FROM billed_line WHERE doc_ref IN (" + documents + ")"
                + " UNION SELECT load_ref FROM billing_document WHERE doc_ref IN (" + documents + ")"
                + " AND load_ref IS NOT NULL"
                + " UNION SELECT external_ref FROM binding WHERE kind = 'customer-invoice' AND odoo_model ="
                + " 'account.move' AND odoo_id = ?", String.class, odooId, ref, moveType, odooId, ref, moveType,
                odooId).stream().sorted().toList();
    }
}
