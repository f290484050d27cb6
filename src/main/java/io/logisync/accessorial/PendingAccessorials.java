package io.logisync.accessorial;

import io.logisync.parking.ParkReasons;
import io.logisync.store.ParkingStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches accessorials that wait for a decision: those older than the limit become an exception an operator sees,
 * a parked row ({@code ACCESSORIAL_PENDING}, waiting for the decision) and the {@code logisync.accessorials.pending
 * .overdue} gauge. The row is replayed, and so settled, once the accessorial is decided.
 */
public class PendingAccessorials {

    private static final Logger LOG = LoggerFactory.getLogger(PendingAccessorials.class);
    private static final String PROPOSED_TYPE = "logistics.accessorial.proposed.v1";

    private final AccessorialStore store;
    private final ParkingStore parking;
    private final Duration limit;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong oldestAge = new AtomicLong();

    public PendingAccessorials(AccessorialStore store, ParkingStore parking, Duration limit, Clock clock,
            MeterRegistry meters) {
        if (limit.isNegative()) {
            throw new IllegalStateException("logisync.accessorials.pending-limit-minutes must be 0 or more, but was "
                    + limit.toMinutes());
        }
        this.store = store;
        this.parking = parking;
        this.limit = limit;
        this.clock = clock;
        Gauge.builder("logisync.accessorials.pending", pending, AtomicLong::get)
                .description("Accessorials waiting for a decision").register(meters);
        Gauge.builder("logisync.accessorials.pending.overdue", overdue, AtomicLong::get)
                .description("Accessorials waiting for a decision longer than the configured limit").register(meters);
        Gauge.builder("logisync.accessorials.pending.oldest.age", oldestAge, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest pending accessorial has waited for a decision").register(meters);
    }

    /** Parks a row for each pending accessorial past the limit that has none yet; returns how many it parked. */
    public int check() {
        Instant now = clock.instant();
        List<Accessorial> waiting = store.pending();
        int parked = 0;
        long late = 0;
        for (Accessorial accessorial : waiting) {
            Duration age = Duration.between(accessorial.proposedAt(), now);
            if (age.compareTo(limit) < 0) {
                continue;
            }
            late++;
            String key = Accessorials.DECISION_KEY + accessorial.accessorialId();
            if (!parking.waitingFor(key).isEmpty()) {
                continue;
            }
            long id = parking.park(accessorial.eventId(), accessorial.source(), PROPOSED_TYPE, accessorial.loadRef(),
                    ParkReasons.ACCESSORIAL_PENDING, key, "accessorial " + accessorial.accessorialId() + " ("
                            + accessorial.code() + ") of load " + accessorial.loadRef() + " has waited for a decision"
                            + " since " + accessorial.proposedAt() + (accessorial.flag() != null ? "; flagged: "
                            + accessorial.flag() : "") + "; approve or reject it (POST /api/v1/accessorials/"
                            + accessorial.accessorialId() + "/approve or /reject)", accessorial.eventJson());
            parked++;
            LOG.warn("Accessorial {} of load {} has waited for a decision longer than {} min (parked id {})",
                    accessorial.accessorialId(), accessorial.loadRef(), limit.toMinutes(), id);
        }
        pending.set(waiting.size());
        overdue.set(late);
        oldestAge.set(waiting.isEmpty() ? 0 : Math.max(0, Duration.between(waiting.get(0).proposedAt(), now)
                .toSeconds()));
        return parked;
    }

    /** True once the accessorial a parked row waits for ({@code decision:<id>}) is decided or gone. */
    public boolean isDecided(String key) {
        return store.find(key.substring(Accessorials.DECISION_KEY.length())).map(a -> !a.isPending()).orElse(true);
    }
}
