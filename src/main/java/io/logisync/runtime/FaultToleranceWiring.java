package io.logisync.runtime;

import io.logisync.flow.OdooRetryDelay;
import org.apache.camel.spi.Registry;

/** Binds the beans that decide how logisync rides out failures of Odoo and of its own database. */
public final class FaultToleranceWiring {

    private FaultToleranceWiring() {
    }

    /** Binds {@code odooRetryDelay}, which the retry clauses of routes/errors.camel.yaml name. */
    public static void wire(Settings settings, Registry registry) {
        registry.bind("odooRetryDelay", new OdooRetryDelay(settings.getInt("logisync.retry.delay-ms", 1000, 0),
                settings.getInt("logisync.retry.max-delay-ms", 30_000, 0),
                settings.getInt("logisync.odoo.read-timeout-ms", 30_000, 1)));
    }
}
