package io.logisync.masterdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The fields of each customer and carrier as logisync last applied them, to tell which ones a new version changes. */
public class MasterSnapshots {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public MasterSnapshots(DataSource dataSource, ObjectMapper mapper) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.mapper = mapper;
    }

    /** What was last applied for the code, as field name to value; empty when nothing was. */
    public Optional<Map<String, Object>> find(PartnerKind kind, String code) {
        return jdbc.queryForList("SELECT fields FROM master_record WHERE kind = ? AND code = ?", String.class,
                kind.bindingKind(), code).stream().findFirst().map(this::read);
    }

    public void save(MasterRecord record) {
        String json = write(record.fields());
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.update("UPDATE master_record SET fields = ?, updated_at = ? WHERE kind = ? AND code = ?",
                json, now, record.kind().bindingKind(), record.code());
        if (updated == 0) {
            jdbc.update("INSERT INTO master_record (kind, code, fields, updated_at) VALUES (?, ?, ?, ?)",
                    record.kind().bindingKind(), record.code(), json, now);
        }
    }

    private Map<String, Object> read(String json) {
        try {
            return mapper.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored master record cannot be read", e);
        }
    }

    private String write(Map<String, Object> fields) {
        try {
            return mapper.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a master record cannot be written as JSON", e);
        }
    }
}
