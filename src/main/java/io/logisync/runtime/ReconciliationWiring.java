package io.logisync.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.odoo.OdooClient;
import io.logisync.reconciliation.DeliveredNotInvoiced;
import io.logisync.reconciliation.InvoiceTotals;
import io.logisync.reconciliation.Reconciliation;
import io.logisync.reconciliation.ReconciliationCheck;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.spi.Registry;

/**
 * Wires the nightly reconciliation: its two checks of customer billing, and the runner, which runs every
 * {@link ReconciliationCheck} bound in the registry, so another check is added by binding it.
 */
final class ReconciliationWiring {

    private ReconciliationWiring() {
    }

    static void wire(Settings settings, Registry registry, DataSource dataSource, OdooClient odoo,
            ObjectMapper mapper, MeterRegistry meters) {
        registry.bind("deliveredNotInvoicedCheck", new DeliveredNotInvoiced(dataSource,
                Duration.ofHours(settings.getInt("logisync.reconciliation.delivered-limit-hours", 48, 1))));
        registry.bind("invoiceTotalsCheck", new InvoiceTotals(dataSource, odoo,
                Duration.ofDays(settings.getInt("logisync.reconciliation.lookback-days", 90, 1))));
        // vendor bills against the cost agreed at assignment: VendorBillCosts, bound with the settlements
        registry.bind("reconciliation", new Reconciliation(
                () -> List.copyOf(registry.findByType(ReconciliationCheck.class)),
                Path.of(settings.get("logisync.reconciliation.dir", "data/reconciliation")), mapper, meters,
                Clock.systemUTC()));
    }
}
