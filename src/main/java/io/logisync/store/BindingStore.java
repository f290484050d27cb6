package io.logisync.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembers which Odoo record stands for which external reference, and a hash of what was last written to it.
 *
 * <p>The bindings found are kept in memory for a while ({@code logisync.bindings.cache-ttl-ms}): a customer, carrier
 * or product is looked up on nearly every event, and a binding, once made, is only ever rebound (this store's own
 * {@link #bind} updates what it keeps at once). What another replica on the same database rebinds is seen here once
 * the entry expires. A reference with no binding is never kept: it is looked up again each time, so a binding made
 * elsewhere is seen at once.
 */
public class BindingStore {

    /** One binding: an external reference of a kind (customer, invoice, ...) bound to an Odoo record. */
    public record Binding(String kind, String externalRef, String odooModel, long odooId, String contentHash) {
    }

    private record Key(String kind, String externalRef) {
    }

    private final JdbcTemplate jdbc;
    private final Cache<Key, Binding> found;

    /** A store that keeps nothing in memory. */
    public BindingStore(DataSource dataSource) {
        this(dataSource, Duration.ZERO);
    }

    /** A store that keeps the bindings it found for {@code keep} (zero: none). */
    public BindingStore(DataSource dataSource, Duration keep) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.found = keep.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(100_000).build();
    }

    public Optional<Binding> find(String kind, String externalRef) {
        Key key = new Key(kind, externalRef);
        Binding kept = found == null ? null : found.getIfPresent(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        List<Binding> answer = jdbc.query(
                "SELECT kind, external_ref, odoo_model, odoo_id, content_hash FROM binding"
                        + " WHERE kind = ? AND external_ref = ?",
                (rs, i) -> new Binding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5)),
                kind, externalRef);
        Optional<Binding> binding = answer.stream().findFirst();
        if (found != null) {
            binding.ifPresent(b -> found.put(key, b));
        }
        return binding;
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
        if (found != null) {
            // forgotten first: whatever becomes of the write, the next find reads the table
            found.invalidate(new Key(kind, externalRef));
        }
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
