package io.logisync.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.accessorial.AccessorialRating;
import io.logisync.accessorial.AccessorialStore;
import io.logisync.accessorial.Accessorials;
import io.logisync.accessorial.PendingAccessorials;
import io.logisync.flow.SubjectLock;
import io.logisync.ingress.EventIntake;
import io.logisync.invoicing.ApprovalApi;
import io.logisync.invoicing.BillableLines;
import io.logisync.invoicing.BillingStore;
import io.logisync.invoicing.ConsolidatedInvoicing;
import io.logisync.invoicing.FuelPriceIndex;
import io.logisync.invoicing.FuelSurcharge;
import io.logisync.invoicing.InvoiceAdjustments;
import io.logisync.invoicing.InvoiceDocuments;
import io.logisync.invoicing.InvoiceRelease;
import io.logisync.invoicing.MoveBatcher;
import io.logisync.invoicing.MoveBatches;
import io.logisync.invoicing.PodAttachments;
import io.logisync.invoicing.ReleaseRecheck;
import io.logisync.invoicing.ReleaseRules;
import io.logisync.masterdata.CustomerSync;
import io.logisync.masterdata.OdooDirectory;
import io.logisync.odoo.OdooClient;
import io.logisync.parking.ParkingDesk;
import io.logisync.shipment.ChargeCatalog;
import io.logisync.shipment.CustomerInvoicing;
import io.logisync.shipment.InvoiceLedger;
import io.logisync.shipment.ShipmentExecution;
import io.logisync.store.BindingStore;
import io.logisync.store.ParkingStore;
import io.logisync.store.ShipmentStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.spi.Registry;

/**
 * Builds the shipment, accessorial and invoicing beans (release rules, fuel surcharge, per-shipment, consolidated
 * and adjusting invoices, proof-of-delivery attachments) and binds them by the names the routes use.
 */
final class InvoicingWiring {

    /** The aggregator of customer invoices (routes/invoicing.camel.yaml). */
    static final String CUSTOMER_INVOICE_BATCH_URI = "direct:customer-invoice-batch";

    private InvoicingWiring() {
    }

    /** What the wiring needs from the beans built before it. */
    record Parts(Settings settings, Registry registry, DataSource dataSource, OdooClient odoo, BindingStore bindings,
            CustomerSync customers, ChargeCatalog catalog, OdooDirectory directory, MasterDataWiring masterData,
            ShipmentStore shipments, ParkingStore parkingStore, ParkingDesk parking, InvoiceLedger ledger,
            ObjectMapper mapper, MeterRegistry meters, SubjectLock subjectLock) {
    }

