package io.logisync.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness checks on what logisync cannot work without: its database and Odoo. */
public final class ReadinessChecks {

    private ReadinessChecks() {
    }

    /** UP when a pooled connection to logisync's database answers. */
    public static final class Database extends AbstractHealthCheck {

        private final DataSource dataSource;

        public Database(DataSource dataSource) {
            super("logisync", "database");
            this.dataSource = dataSource;
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            try (Connection connection = dataSource.getConnection()) {
                if (connection.isValid(2)) {
                    builder.up();
                } else {
                    builder.down().message("the database did not answer within 2 s");
                }
            } catch (Exception e) {
                builder.down().message("the database cannot be reached: " + e.getMessage());
            }
        }
    }

    /**
     * UP when Odoo answers HTTP at all: {@code GET /web/version} answers on Odoo 19, and a 404 from an older Odoo
     * still shows it reachable. It makes no call on Odoo's models, so it counts nothing in Odoo's metrics.
     */
    public static final class Odoo extends AbstractHealthCheck {

        private final URI versionUri;
        private final HttpClient http;

        public Odoo(String odooUrl, Duration timeout) {
            super("logisync", "odoo");
            this.versionUri = URI.create(odooUrl.replaceAll("/+$", "") + "/web/version");
            this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(versionUri).GET()
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 500) {
                    builder.up();
                } else {
                    builder.down().message("Odoo answered HTTP " + response.statusCode());
                }
            } catch (java.io.IOException e) {
                builder.down().message("Odoo cannot be reached: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                builder.down().message("the Odoo check was interrupted");
            }
        }
    }
}
