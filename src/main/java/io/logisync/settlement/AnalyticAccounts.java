package io.logisync.settlement;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import io.logisync.store.BindingStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Odoo analytic account per load, named by the load reference, so that the customer invoice lines (revenue) and
 * the vendor bill lines (cost) of a shipment land on the same account and its margin reads straight from Odoo. The
 * account is bound by load reference, looked for in Odoo by name before it is created, and created once.
 */
public class AnalyticAccounts {

    public static final String MODEL = "account.analytic.account";
    public static final String KIND = "analytic-account";

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticAccounts.class);

    private final OdooClient odoo;
    private final BindingStore bindings;
    private final boolean enabled;
    private final String planName;
    private volatile Long planId;
    /** A load's customer invoice and its vendor bill are applied under different subjects: one creates its account. */
    private final java.util.concurrent.ConcurrentHashMap<String, Object> creating =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param enabled false leaves lines without an analytic distribution
     * @param planName the analytic plan the accounts are made in (by name); null or blank lets Odoo choose
     */
    public AnalyticAccounts(OdooClient odoo, BindingStore bindings, boolean enabled, String planName) {
        this.odoo = odoo;
        this.bindings = bindings;
        this.enabled = enabled;
        this.planName = planName == null || planName.isBlank() ? null : planName.strip();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The id of the load's analytic account, found or created; empty when analytic accounts are switched off. */
    public Optional<Long> accountOf(String loadRef) {
        if (!enabled || loadRef == null) {
            return Optional.empty();
        }
        Optional<Long> bound = bindings.find(KIND, loadRef).map(BindingStore.Binding::odooId);
        if (bound.isPresent()) {
            return bound;
        }
        // Known gap: the lock is this JVM's; two replicas billing one load at the same instant could make two accounts.
        Object lock = creating.computeIfAbsent(loadRef, k -> new Object());
        try {
            synchronized (lock) {
                return Optional.of(findOrCreate(loadRef));
            }
        } finally {
            creating.remove(loadRef, lock);
        }
    }

    private long findOrCreate(String loadRef) {
        Optional<Long> bound = bindings.find(KIND, loadRef).map(BindingStore.Binding::odooId);
        if (bound.isPresent()) {
            return bound.get();
        }
        List<OdooRecord> found = odoo.searchRead(MODEL, List.of(List.of("name", "=", loadRef)), List.of("id", "name"),
                2, "id", OdooContext.DEFAULT);
        long answer;
        if (!found.isEmpty()) {
            answer = found.get(0).id();
            if (found.size() > 1) {
                LOG.warn("Odoo has several analytic accounts named {}; load {} uses the oldest, id {}", loadRef,
                        loadRef, answer);
            }
        } else {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", loadRef);
            plan().ifPresent(id -> values.put("plan_id", id));
            answer = odoo.create(MODEL, List.of(values), OdooContext.DEFAULT).get(0);
            LOG.debug("Analytic account for load {} created in Odoo as {} {}", loadRef, MODEL, answer);
        }
        bindings.bind(KIND, loadRef, MODEL, answer, null);
        return answer;
    }

    /**
     * The {@code analytic_distribution} of a line of the load: all of it on the load's account, as Odoo stores it
     * (a JSON object whose keys are account ids as strings and whose values are percentages).
     */
    public Optional<Map<String, Object>> distributionOf(String loadRef) {
        return accountOf(loadRef).map(id -> Map.of(String.valueOf(id), 100));
    }

    private Optional<Long> plan() {
        if (planName == null) {
            return Optional.empty();
        }
        Long known = planId;
        if (known != null) {
            return Optional.of(known);
        }
        List<OdooRecord> plans = odoo.searchRead("account.analytic.plan", List.of(List.of("name", "=", planName)),
                List.of("id", "name"), 1, "id", OdooContext.DEFAULT);
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("analytic plan: Odoo has no analytic plan named '" + planName
                    + "' (logisync.analytic.plan) to make the loads' analytic accounts in");
        }
        planId = plans.get(0).id();
        return Optional.of(planId);
    }
}
