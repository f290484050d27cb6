package io.logisync.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.carrier.CarrierEdgeBeans;
import io.logisync.flow.EventFlow;
import io.logisync.flow.SubjectLock;
import io.logisync.flow.SubjectOrdering;
import io.logisync.ingress.DoorErrors;
import io.logisync.ingress.EdiIntake;
import io.logisync.ingress.EventIntake;
import io.logisync.ingress.EventValidator;
import io.logisync.ingress.IngressCounters;
import io.logisync.ingress.SenderCheck;
import io.logisync.masterdata.CustomerSync;
import io.logisync.masterdata.OdooDirectory;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooClients;
import io.logisync.ops.RunSummary;
import io.logisync.parking.ParkingDesk;
import io.logisync.security.DoorHeaders;
import io.logisync.shipment.ChargeCatalog;
import io.logisync.shipment.InvoiceLedger;
import io.logisync.store.BindingStore;
import io.logisync.store.EventIdempotency;
import io.logisync.store.ParkingStore;
import io.logisync.store.ShipmentStore;
import io.logisync.store.StoredBindings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.Registry;

/** Builds logisync's beans from its settings and binds them for the routes, by the names the YAML uses. */
public class LogisyncConfiguration implements CamelConfiguration {

    /** The event types this logisync applies; each has a JSON Schema under {@code schemas/}. */
    public static final Set<String> EVENT_TYPES = Set.of("logistics.customer.upserted.v1",
            "logistics.shipment.created.v1", "logistics.milestone.recorded.v1", "logistics.pod.received.v1",
            "logistics.carrier.upserted.v1", "logistics.contract.upserted.v1",
            "logistics.carrier.invoice.received.v1", "logistics.shipment.updated.v1",
            "logistics.shipment.cancelled.v1", "logistics.accessorial.proposed.v1", "logistics.accessorial.approved.v1",
            "logistics.accessorial.rejected.v1", "logistics.shipment.assigned.v1",
            "logistics.settlement.requested.v1");

    /** A replay is applied under its subject's lock, once that lock shows the row is still parked. */
    private static final String REPLAY_URI = "direct:replay-parked-event";
    private static final String ORDERED_DISPATCH_URI = "direct:dispatch-in-subject-order";

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Settings settings = new Settings(camelContext);
        Registry registry = camelContext.getRegistry();
        // money arrives as JSON numbers too: read them as decimals, never through a double
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

        boolean sandbox = settings.get("logisync.odoo.url", null) == null;
        long connectionTimeout = settings.getInt("logisync.db.connection-timeout-ms", 30_000, 250);
        // checked in the sandbox too, where its own small pool is used: a value that fails later fails now
        int poolSize = settings.getInt("logisync.db.pool-size", 10, 1);
        Storage storage = sandbox
                ? Storage.open(settings.require("logisync.sandbox.db-url"), "sa", "", 4, true, connectionTimeout)
                : Storage.open(settings.get("logisync.db.url", "jdbc:h2:file:./data/logisync"),
                        settings.get("logisync.db.user", "sa"), settings.get("logisync.db.password", ""),
                        poolSize, false, connectionTimeout);
        camelContext.addService(storage, true, true);
        registry.bind("dataSource", storage.dataSource());
        JdbcMessageIdRepository idempotency = new EventIdempotency(storage.dataSource(), "logisync-events");
        registry.bind("eventIdempotency", idempotency);

        OdooConnection odooConnection = OdooConnection.open(settings);
        camelContext.addService(odooConnection, true, true);
        OdooClient odoo = OdooClients.metered(odooConnection.client(), meterRegistry(registry));
        registry.bind("odooClient", odoo);
        registry.bind("doorHeaders", new DoorHeaders());
        camelContext.addStartupListener(new DoorErrors(settings.getInt("camel.server.max-body-size", 4_194_304, 1)));
        // the HTTP door's worker threads: how many requests are applied at once, and so how full an invoice batch
        // can get on the direct bus (each request's events are applied one after another). A request is answered once
        // its events are applied, which under a slow Odoo takes as long as its invoice waits for its batch (up to 15
        // minutes): Vert.x's check for stuck threads warns only past that, not after its default minute, when it
        // would log a stack trace a second for every request still waiting
        registry.bind("vertxOptions", new io.vertx.core.VertxOptions().setWorkerPoolSize(
                settings.getInt("logisync.http.worker-threads", 20, 1)).setMaxWorkerExecuteTime(16)
                .setMaxWorkerExecuteTimeUnit(TimeUnit.MINUTES));

        BindingStore bindings = new BindingStore(storage.dataSource(), Duration.ofMillis(
                settings.getInt("logisync.bindings.cache-ttl-ms", 60_000, 0)));
        // odoo:...?method=upsert&bindingKind=... finds this one BindingLookup in the registry
        registry.bind("bindingLookup", new StoredBindings(bindings));
        ParkingStore parkingStore = new ParkingStore(storage.dataSource());
        ShipmentStore shipmentStore = new ShipmentStore(storage.dataSource());
        IngressCounters counters = new IngressCounters();
        InvoiceLedger ledger = new InvoiceLedger();

