package io.logisync.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Remembers which Odoo record stands for which external reference, and a hash of what was last written to it. */
public class BindingStore {

    /** One binding: an external reference of a kind (customer, invoice, ...) bound to an Odoo record. */
    public record Binding(String kind, String externalRef, String odooModel, long odooId, String contentHash) {
    }

    private final JdbcTemplate jdbc;

    public BindingStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<Binding> find(String kind, String externalRef) {
        List<Binding> answer = jdbc.query(
                "SELECT kind, external_ref, odoo_model, odoo_id, content_hash FROM binding"
                        + " WHERE kind = ? AND external_ref = ?",
                (rs, i) -> new Binding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5)),
                kind, externalRef);
        return answer.stream().findFirst();
    }

    /** Every binding of these kinds to one Odoo record, e.g. the customer and carrier codes bound to a partner. */
    public List<Binding> boundTo(String odooModel, long odooId, List<String> kinds) {
        return jdbc.query(
                "SELECT kind, external_ref, odoo_model, odoo_id, content_hash FROM binding"
                        + " WHERE odoo_model = ? AND odoo_id = ? ORDER BY kind, external_ref",
                (rs, i) -> new Binding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5)),
                odooModel, odooId).stream().filter(b -> kinds.contains(b.kind())).toList();
    }

    /** Binds or rebinds a reference; the hash may be null when the values written are not tracked. */
    public void bind(String kind, String externalRef, String odooModel, long odooId, String contentHash) {
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.update("UPDATE binding SET odoo_model = ?, odoo_id = ?, content_hash = ?, updated_at = ?"
                + " WHERE kind = ? AND external_ref = ?", odooModel, odooId, contentHash, now, kind, externalRef);
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO binding (kind, external_ref, odoo_model, odoo_id, content_hash, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", kind, externalRef, odooModel, odooId, contentHash, now);
            } catch (DuplicateKeyException raced) {
                bind(kind, externalRef, odooModel, odooId, contentHash);
            }
        }
    }
}
