package io.logisync.settlement;

import io.logisync.invoicing.CreateGatherer;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import io.logisync.store.BindingStore;
import java.util.HashMap;
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
    private volatile CreateGatherer gatherer;
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
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", loadRef);
        plan().ifPresent(id -> values.put("plan_id", id));
        long answer;
        CreateGatherer gathering = gatherer;
        if (gathering != null) {
            // with the accounts other loads need at about the same time: one search and one create for all
            answer = gathering.create(values, OdooContext.DEFAULT);
        } else {
            Map<Integer, Long> found = findByName(List.of(values), OdooContext.DEFAULT);
            answer = found.containsKey(0) ? found.get(0)
                    : odoo.create(MODEL, List.of(values), OdooContext.DEFAULT).get(0);
        }
        LOG.debug("Analytic account for load {} is {} {}", loadRef, MODEL, answer);
        bindings.bind(KIND, loadRef, MODEL, answer, null);
        return answer;
    }

    /**
     * From now on the accounts loads need at about the same time are looked for in one call and the missing ones
     * created in one: sent once none has joined for {@code quietMillis}, {@code maxWaitMillis} after the first, or
     * when {@code size} have joined.
     */
    public void gatherCreates(int size, long quietMillis, long maxWaitMillis) {
        gatherer = new CreateGatherer(odoo, MODEL, size, quietMillis, maxWaitMillis, this::findByName);
    }

    /** The accounts Odoo has already by the names in {@code values}, the oldest of each name. */
    private Map<Integer, Long> findByName(List<Map<String, Object>> values, OdooContext context) {
        List<Object> names = values.stream().map(v -> v.get("name")).distinct().toList();
        Map<String, Long> oldest = new HashMap<>();
        for (OdooRecord account : odoo.searchRead(MODEL, List.of(List.of("name", "in", names)), List.of("id",
                "name"), null, "id", context)) {
            Long kept = oldest.putIfAbsent(account.getString("name"), account.id());
            if (kept != null) {
                LOG.warn("Odoo has several analytic accounts named {}; load {} uses the oldest, id {}",
                        account.getString("name"), account.getString("name"), kept);
            }
        }
        Map<Integer, Long> answer = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            Long id = oldest.get(String.valueOf(values.get(i).get("name")));
            if (id != null) {
                answer.put(i, id);
            }
        }
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
