package io.logisync.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens logisync's database (embedded H2 by default, PostgreSQL by URL) and migrates its schema; a Camel service, so
 * that its pool is closed when the context stops.
 */
public final class Storage implements AutoCloseable, org.apache.camel.Service {

    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);

    /** HikariCP's own default wait for a connection. */
    public static final long DEFAULT_CONNECTION_TIMEOUT_MS = 30_000;

    private static final int H2_QUERY_CACHE = 512;

    private final HikariDataSource dataSource;

    private Storage(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Connects with the given settings and brings the schema up to date before anything uses it. */
    public static Storage open(String url, String user, String password, int poolSize) {
        return open(url, user, password, poolSize, false);
    }

    /** As {@link #open(String, String, String, int)}, first emptying the database when {@code empty} is set. */
    public static Storage open(String url, String user, String password, int poolSize, boolean empty) {
        return open(url, user, password, poolSize, empty, DEFAULT_CONNECTION_TIMEOUT_MS);
    }

    /**
     * As {@link #open(String, String, String, int, boolean)}, waiting at most {@code connectionTimeoutMs} for a
     * connection: while the database is unreachable, each use fails after that long, and is retried by the routes.
     */
    public static Storage open(String url, String user, String password, int poolSize, boolean empty,
            long connectionTimeoutMs) {
        createH2Folder(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("logisync-db");
        config.setJdbcUrl(withQueryCache(url));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeoutMs);
        config.setExceptionOverrideClassName(BrokenConnections.class.getName());
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            // a setting's failure: one line naming the settings, no stack trace
            throw new IllegalStateException("the database " + redactUrl(url) + " cannot be opened"
                    + " (logisync.db.url, logisync.db.user, logisync.db.password): " + cause.getMessage());
        }
        try {
            Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .cleanDisabled(!empty).load();
            if (empty) {
                flyway.clean();
                LOG.info("Database {} emptied at start, as the Odoo sandbox it keeps records for starts empty",
                        redactUrl(url));
            }
            var result = flyway.migrate();
            LOG.info("Database {} ready at schema version {}", redactUrl(url),
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Storage(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void start() {
        // opened and migrated by open()
    }

    @Override
    public void stop() {
        dataSource.close();
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /**
     * H2 parses each statement again unless it is among a session's last few (8 by default); logisync runs a few
     * hundred distinct ones, so each session keeps more, unless the URL says otherwise.
     */
    static String withQueryCache(String url) {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:")
                || url.toUpperCase(java.util.Locale.ROOT).contains("QUERY_CACHE_SIZE=")) {
            return url;
        }
        return url + ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE;
    }

    private static void createH2Folder(String url) {
        String prefix = "jdbc:h2:file:";
        if (url.startsWith(prefix)) {
            String file = url.substring(prefix.length()).split(";", 2)[0];
            Path parent = Path.of(file).toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot create the database folder " + parent, e);
            }
        }
    }

    /** JDBC URLs may carry a password as a parameter; keep it out of the log. */
    static String redactUrl(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
