package io.logisync.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.exceptions.AuditTrail;
import io.logisync.exceptions.ExceptionStore;
import io.logisync.exceptions.ExceptionsConsole;
import io.logisync.ingress.EventValidator;
import io.logisync.ingress.IngressCounters;
import io.logisync.ops.BusinessMetrics;
import io.logisync.ops.EventOutcomes;
import io.logisync.ops.ReadinessChecks;
import io.logisync.ops.RunSummary;
import io.logisync.parking.ParkingDesk;
import io.logisync.security.AccessGuard;
import io.logisync.security.Authenticator;
import io.logisync.security.CredentialStore;
import io.logisync.security.IngressGate;
import io.logisync.security.ManagementAccess;
import io.logisync.security.RedactingLogMask;
import io.logisync.security.Roles;
import io.logisync.security.SenderRateLimits;
import io.logisync.security.WebhookSignatures;
import io.logisync.shipment.InvoiceLedger;
import io.logisync.store.BindingStore;
import io.logisync.store.ParkingStore;
import io.logisync.store.ShipmentStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires logisync's operating model: credentials and roles, the guarded ingress, the management port's credentials,
 * readiness checks, business metrics and the exceptions console.
 */
public final class OperationsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsConfiguration.class);

    /** Bean: tells whether a source is one that credentials or webhook secrets are configured for. */
    private static final String CONFIGURED_SOURCES = "configuredSources";

    private OperationsConfiguration() {
    }

    /**
     * Binds the credentials, the role guards ({@code requireOperator}, {@code requireAdmin}, {@code requireApprover})
     * and guards the management port; returns the door the HTTP ingress lets senders in by.
     */
    public static IngressGate security(CamelContext camelContext, Settings settings) {
        Registry registry = camelContext.getRegistry();
        CredentialStore credentials = CredentialStore.of(settings.get("logisync.security.credentials", ""),
                settings.get("logisync.ingress.api-keys", ""), path(settings, "logisync.security.credentials-file"));
        Authenticator authenticator = new Authenticator(credentials);
        registry.bind("authenticator", authenticator);
        registry.bind("requireOperator", new AccessGuard(authenticator, Roles.OPERATOR));
        registry.bind("requireAdmin", new AccessGuard(authenticator, Roles.ADMIN));
        registry.bind("requireApprover", new AccessGuard(authenticator, Roles.APPROVER));
        registry.bind(MaskingFormatter.CUSTOM_LOG_MASK_REF, new RedactingLogMask());
        new ManagementAccess(authenticator, settings.get("camel.management.health-path", "/observe/health"),
                settings.getBoolean("logisync.management.open-health", true)).install(camelContext);

        WebhookSignatures signatures = new WebhookSignatures(settings.get("logisync.security.webhook-secrets", ""),
                path(settings, "logisync.security.webhook-secrets-file"),
                Duration.ofSeconds(settings.getInt("logisync.security.webhook-tolerance-s", 300, 1)), Clock.systemUTC());
        SenderRateLimits limits = new SenderRateLimits(settings.getInt("logisync.ingress.rate-limit", 100, 0),
                Duration.ofMillis(settings.getInt("logisync.ingress.rate-limit-period-ms", 1000, 1)),
                perSender(settings.get("logisync.ingress.rate-limits", "")));
        registry.bind(CONFIGURED_SOURCES, (java.util.function.Predicate<String>) source -> source != null
                && (credentials.ingestSources().contains(source) || signatures.hasSecret(source)));
        return new IngressGate(authenticator, signatures, limits);
    }

    @SuppressWarnings("unchecked")
    private static java.util.function.Predicate<String> configuredSources(Registry registry) {
        Object bound = registry.lookupByName(CONFIGURED_SOURCES);
        return bound == null ? source -> false : (java.util.function.Predicate<String>) bound;
    }

    /** Binds the exceptions console, readiness checks and business metrics over the beans already bound. */
    public static void operations(CamelContext camelContext, Settings settings, DataSource dataSource,
            ObjectMapper mapper, EventValidator validator, MeterRegistry meters) throws Exception {
        Registry registry = camelContext.getRegistry();
        Clock clock = Clock.systemUTC();
        ExceptionStore exceptions = new ExceptionStore(dataSource, clock);
        registry.bind("exceptionsConsole", new ExceptionsConsole(exceptions, new AuditTrail(dataSource, clock),
                registry.lookupByNameAndType("parking", ParkingDesk.class), validator, mapper, clock));

        registry.lookupByNameAndType("ingressCounters", IngressCounters.class)
                .setListener(new EventOutcomes(meters, registry.lookupByNameAndType("bindingStore",
                        BindingStore.class), validator.supportedTypes(), configuredSources(registry)));
        BusinessMetrics business = new BusinessMetrics(meters, dataSource,
                registry.lookupByNameAndType("parkingStore", ParkingStore.class), exceptions,
                registry.lookupByNameAndType("shipmentStore", ShipmentStore.class), clock);
        business.watch(registry.lookupByNameAndType("invoiceLedger", InvoiceLedger.class));
        long refreshMs = settings.getInt("logisync.metrics.refresh-ms", 15000, 1);
        camelContext.addStartupListener((context, alreadyStarted) -> {
            ScheduledExecutorService refresher = context.getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(business, "business-metrics");
            refresher.scheduleWithFixedDelay(() -> refreshQuietly(business), 0, refreshMs, TimeUnit.MILLISECONDS);
        });

        registry.lookupByNameAndType("runSummary", RunSummary.class)
                .setShowAmounts(settings.getBoolean("logisync.log.show-amounts", false));
        registry.bind("databaseReadiness", new ReadinessChecks.Database(dataSource));
        String odooUrl = settings.get("logisync.odoo.url", null);
        if (odooUrl == null) {
            OdooConnection connection = camelContext.hasService(OdooConnection.class);
            odooUrl = connection != null && connection.sandbox() != null ? connection.sandbox().url() : null;
        }
        if (odooUrl != null) {
            registry.bind("odooReadiness", new ReadinessChecks.Odoo(odooUrl,
                    Duration.ofMillis(settings.getInt("logisync.odoo.connect-timeout-ms", 5000, 1))));
        }
    }

    private static void refreshQuietly(BusinessMetrics business) {
        try {
            business.refresh();
        } catch (RuntimeException e) {
            LOG.warn("Business metrics could not be read from the database: {}", e.getMessage());
        }
    }

    private static Path path(Settings settings, String key) {
        String value = settings.get(key, null);
        return value == null ? null : Path.of(value);
    }

    /** Reads {@code source=limit} pairs, comma-separated. */
    private static Map<String, Integer> perSender(String configured) {
        Map<String, Integer> answer = new LinkedHashMap<>();
        for (String entry : configured.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int split = entry.lastIndexOf('=');
            try {
                answer.put(entry.substring(0, split).strip(), Integer.parseInt(entry.substring(split + 1).strip()));
            } catch (RuntimeException e) {
                throw new IllegalStateException("logisync.ingress.rate-limits: an entry must read source=limit, but"
                        + " was '" + entry.strip() + "'", e);
            }
        }
        return answer;
    }
}