    static void wire(Parts p) {
        Settings settings = p.settings();
        Registry registry = p.registry();
        Clock clock = Clock.systemUTC();
        ZoneId zone = settings.getZone("logisync.invoice.consolidation.time-zone", "UTC");
        BillingStore billing = new BillingStore(p.dataSource(), p.mapper());
        AccessorialStore accessorialStore = new AccessorialStore(p.dataSource());
        FuelSurcharge fuel = new FuelSurcharge(new FuelPriceIndex(settings.withPrefix("logisync.fuel-index."),
                settings.getInt("logisync.fuel.price-max-age-days", 14, 0)),
                codes(settings.get("logisync.fuel.surcharge-base", "LINEHAUL")));
        var terms = p.masterData().invoiceTerms();
        PodAttachments pods = new PodAttachments(p.dataSource(), p.odoo(), billing, terms, p.parkingStore());
        BillableLines lines = new BillableLines(p.shipments(), billing, accessorialStore, p.mapper(),
                p.catalog());
        ReleaseRules rules = new ReleaseRules(new ReleaseRules.Settings(
                settings.getBoolean("logisync.release.require-delivered", true),
                settings.getBoolean("logisync.release.require-pod", true),
                settings.getBoolean("logisync.release.require-accessorials-decided", true),
                settings.getBoolean("logisync.release.require-finance-approval", false)),
                p.shipments(), billing, accessorialStore, p.dataSource());
        InvoiceDocuments documents = new InvoiceDocuments(p.odoo(), billing, p.bindings(), p.customers(), p.catalog(),
                p.directory(), terms, p.shipments(), p.ledger(), settings.getBoolean("logisync.invoice.post", true));
        InvoiceRelease release = new InvoiceRelease(rules, billing, lines, terms, p.shipments(), p.parkingStore(),
                zone, clock);
        InvoiceAdjustments adjustments = new InvoiceAdjustments(billing, lines, documents, rules, accessorialStore);
        Accessorials accessorials = new Accessorials(accessorialStore, new AccessorialRating(), p.shipments(),
                p.masterData().shipmentContracts(), p.masterData().contracts(), p.catalog());
        PendingAccessorials pending = new PendingAccessorials(accessorialStore, p.parkingStore(),
                Duration.ofMinutes(settings.getInt("logisync.accessorials.pending-limit-minutes", 2880, 0)), clock,
                p.meters());

        registry.bind("shipments", new ShipmentExecution(p.shipments(), p.customers(), p.catalog(),
                p.masterData().rating(), p.masterData().shipmentContracts(), billing, fuel, p.directory(), pods,
                terms, p.meters()));
        // invoices released at about the same time are made in one create and one action_post (size 1: one by one)
        MoveBatches invoiceBatches = new MoveBatches(new MoveBatcher(p.odoo()), CUSTOMER_INVOICE_BATCH_URI,
                settings.getInt("logisync.invoicing.batch.size", 30, 1),
                settings.getInt("logisync.invoicing.batch.concurrency", 2, 1),
                settings.getInt("logisync.invoicing.batch.timeout-ms", 200, 1, MAX_WAIT_MS),
                settings.getBoolean("logisync.invoicing.batch.eager", true));
        registry.bind("customerInvoiceBatches", invoiceBatches);
        // read (and checked) whether batching is on or not, so that a bad value does not wait for the day it is
        int attachQuiet = settings.getInt("logisync.invoicing.pod-attach.quiet-ms", 20, 0, MAX_WAIT_MS);
        int attachMaxWait = waitAfter(settings, "logisync.invoicing.pod-attach");
        if (invoiceBatches.size() > 1) {
            // the PODs of the invoices a batch released at once are attached in one ir.attachment create
            pods.gatherCreates(new io.logisync.invoicing.CreateGatherer(p.odoo(), "ir.attachment",
                    invoiceBatches.size(), attachQuiet, attachMaxWait));
        }
        registry.bind("invoicing", new CustomerInvoicing(p.shipments(), billing, lines, documents, invoiceBatches));
        registry.bind("release", release);
        registry.bind("invoiceAdjustments", adjustments);
        registry.bind("podAttachments", pods);
        registry.bind("consolidatedInvoicing", new ConsolidatedInvoicing(billing, lines, rules, terms, p.shipments(),
                documents, adjustments, pods, p.subjectLock(), zone, clock));
        registry.bind("accessorials", accessorials);
        registry.bind("accessorialStore", accessorialStore);
        registry.bind("pendingAccessorials", pending);
        registry.bind("billingStore", billing);
        registry.bind("releaseRules", rules);
        registry.bind("billableLines", lines);
        registry.bind("invoiceDocuments", documents);
        registry.bind("approvalApi", new ApprovalApi(accessorialStore, registry.lookupByNameAndType("eventIntake",
                EventIntake.class), release, billing, p.shipments(), p.mapper(), clock));

        ParkingDesk parking = p.parking();
        parking.onArrival(Accessorials.SHIPMENT_KEY, (key, since) -> p.shipments()
                .find(key.substring(Accessorials.SHIPMENT_KEY.length())).filter(s -> s.isCreated()).isPresent());
        parking.onArrival(Accessorials.ACCESSORIAL_KEY, (key, since) -> accessorialStore
                .find(key.substring(Accessorials.ACCESSORIAL_KEY.length())).isPresent());
        parking.onArrival(Accessorials.DECISION_KEY, (key, since) -> pending.isDecided(key));
        parking.onArrival(InvoiceRelease.FINANCE_KEY, (key, since) -> release.isFinanceApproved(key));
        parking.onArrival(FuelSurcharge.WAITING_PREFIX, (key, since) -> fuel.hasPriceFor(key));
    }

    /**
     * Binds the release check run again ({@code releaseRecheck}) after a discard, a replay that settles a parked
     * accessorial event, and in the periodic sweep.
     */
    static void wireRecheck(org.apache.camel.CamelContext camelContext, Settings settings, Registry registry,
            DataSource dataSource, ParkingDesk parking) {
        ReleaseRecheck recheck = new ReleaseRecheck(camelContext, "direct:recheck-release",
                registry.lookupByNameAndType("releaseRules", ReleaseRules.class),
                registry.lookupByNameAndType("billingStore", BillingStore.class),
                registry.lookupByNameAndType("billableLines", BillableLines.class),
                registry.lookupByNameAndType("invoiceAdjustments", InvoiceAdjustments.class), dataSource,
                Clock.systemUTC(), settings.getInt("logisync.release.recheck-sweep-limit", 500, 1));
        registry.bind("releaseRecheck", recheck);
        // a parked accessorial event holds its load's release back while it is parked, even during its own replay
        parking.onSettled(message -> {
            if (message.eventType() != null && message.eventType().startsWith("logistics.accessorial.")) {
                recheck.afterSettled(message.subject(), message.eventType());
            }
        });
    }

    private static Set<String> codes(String list) {
        Set<String> answer = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(c -> !c.isEmpty()).forEach(answer::add);
        return answer;
    }

    /** Longest a batch or a group of creates may be held back for others to join: a minute. */
    static final int MAX_WAIT_MS = 60_000;

    /** {@code <prefix>.max-wait-ms}, which is at least {@code <prefix>.quiet-ms}: a group waits at least that long. */
    static int waitAfter(Settings settings, String prefix) {
        int quiet = settings.getInt(prefix + ".quiet-ms", 20, 0, MAX_WAIT_MS);
        int maxWait = settings.getInt(prefix + ".max-wait-ms", 50, 0, MAX_WAIT_MS);
        if (maxWait < quiet) {
            throw new IllegalStateException(prefix + ".max-wait-ms must be at least " + prefix + ".quiet-ms (" + quiet
                    + "), but was '" + maxWait + "'");
        }
        return maxWait;
    }
}
