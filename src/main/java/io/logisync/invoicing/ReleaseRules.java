package io.logisync.invoicing;

import io.logisync.accessorial.Accessorial;
import io.logisync.accessorial.AccessorialStore;
import io.logisync.invoicing.BillingStore.ShipmentBilling;
import io.logisync.store.ShipmentStore;
import io.logisync.store.ShipmentStore.Shipment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Decides when a load's invoice may be made, by the rules in configuration: delivered, with its proof of delivery,
 * every accessorial decided, and, when finance asks for it, approved by finance. The customer must be known in any
 * case (a shipment is not recorded before). A cancelled load needs neither delivery nor POD.
 */
public class ReleaseRules {

    /** The rules, from {@code logisync.release.*}. */
    public record Settings(boolean requireDelivered, boolean requirePod, boolean requireAccessorialsDecided,
            boolean requireFinanceApproval) {
    }

    /** Whether a load may be billed now, and what it still waits for, in words. */
    public record Release(List<String> waitingFor, boolean onlyFinanceApproval) {

        public boolean released() {
            return waitingFor.isEmpty();
        }
    }

    private final Settings settings;
    private final ShipmentStore shipments;
    private final BillingStore billing;
    private final AccessorialStore accessorials;
    private final JdbcTemplate jdbc;

    public ReleaseRules(Settings settings, ShipmentStore shipments, BillingStore billing,
            AccessorialStore accessorials, DataSource dataSource) {
        this.settings = settings;
        this.shipments = shipments;
        this.billing = billing;
        this.accessorials = accessorials;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * True when the load is plainly not ready, for want of a fact that never goes away once it came: created, its
     * POD, any DELIVERED milestone (a cancelled load needs neither of the last two). Most of a load's events come
     * before its release, and a {@link BillingStore#glance} answers them without the full {@link #check}.
     */
    public boolean plainlyWaiting(BillingStore.LoadGlance load) {
        return !load.created() || !load.cancelled() && (settings.requirePod() && !load.pod()
                || settings.requireDelivered() && !load.anyDelivered());
    }

    public Release check(String loadRef) {
        List<String> waiting = new ArrayList<>();
        Optional<Shipment> shipment = shipments.find(loadRef).filter(Shipment::isCreated);
        if (shipment.isEmpty()) {
            return new Release(List.of("shipment.created"), false);
        }
        Optional<ShipmentBilling> state = billing.shipment(loadRef);
        boolean cancelled = state.map(ShipmentBilling::isCancelled).orElse(false);
        if (!cancelled && settings.requireDelivered() && shipment.get().deliveredAt().isEmpty()) {
            waiting.add("delivery (DELIVERED milestone)");
        }
        if (!cancelled && settings.requirePod() && !shipment.get().hasPod()) {
            waiting.add("proof of delivery");
        }
        waiting.addAll(undecided(loadRef));
        boolean financeOnly = false;
        if (settings.requireFinanceApproval() && !state.map(ShipmentBilling::isFinanceApproved).orElse(false)) {
            financeOnly = waiting.isEmpty();
            waiting.add("finance approval");
        }
        return new Release(List.copyOf(waiting), financeOnly);
    }

    /** What holds changes to a billed load back: its accessorials still waiting for a decision. */
    public List<String> undecided(String loadRef) {
        if (!settings.requireAccessorialsDecided()) {
            return List.of();
        }
        List<String> answer = new ArrayList<>();
        for (Accessorial accessorial : accessorials.ofLoad(loadRef)) {
            if (accessorial.isPending()) {
                answer.add("decision on accessorial " + accessorial.accessorialId());
            }
        }
        // an accessorial event that could not be applied is not decided either
        List<String> parked = jdbc.queryForList("SELECT event_id FROM parked_message WHERE status = 'PARKED'"
                + " AND subject = ? AND event_type LIKE 'logistics.accessorial.%' AND reason <> 'ACCESSORIAL_PENDING'"
                + " ORDER BY id", String.class, loadRef);
        parked.forEach(eventId -> answer.add("parked accessorial event " + eventId));
        return answer;
    }
}
