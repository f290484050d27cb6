package io.logisync.ops;

import io.logisync.exceptions.ExceptionStore;
import io.logisync.shipment.InvoiceLedger;
import io.logisync.store.ParkingStore;
import io.logisync.store.ShipmentStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The business side of {@code /observe/metrics}: parked messages by reason and the age of the oldest of each, the
 * shipments delivered but not invoiced, and the lag from delivery to the invoice's posting as a histogram. The
 * database figures are read again every refresh, not at each scrape.
 */
public class BusinessMetrics {

    private static final Duration[] LAG_BUCKETS = {Duration.ofMinutes(1), Duration.ofMinutes(5),
        Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12), Duration.ofDays(1),
        Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(30)};

    private final JdbcTemplate jdbc;
    private final ParkingStore parking;
    private final ExceptionStore exceptions;
    private final ShipmentStore shipments;
    private final Clock clock;
    private final MultiGauge parkedCount;
    private final MultiGauge parkedOldest;
    private final AtomicLong deliveredNotInvoiced = new AtomicLong();
    private final Timer invoiceLag;

    public BusinessMetrics(MeterRegistry meters, DataSource dataSource, ParkingStore parking,
            ExceptionStore exceptions, ShipmentStore shipments, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.parking = parking;
        this.exceptions = exceptions;
        this.shipments = shipments;
        this.clock = clock;
        this.parkedCount = MultiGauge.builder("logisync.parked.messages")
                .description("Messages parked now, by reason").register(meters);
        this.parkedOldest = MultiGauge.builder("logisync.parked.oldest.age").baseUnit("seconds")
                .description("Age of the oldest message parked now, by reason").register(meters);
        Gauge.builder("logisync.shipments.delivered.not.invoiced", deliveredNotInvoiced, AtomicLong::get)
                .description("Shipments with a DELIVERED milestone and no customer invoice yet").register(meters);
        this.invoiceLag = Timer.builder("logisync.invoice.lag")
                .description("Time from a shipment's delivery to the posting of its customer invoice")
                .serviceLevelObjectives(LAG_BUCKETS).register(meters);
    }

    /** Measures each invoice's lag the first time the ledger records it posted. */
    public void watch(InvoiceLedger ledger) {
        ledger.onPosted(entry -> shipments.find(entry.loadRef()).flatMap(ShipmentStore.Shipment::deliveredAt)
                .ifPresent(delivered -> invoiceLag.record(Duration.between(delivered, clock.instant()))));
    }

    /** Reads the parked and not-invoiced figures from the database. */
    public void refresh() {
        Instant now = clock.instant();
        Map<String, Integer> counts = parking.countByReason();
        Map<String, Instant> oldest = exceptions.oldestByReason();
        List<MultiGauge.Row<?>> countRows = new ArrayList<>();
        List<MultiGauge.Row<?>> ageRows = new ArrayList<>();
        counts.forEach((reason, count) -> countRows.add(MultiGauge.Row.of(Tags.of("reason", reason), count)));
        oldest.forEach((reason, at) -> ageRows.add(MultiGauge.Row.of(Tags.of("reason", reason),
                Math.max(0, Duration.between(at, now).toSeconds()))));
        parkedCount.register(countRows, true);
        parkedOldest.register(ageRows, true);
        deliveredNotInvoiced.set(jdbc.queryForObject("SELECT COUNT(*) FROM shipment s WHERE s.invoice_id IS NULL"
                + " AND EXISTS (SELECT 1 FROM shipment_milestone m WHERE m.load_ref = s.load_ref"
                + " AND m.code = 'DELIVERED')", Long.class));
    }
}
