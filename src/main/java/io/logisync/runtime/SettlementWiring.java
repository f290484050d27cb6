package io.logisync.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.invoicing.InvoiceDocuments;
import io.logisync.invoicing.MoveBatcher;
import io.logisync.invoicing.MoveBatches;
import io.logisync.masterdata.CarrierSync;
import io.logisync.masterdata.OdooDirectory;
import io.logisync.odoo.OdooClient;
import io.logisync.parking.ParkingDesk;
import io.logisync.reconciliation.VendorBillCosts;
import io.logisync.settlement.AnalyticAccounts;
import io.logisync.settlement.Assignments;
import io.logisync.settlement.CarrierInvoices;
import io.logisync.settlement.SettlementApprovalApi;
import io.logisync.settlement.Tolerance;
import io.logisync.settlement.VendorBillStore;
import io.logisync.settlement.VendorBills;
import io.logisync.shipment.ChargeCatalog;
import io.logisync.store.BindingStore;
import io.logisync.store.ShipmentStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.spi.Registry;

/**
 * Builds the settlement beans (assignments, per-load analytic accounts, vendor bills and their approval API) and
 * binds them by the names the routes use; the customer invoices take their analytic accounts from here too.
 */
final class SettlementWiring {

    /** The aggregator of vendor bills (routes/settlements.camel.yaml). */
    static final String VENDOR_BILL_BATCH_URI = "direct:vendor-bill-batch";

    private SettlementWiring() {
    }

    static void wire(Settings settings, Registry registry, DataSource dataSource, OdooClient odoo,
            BindingStore bindings, ChargeCatalog catalog, OdooDirectory directory, CarrierSync carriers,
            ShipmentStore shipments, ParkingDesk parking, ObjectMapper mapper) {
        Clock clock = Clock.systemUTC();
        AnalyticAccounts analytic = new AnalyticAccounts(odoo, bindings,
                settings.getBoolean("logisync.analytic.per-load", true), settings.get("logisync.analytic.plan", ""));
        int batchSize = Math.max(settings.getInt("logisync.invoicing.batch.size", 30, 1),
                settings.getInt("logisync.settlement.batch.size", 30, 1));
        int quiet = settings.getInt("logisync.analytic.batch.quiet-ms", 20, 0, InvoicingWiring.MAX_WAIT_MS);
        int maxWait = InvoicingWiring.waitAfter(settings, "logisync.analytic.batch");
        if (batchSize > 1) {
            // the accounts of the loads billed at about the same time: one search and one create for all
            analytic.gatherCreates(batchSize, quiet, maxWait);
        }
        InvoiceDocuments documents = registry.lookupByNameAndType("invoiceDocuments", InvoiceDocuments.class);
        if (documents != null) {
            documents.useAnalyticAccounts(analytic);
        }
        Assignments assignments = new Assignments(dataSource, shipments, carriers);
        VendorBillStore store = new VendorBillStore(dataSource);
        Tolerance tolerance = new Tolerance(decimal(settings, "logisync.settlement.tolerance-amount", "0.00"),
                decimal(settings, "logisync.settlement.tolerance-percent", "0"));
        VendorBills bills = new VendorBills(odoo, store, assignments, bindings, catalog, directory, analytic,
                tolerance, settings.getBoolean("logisync.settlement.post", true),
                settings.get("logisync.settlement.charge-code", "CARRIER_COST"), clock);
        // bills made at about the same time go in one create and one action_post (size 1: one by one)
        MoveBatches billBatches = new MoveBatches(new MoveBatcher(odoo), VENDOR_BILL_BATCH_URI,
                settings.getInt("logisync.settlement.batch.size", 30, 1),
                settings.getInt("logisync.settlement.batch.concurrency", 2, 1),
                settings.getInt("logisync.settlement.batch.timeout-ms", 200, 1, InvoicingWiring.MAX_WAIT_MS),
                settings.getBoolean("logisync.settlement.batch.eager", true));
        bills.batchWith(billBatches);
        registry.bind("vendorBillBatches", billBatches);
        registry.bind("analyticAccounts", analytic);
        registry.bind("vendorBillCostsCheck", new VendorBillCosts(dataSource, tolerance,
                Duration.ofDays(settings.getInt("logisync.reconciliation.lookback-days", 90, 1))));
        registry.bind("assignments", assignments);
        registry.bind("vendorBillStore", store);
        registry.bind("vendorBills", bills);
        registry.bind("settlementApprovalApi", new SettlementApprovalApi(store, mapper, clock));
        parking.onArrival(VendorBills.APPROVAL_KEY, (key, since) -> bills.isDecidedOrMatched(
                key.substring(VendorBills.APPROVAL_KEY.length())));
        // bills parked before vendor billing existed are always ready to be made now
        parking.onArrival(CarrierInvoices.WAITING_FOR, (key, since) -> true);
    }

    private static BigDecimal decimal(Settings settings, String key, String defaultValue) {
        String value = settings.get(key, defaultValue).strip();
        try {
            return new BigDecimal(value.isEmpty() ? defaultValue : value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a number");
        }
    }
}
