package io.logisync.runtime;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooClients;
import io.logisync.odoo.OdooSettings;
import io.logisync.odoo.sim.OdooSimulator;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Odoo that logisync talks to: the one configured by URL, or else the built-in sandbox on loopback. */
public final class OdooConnection implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(OdooConnection.class);

    private final OdooClient client;
    private final OdooSimulator sandbox;

    private OdooConnection(OdooClient client, OdooSimulator sandbox) {
        this.client = client;
        this.sandbox = sandbox;
    }

    /** Connects to the configured Odoo, starting the sandbox first when no URL is set. */
    public static OdooConnection open(Settings settings) {
        String url = settings.get("logisync.odoo.url", null);
        OdooSimulator sandbox = null;
        OdooSettings.Builder builder = OdooSettings.builder()
                .protocol(settings.get("logisync.odoo.protocol", "auto"))
                .connectTimeout(Duration.ofMillis(settings.getInt("logisync.odoo.connect-timeout-ms", 5000, 1)))
                .readTimeout(Duration.ofMillis(settings.getInt("logisync.odoo.read-timeout-ms", 30000, 1)));
        if (url == null) {
            // logisync.sandbox.latency.* and logisync.sandbox.fault.* make the sandbox slow or failing on purpose
            int port = settings.getInt("logisync.sandbox.port", 8069, 0, 65_535);
            try {
                sandbox = OdooSimulator.builder().port(port).configure(settings.withPrefix("logisync.sandbox."))
                        .start();
            } catch (UncheckedIOException e) {
                throw new IllegalStateException("logisync.sandbox.port: the Odoo sandbox cannot listen on port " + port
                        + " (" + e.getCause().getMessage() + "); another process holds it: set another port, or"
                        + " logisync.odoo.url to use a real Odoo");
            }
            // the sandbox's credentials are fixed and public, so a developer can query it as any Odoo
            LOG.info("No Odoo URL configured: using the Odoo sandbox at {} (database {}, user {}, password {},"
                    + " JSON-2 API key {})", sandbox.url(), sandbox.database(), sandbox.login(), sandbox.password(),
                    sandbox.apiKey());
            builder.url(sandbox.url()).database(sandbox.database()).login(sandbox.login())
                    .apiKey(sandbox.apiKey());
        } else {
            builder.url(url).database(settings.get("logisync.odoo.database", null))
                    .login(settings.get("logisync.odoo.user", null))
                    .apiKey(settings.get("logisync.odoo.api-key", null))
                    .password(settings.get("logisync.odoo.password", null));
            LOG.info("Odoo at {} (database {}, user {})", url, settings.get("logisync.odoo.database", "-"),
                    settings.get("logisync.odoo.user", "-"));
        }
        OdooSettings odooSettings;
        try {
            odooSettings = builder.build();
        } catch (IllegalArgumentException e) {
            if (sandbox != null) {
                sandbox.close();
            }
            // not chained: the start's failure report shows the innermost setting failure, which would not name the key
            throw new IllegalStateException("logisync.odoo.url (with logisync.odoo.database, user, api-key): "
                    + e.getMessage());
        }
        try {
            return new OdooConnection(OdooClients.create(odooSettings), sandbox);
        } catch (RuntimeException e) {
            if (sandbox != null) {
                sandbox.close();
            }
            throw e;
        }
    }

    public OdooClient client() {
        return client;
    }

    /** The sandbox when one runs, else null. */
    public OdooSimulator sandbox() {
        return sandbox;
    }

    @Override
    public void start() {
        // connected when opened
    }

    @Override
    public void stop() {
        client.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
