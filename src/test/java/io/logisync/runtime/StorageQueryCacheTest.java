package io.logisync.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class StorageQueryCacheTest {

    private static String cacheSize(String url) {
        try (Storage storage = Storage.open(url, "sa", "", 2)) {
            return new JdbcTemplate(storage.dataSource()).queryForObject("SELECT SETTING_VALUE FROM"
                    + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'", String.class);
        }
    }

    @Test
    void shouldKeepMoreParsedStatementsPerSessionOnAnEmbeddedH2() {
        assertEquals("512", cacheSize("jdbc:h2:mem:cache-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    }

    @Test
    void shouldLeaveAQueryCacheSizeTheUrlNamesAlone() {
        assertEquals("16", cacheSize("jdbc:h2:mem:cache-" + UUID.randomUUID() + ";QUERY_CACHE_SIZE=16"));
    }

    @Test
    void shouldNotAddTheSettingToAServerUrl() {
        assertEquals("jdbc:h2:tcp://127.0.0.1:9092/logisync", Storage.withQueryCache(
                "jdbc:h2:tcp://127.0.0.1:9092/logisync"));
        assertEquals("jdbc:postgresql://db/logisync", Storage.withQueryCache("jdbc:postgresql://db/logisync"));
    }
}
