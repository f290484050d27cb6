package io.logisync.odoo.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How slow the simulator answers: a cost per call plus a cost per record the call names (the values of
 * {@code create}, the ids of a record method), so that one call of 30 records costs less than 30 calls of one.
 *
 * <p>{@code fixedMillis} is the cost of a call of any method without a cost of its own in {@code perCallByMethod}.
 * {@code perRecordMillis} applies to {@code create} and {@code action_post}, the calls whose cost grows with the
 * batch in a real Odoo; {@code perRecordByMethod} sets another cost for any method, e.g. more for {@code action_post}
 * than for {@code create}, or a cost for {@code write}. A key of those two maps is a method ({@code create}: of any
 * model) or a model and its method ({@code account.move.create}), which wins over the method alone. {@code workers}
 * is how many calls Odoo works on at once, as its worker processes do (0: no limit); a call waits for a free worker
 * before its cost starts.
 */
public record Latency(long fixedMillis, long perRecordMillis, Map<String, Long> perRecordByMethod,
        Map<String, Long> perCallByMethod, int workers) {

    /** No delay at all. */
    public static final Latency NONE = new Latency(0, 0);

    private static final Set<String> PER_RECORD_METHODS = Set.of("create", "action_post");
    private static final String MOVE = "account.move.";

    public Latency {
        if (fixedMillis < 0 || perRecordMillis < 0 || workers < 0) {
            throw new IllegalArgumentException("latency cannot be negative");
        }
        perRecordByMethod = Map.copyOf(perRecordByMethod == null ? Map.of() : perRecordByMethod);
        perCallByMethod = Map.copyOf(perCallByMethod == null ? Map.of() : perCallByMethod);
        if (perRecordByMethod.values().stream().anyMatch(millis -> millis < 0)
                || perCallByMethod.values().stream().anyMatch(millis -> millis < 0)) {
            throw new IllegalArgumentException("latency cannot be negative");
        }
    }

    /** A fixed cost per call, a cost per record of the given methods, no cost per call of its own, no worker limit. */
    public Latency(long fixedMillis, long perRecordMillis, Map<String, Long> perRecordByMethod) {
        this(fixedMillis, perRecordMillis, perRecordByMethod, Map.of(), 0);
    }

    /** A fixed cost per call and a cost per record of {@code create} and {@code action_post}. */
    public Latency(long fixedMillis, long perRecordMillis) {
        this(fixedMillis, perRecordMillis, Map.of());
    }

    /** The same cost for every call, whatever it names: the flat model. */
    public static Latency flat(long millisPerCall) {
        return new Latency(millisPerCall, 0);
    }

    /**
     * The model calibrated on a real Odoo 19 on 2 cores: one 3-line invoice took about 330 ms to create and 220 ms
     * to post, one call each, while one {@code create} of 30 and one {@code action_post} of the 30 came to about
     * 210 ms an invoice. Solving {@code call + n x record} for both: create 211 ms a call plus 119 ms an invoice,
     * action_post 141 ms a call plus 79 ms an invoice (create(1) = 330, post(1) = 220, (create(30) + post(30)) / 30
     * = 209.7). Those figures are journal entries' ({@code account.move}); every other call (reads, searches,
     * writes, and the creates of other models: an attachment or an analytic account does none of an invoice's
     * accounting) costs {@code otherCallMillis}.
     */
    public static Latency calibrated(long otherCallMillis) {
        return new Latency(otherCallMillis, 0, Map.of(MOVE + "create", 119L, MOVE + "action_post", 79L),
                Map.of(MOVE + "create", 211L, MOVE + "action_post", 141L), 0);
    }

    /** A copy where each record named by a call of {@code method} costs {@code millis}. */
    public Latency withPerRecord(String method, long millis) {
        Map<String, Long> costs = new LinkedHashMap<>(perRecordByMethod);
        costs.put(method, millis);
        return new Latency(fixedMillis, perRecordMillis, costs, perCallByMethod, workers);
    }

    /** A copy where a call of {@code method} costs {@code millis} before its records. */
    public Latency withPerCall(String method, long millis) {
        Map<String, Long> costs = new LinkedHashMap<>(perCallByMethod);
        costs.put(method, millis);
        return new Latency(fixedMillis, perRecordMillis, perRecordByMethod, costs, workers);
    }

    /** A copy where Odoo works on at most {@code count} calls at once (0: no limit). */
    public Latency withWorkers(int count) {
        return new Latency(fixedMillis, perRecordMillis, perRecordByMethod, perCallByMethod, count);
    }

    /** The delay of one call of {@code method}, of a model with no cost of its own, that names {@code records}. */
    public long millisFor(String method, int records) {
        return millisFor(null, method, records);
    }

    /** The delay of one call of {@code model}'s {@code method} that names {@code records} records. */
    public long millisFor(String model, String method, int records) {
        String qualified = model == null ? null : model + "." + method;
        Long specific = costOf(perRecordByMethod, qualified, method);
        long perRecord = specific != null ? specific : PER_RECORD_METHODS.contains(method) ? perRecordMillis : 0;
        Long perCall = costOf(perCallByMethod, qualified, method);
        return (perCall != null ? perCall : fixedMillis) + perRecord * Math.max(records, 0);
    }

    private static Long costOf(Map<String, Long> costs, String qualified, String method) {
        Long cost = qualified == null ? null : costs.get(qualified);
        return cost != null ? cost : costs.get(method);
    }
}
