package io.logisync.kamelet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import io.logisync.odoo.camel.OdooConstants;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The poller behind the {@code odoo-source} Kamelet: reads a model's records changed since its watermark, in
 * {@code write_date} then id order, and remembers, per record, the {@code write_date} it was delivered at.
 *
 * <p>Odoo stamps {@code write_date} to the second, with the time its transaction started, so a record committed late
 * can carry a time the watermark has passed already. Each poll therefore reads again from the watermark minus an
 * overlap window, and skips what it delivered at that same {@code write_date} before: records sharing one second are
 * neither lost nor repeated, and neither is anything after a restart, since both the watermark and the delivered
 * records are in the database. A record is marked delivered only after the sink took it.
 */
// Known gap: reads only the Odoo logisync is configured for (odooClient); no url/apiKey options as odoo-sink has
// Known gap: one poller per watermark is assumed; with replicas each polls and sends the same changes (same ids)
public class OdooSource {

    /** Header: {@code created} for a record this source has not delivered before, {@code updated} for a change to
     * one it has (the body's create_date and write_date tell whether it changed since its creation). */
    public static final String CHANGE = "CamelOdooSourceChange";
    /** Header: the record's {@code write_date}, as Odoo sends it ({@code YYYY-MM-DD HH:MM:SS}, UTC). */
    public static final String WRITE_DATE = "CamelOdooSourceWriteDate";
    /** Header: a hash of the values read, which tells a second change within one second from a repeat. */
    public static final String CONTENT_HASH = "CamelOdooSourceContentHash";
    /** Header: the model the record is of. */
    public static final String MODEL = "CamelOdooSourceModel";
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";

    private static final DateTimeFormatter ODOO_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MAGIC = List.of("id", "create_date", "write_date");

    private String name;
    private String model;
    private String domain;
    private String fields;
    private int pageSize = 100;
    private int overlapSeconds = 5;
    private boolean enabled = true;
    private OdooClient odooClient;
    private DataSource dataSource;

    private JdbcTemplate jdbc;
    private List<Object> parsedDomain;
    private List<String> fieldList;

    /** Checks the properties once, when the Kamelet's route is built. */
    public void init() {
        require(name, "watermark");
        require(model, "model");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("odoo-source: watermark must be letters, digits, '.', '_' or '-', at"
                    + " most 100, but was '" + name + "'");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("odoo-source " + name + ": pageSize must be at least 1, but was "
                    + pageSize);
        }
        if (overlapSeconds < 0) {
            throw new IllegalArgumentException("odoo-source " + name + ": overlapSeconds must not be negative, but"
                    + " was " + overlapSeconds);
        }
        parsedDomain = parseDomain(domain);
        Set<String> names = new LinkedHashSet<>(MAGIC);
        if (fields != null) {
            for (String field : fields.split(",")) {
                if (!field.isBlank()) {
                    names.add(field.strip());
                }
            }
        }
        fieldList = List.copyOf(names);
        if (odooClient == null || dataSource == null) {
            throw new IllegalStateException("odoo-source " + name + " needs the odooClient and dataSource beans");
        }
        jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * The next records to deliver, at most a page, oldest change first: those changed since the watermark (less the
     * overlap) that were not delivered at their current {@code write_date} yet.
     */
    public List<Map<String, Object>> poll() {
        if (!enabled) {
            // the route this source feeds is switched off: read nothing, so nothing waits for a consumer
            return List.of();
        }
        Optional<String> watermark = watermark();
        String cursorDate = watermark.map(this::minusOverlap).orElse(null);
        long cursorId = 0;
        boolean first = true;
        List<Map<String, Object>> answer = new ArrayList<>();
        while (answer.size() < pageSize) {
            List<Object> query = new ArrayList<>(parsedDomain);
            if (cursorDate != null && first) {
                query.add(List.of("write_date", ">=", cursorDate));
            } else if (cursorDate != null) {
                // keyset paging: a record written meanwhile moves behind the cursor and is read on a later page
                query.addAll(List.of("|", List.of("write_date", ">", cursorDate), "&",
                        List.of("write_date", "=", cursorDate), List.of("id", ">", cursorId)));
            }
            List<OdooRecord> page = odooClient.searchRead(model, query, fieldList, pageSize, "write_date asc, id asc",
                    OdooContext.DEFAULT);
            Map<Long, String[]> delivered = deliveredAt(page.stream().map(OdooRecord::id).toList());
            for (OdooRecord record : page) {
                String writeDate = record.getString("write_date");
                String[] before = delivered.get(record.id());
                String hash = hash(record.raw());
                boolean changed = before == null || before[0].compareTo(writeDate) < 0
                        || before[0].equals(writeDate) && !before[1].equals(hash);
                if (writeDate != null && changed && answer.size() < pageSize) {
                    Map<String, Object> values = new LinkedHashMap<>(record.raw());
                    // a record this source never delivered is new to its consumer, even if written since creation
                    values.put(CHANGE, before == null ? CREATED : UPDATED);
                    values.put(CONTENT_HASH, hash);
                    answer.add(values);
                }
            }
            if (page.size() < pageSize) {
                break;
            }
            OdooRecord last = page.get(page.size() - 1);
            cursorDate = last.getString("write_date");
            cursorId = last.id();
            first = false;
        }
        return answer;
    }

