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
        return jdbc.queryForList("SELECT load_ref FROM billed_line WHERE doc_ref IN (SELECT doc_ref FROM"
                + " billing_document WHERE odoo_id = ?)"
                + " UNION SELECT load_ref FROM billing_document WHERE odoo_id = ? AND load_ref IS NOT NULL"
                + " UNION SELECT external_ref FROM binding WHERE kind = 'customer-invoice' AND odoo_model ="
                + " 'account.move' AND odoo_id = ?", String.class, odooId, odooId, odooId)
                .stream().sorted().toList();
    }
}
