package io.logisync;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.logisync.support.LogisyncHarness;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Stopping logisync lets go of what it opened, so that a JVM that runs it again (or a test suite) does not leak. */
class ShutdownTest {

    @Test
    void shouldCloseTheDatabasePoolWhenLogisyncStops() throws Exception {
        LogisyncHarness logisync = LogisyncHarness.start();
        HikariDataSource pool = (HikariDataSource) logisync.db().getDataSource();
        assertThat(pool.isClosed()).isFalse();

        logisync.close();

        assertThat(pool.isClosed()).isTrue();
    }
}