        EventValidator validator = new EventValidator(EVENT_TYPES);
        SenderCheck senders = OperationsConfiguration.security(camelContext, settings);
        EventIntake intake = new EventIntake(mapper, validator, senders,
                settings.getInt("logisync.ingress.max-body-bytes", 1_048_576, 1),
                settings.getInt("logisync.ingress.max-events", 1000, 1), counters);
        registry.bind("eventIntake", intake);
        registry.bind("ediIntake", new EdiIntake(intake, settings.getZone("logisync.edi.default-time-zone", "UTC")));
        registry.bind("eventFlow", new EventFlow(counters));
        FaultToleranceWiring.wire(settings, registry);
        CarrierEdgeBeans.bind(registry, intake, mapper, storage.dataSource(),
                settings.getInt("logisync.ingress.max-events", 1000, 1));
        SubjectLock subjectLock = ScaleOutConfiguration.configure(camelContext, settings, storage.dataSource(),
                validator, parkingStore, mapper);
        registry.bind("acceptInSubjectOrder", new SubjectOrdering(subjectLock,
                camelContext.createProducerTemplate(), "direct:accept-in-subject-order"));
        registry.bind("dispatchInSubjectOrder", new SubjectOrdering(subjectLock,
                camelContext.createProducerTemplate(), REPLAY_URI));
        ParkingDesk parking = new ParkingDesk(parkingStore, bindings, idempotency, mapper, camelContext,
                ORDERED_DISPATCH_URI, counters);
        registry.bind("parking", parking);

        OdooDirectory directory = new OdooDirectory(odoo);
        MasterDataWiring masterData = MasterDataWiring.wire(settings, registry, storage.dataSource(), odoo, directory,
                bindings, parkingStore, parking, mapper, meterRegistry(registry));
        CustomerSync customers = masterData.customers();
        ChargeCatalog catalog = new ChargeCatalog(settings.withPrefix("logisync.charge-mapping."), odoo, bindings);
        masterData.watchChargeMapping(parking, catalog, registry);
        InvoicingWiring.wire(new InvoicingWiring.Parts(settings, registry, storage.dataSource(), odoo, bindings,
                customers, catalog, directory, masterData, shipmentStore, parkingStore, parking, ledger, mapper,
                meterRegistry(registry), subjectLock));
        SettlementWiring.wire(settings, registry, storage.dataSource(), odoo, bindings, catalog, directory,
                masterData.carriers(), shipmentStore, parking, mapper);
        StatusBackWiring.wire(camelContext, settings, storage.dataSource(), mapper, parkingStore);
        ReconciliationWiring.wire(settings, registry, storage.dataSource(), odoo, mapper, meterRegistry(registry));
        // a load's release check run again, under the load's lock, when no event of its own asks for it
        registry.bind("recheckInSubjectOrder", new SubjectOrdering(subjectLock,
                camelContext.createProducerTemplate(), "direct:invoice-when-ready"));
        InvoicingWiring.wireRecheck(camelContext, settings, registry, storage.dataSource(), parking);
        registry.lookupByNameAndType("customerInvoiceBatches", io.logisync.invoicing.MoveBatches.class)
                .start(camelContext.createProducerTemplate(), camelContext.getExecutorServiceManager()
                        .newSingleThreadScheduledExecutor(this, "invoice-batch-window"));
        registry.lookupByNameAndType("vendorBillBatches", io.logisync.invoicing.MoveBatches.class)
                .start(camelContext.createProducerTemplate(), camelContext.getExecutorServiceManager()
                        .newSingleThreadScheduledExecutor(this, "vendor-bill-batch-window"));
        registry.bind("runSummary", new RunSummary(counters, ledger, parkingStore));
        registry.bind("invoiceLedger", ledger);
        registry.bind("parkingStore", parkingStore);
        registry.bind("shipmentStore", shipmentStore);
        registry.bind("bindingStore", bindings);
        registry.bind("ingressCounters", counters);
        OperationsConfiguration.operations(camelContext, settings, storage.dataSource(), mapper, validator,
                meterRegistry(registry));

        if (settings.getBoolean("logisync.demo.feed-samples", false)) {
            DemoFeed feed = new DemoFeed(settings.get("logisync.demo.samples-dir", "samples"),
                    settings.get("logisync.inbox.dir", "inbox"),
                    List.of(settings.require("logisync.demo.files").split(",")));
            camelContext.addStartupListener((context, alreadyStarted) -> feed.copyIntoInbox());
        }
        // after the sandbox took its port, before Camel's servers take theirs
        HttpPorts.requireFree(settings);
        settings.checkKeys();
    }

    /**
     * The one meter registry, shared with Camel's own metrics ({@code camel.metrics.*}), which look it up by the name
     * {@value MicrometerConstants#METRICS_REGISTRY_NAME} and serve it on {@code /observe/metrics}.
     */
    private static MeterRegistry meterRegistry(Registry registry) {
        MeterRegistry meters = registry.lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME,
                MeterRegistry.class);
        if (meters == null) {
            meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.bind(MicrometerConstants.METRICS_REGISTRY_NAME, meters);
        }
        return meters;
    }
}