    /** Splits one polled record into its message: the record as the body, what changed and when in headers. */
    public void describe(Exchange exchange) {
        Message message = exchange.getMessage();
        @SuppressWarnings("unchecked")
        Map<String, Object> values = new LinkedHashMap<>(message.getBody(Map.class));
        message.setHeader(CHANGE, values.remove(CHANGE));
        message.setHeader(CONTENT_HASH, values.remove(CONTENT_HASH));
        message.setHeader(WRITE_DATE, values.get("write_date"));
        message.setHeader(MODEL, model);
        message.setHeader(OdooConstants.IDS, List.of(((Number) values.get("id")).longValue()));
        message.setBody(values);
    }

    /** Marks the record of this message delivered at its write_date, and moves the watermark up to it. */
    public void delivered(Exchange exchange) {
        Message message = exchange.getMessage();
        String writeDate = exchange.getProperty(WRITE_DATE, String.class);
        Long id = exchange.getProperty(OdooConstants.IDS, Long.class);
        String hash = exchange.getProperty(CONTENT_HASH, String.class);
        if (writeDate == null || id == null || hash == null) {
            throw new IllegalStateException("odoo-source " + name + ": the delivered record lost its id or"
                    + " write_date (" + message.getHeaders().keySet() + ")");
        }
        markDelivered(id, writeDate, hash);
    }

    /** Keeps the record's id and write_date on the exchange, as the sink may change the message's headers. */
    public void remember(Exchange exchange) {
        Message message = exchange.getMessage();
        exchange.setProperty(WRITE_DATE, message.getHeader(WRITE_DATE, String.class));
        exchange.setProperty(CONTENT_HASH, message.getHeader(CONTENT_HASH, String.class));
        exchange.setProperty(OdooConstants.IDS, ((List<?>) message.getHeader(OdooConstants.IDS)).get(0));
    }

    void markDelivered(long id, String writeDate, String hash) {
        String update = "UPDATE odoo_source_seen SET write_date = ?, content_hash = ? WHERE source_name = ?"
                + " AND record_id = ?";
        if (jdbc.update(update, writeDate, hash, name, id) == 0) {
            try {
                jdbc.update("INSERT INTO odoo_source_seen (source_name, record_id, write_date, content_hash)"
                        + " VALUES (?, ?, ?, ?)", name, id, writeDate, hash);
            } catch (DuplicateKeyException raced) {
                jdbc.update(update, writeDate, hash, name, id);
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        if (jdbc.update("UPDATE odoo_source_watermark SET write_date = ?, updated_at = ? WHERE source_name = ?"
                + " AND write_date < ?", writeDate, now, name, writeDate) == 0 && watermark().isEmpty()) {
            try {
                jdbc.update("INSERT INTO odoo_source_watermark (source_name, write_date, updated_at) VALUES (?, ?, ?)",
                        name, writeDate, now);
            } catch (DuplicateKeyException raced) {
                jdbc.update("UPDATE odoo_source_watermark SET write_date = ?, updated_at = ? WHERE source_name = ?"
                        + " AND write_date < ?", writeDate, now, name, writeDate);
            }
        }
    }

    /** The write_date this source has read up to, if it has read anything. */
    public Optional<String> watermark() {
        return jdbc.queryForList("SELECT write_date FROM odoo_source_watermark WHERE source_name = ?", String.class,
                name).stream().findFirst();
    }

    private Map<Long, String[]> deliveredAt(List<Long> ids) {
        Map<Long, String[]> answer = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return answer;
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(name);
        args.addAll(ids);
        jdbc.query("SELECT record_id, write_date, content_hash FROM odoo_source_seen WHERE source_name = ? AND"
                + " record_id IN (" + marks + ")", rs -> {
                    answer.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                }, args.toArray());
        return answer;
    }

    /** SHA-256 of the values read, in the order Odoo sent them, as JSON text. */
    static String hash(Map<String, Object> values) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(
                    new java.util.TreeMap<>(values)));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("odoo-source cannot hash a record", e);
        }
    }

    private String minusOverlap(String writeDate) {
        return LocalDateTime.parse(writeDate, ODOO_DATETIME).minusSeconds(overlapSeconds).format(ODOO_DATETIME);
    }

    private List<Object> parseDomain(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            Object parsed = JSON.readValue(text, Object.class);
            if (parsed instanceof List<?> list) {
                return new ArrayList<>(list);
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("odoo-source " + name + ": domain is not valid JSON: " + text, e);
        }
        throw new IllegalArgumentException("odoo-source " + name + ": domain must be a JSON list, e.g."
                + " [[\"move_type\", \"=\", \"out_invoice\"]], but was " + text);
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("odoo-source needs the " + property + " property");
        }
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public void setOverlapSeconds(int overlapSeconds) {
        this.overlapSeconds = overlapSeconds;
    }

    public void setOdooClient(OdooClient odooClient) {
        this.odooClient = odooClient;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }
}
