package io.logisync.odoo.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How slow the simulator answers: a fixed cost on every call plus a cost per record the call names (the values of
 * {@code create}, the ids of a record method), so that one call of 30 records costs less than 30 calls of one.
 *
 * <p>{@code perRecordMillis} applies to {@code create} and {@code action_post}, the calls whose cost grows with the
 * batch in a real Odoo; {@code perRecordByMethod} sets another cost for any method, e.g. more for {@code action_post}
 * than for {@code create}, or a cost for {@code write}.
 */
public record Latency(long fixedMillis, long perRecordMillis, Map<String, Long> perRecordByMethod) {

    /** No delay at all. */
    public static final Latency NONE = new Latency(0, 0);

    private static final Set<String> PER_RECORD_METHODS = Set.of("create", "action_post");

    public Latency {
        if (fixedMillis < 0 || perRecordMillis < 0) {
            throw new IllegalArgumentException("latency cannot be negative");
        }
        perRecordByMethod = Map.copyOf(perRecordByMethod == null ? Map.of() : perRecordByMethod);
        if (perRecordByMethod.values().stream().anyMatch(millis -> millis < 0)) {
            throw new IllegalArgumentException("latency cannot be negative");
        }
    }

    /** A fixed cost per call and a cost per record of {@code create} and {@code action_post}. */
    public Latency(long fixedMillis, long perRecordMillis) {
        this(fixedMillis, perRecordMillis, Map.of());
    }

    /** A copy where each record named by a call of {@code method} costs {@code millis}. */
    public Latency withPerRecord(String method, long millis) {
        Map<String, Long> costs = new LinkedHashMap<>(perRecordByMethod);
        costs.put(method, millis);
        return new Latency(fixedMillis, perRecordMillis, costs);
    }

    /** The delay of one call of {@code method} that names {@code records} records. */
    public long millisFor(String method, int records) {
        Long specific = perRecordByMethod.get(method);
        long perRecord = specific != null ? specific : PER_RECORD_METHODS.contains(method) ? perRecordMillis : 0;
        return fixedMillis + perRecord * Math.max(records, 0);
    }
}
