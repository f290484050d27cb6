package io.logisync.odoo.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latency and fault rules read from flat properties, e.g. the {@code logisync.sandbox.} settings with that prefix
 * removed. Keys outside {@code latency.}, {@code faults.}, {@code fault.} and {@code downtime.} are left to others (such as
 * {@code port}); a key inside them that is not known is an error, so that a typo does not silently inject nothing.
 *
 * <pre>
 * latency.fixed-ms = 20
 * latency.per-record-ms = 5
 * latency.per-record-ms.action_post = 15
 * latency.per-call-ms.create = 200
 * latency.per-call-ms.account.move.create = 250   (one model's method: wins over the method alone)
 * latency.workers = 2
 * latency.model = calibrated   (instead of the keys above: see Latency.calibrated)
 * faults.seed = 42
 * fault.flaky-proxy.kind = http-503
 * fault.flaky-proxy.probability = 0.05
 * fault.lost-post.kind = lost-reply
 * fault.lost-post.model = account.move
 * fault.lost-post.method = action_post
 * fault.lost-post.times = 1
 * downtime.after-ms = 60000
 * downtime.for-ms = 30000
 * downtime.outage = refuse-connections
 * </pre>
 */
// latency is null when no latency key was given, so that configuring faults keeps a latency set otherwise
record SimulatorProperties(Latency latency, Long seed, List<Fault> faults, PlannedDowntime downtime) {

    /** One period when the simulator is down, counted from its start. */
    record PlannedDowntime(Duration after, Duration duration, Outage outage) {
    }

    private static final String PER_RECORD = "latency.per-record-ms.";
    private static final String PER_CALL = "latency.per-call-ms.";

    /** Reads the properties; fault rules are taken in the order of their names. */
    static SimulatorProperties parse(Map<String, String> properties) {
        boolean anyLatency = false;
        long fixed = 0;
        long perRecord = 0;
        Long seed = null;
        Map<String, Map<String, String>> rules = new TreeMap<>();
        Map<String, Long> perMethod = new TreeMap<>();
        Map<String, Long> perCall = new TreeMap<>();
        int workers = 0;
        String model = null;
        Map<String, String> downtime = new TreeMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(properties).entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue().trim();
            anyLatency |= key.startsWith("latency.");
            if (key.equals("latency.fixed-ms")) {
                fixed = number(key, value);
            } else if (key.equals("latency.per-record-ms")) {
                perRecord = number(key, value);
            } else if (key.startsWith(PER_RECORD)) {
                perMethod.put(key.substring(PER_RECORD.length()), number(key, value));
            } else if (key.startsWith(PER_CALL)) {
                perCall.put(key.substring(PER_CALL.length()), number(key, value));
            } else if (key.equals("latency.workers")) {
                workers = Math.toIntExact(number(key, value));
            } else if (key.equals("latency.model")) {
                model = value;
            } else if (key.equals("faults.seed")) {
                seed = number(key, value);
            } else if (key.startsWith("fault.") && key.lastIndexOf('.') > "fault.".length()) {
                String name = key.substring("fault.".length(), key.lastIndexOf('.'));
                rules.computeIfAbsent(name, n -> new TreeMap<>()).put(key.substring(key.lastIndexOf('.') + 1), value);
            } else if (DOWNTIME_KEYS.contains(key)) {
                downtime.put(key, value);
            } else if (key.startsWith("latency.") || key.startsWith("faults.") || key.startsWith("fault.")
                    || key.startsWith("downtime.")) {
                throw new IllegalArgumentException("unknown simulator property " + key);
            }
        }
        Latency latency = anyLatency ? latency(model, fixed, perRecord, perMethod, perCall, workers) : null;
        List<Fault> faults = new ArrayList<>();
        rules.forEach((name, rule) -> faults.add(fault(name, rule)));
        return new SimulatorProperties(latency, seed, List.copyOf(faults), downtime(downtime));
    }

    /**
     * The latency the keys describe: {@code latency.model = calibrated} starts from {@link Latency#calibrated} (its
     * other calls costing {@code latency.fixed-ms}, 20 ms when not given), {@code flat} or no model from nothing;
     * per-call and per-record keys then override it method by method.
     */
    private static Latency latency(String model, long fixed, long perRecord, Map<String, Long> perMethod,
            Map<String, Long> perCall, int workers) {
        Latency base;
        if (model == null || model.isEmpty() || model.equals("flat")) {
            base = new Latency(fixed, perRecord, perMethod);
        } else if (model.equals("calibrated")) {
            base = Latency.calibrated(fixed == 0 ? 20 : fixed);
            if (perRecord != 0) {
                throw new IllegalArgumentException("latency.per-record-ms does not go with latency.model = calibrated;"
                        + " set latency.per-record-ms.<method>");
            }
            for (Map.Entry<String, Long> entry : perMethod.entrySet()) {
                base = base.withPerRecord(entry.getKey(), entry.getValue());
            }
        } else {
            throw new IllegalArgumentException("latency.model must be flat or calibrated, not " + model);
        }
        for (Map.Entry<String, Long> entry : perCall.entrySet()) {
            base = base.withPerCall(entry.getKey(), entry.getValue());
        }
        return base.withWorkers(workers);
    }

    private static final List<String> DOWNTIME_KEYS = List.of("downtime.after-ms", "downtime.for-ms",
            "downtime.outage");

    private static PlannedDowntime downtime(Map<String, String> keys) {
        if (keys.isEmpty()) {
            return null;
        }
        String forMs = keys.get("downtime.for-ms");
        if (forMs == null || forMs.isEmpty()) {
            throw new IllegalArgumentException("downtime.for-ms is required for a downtime");
        }
        long duration = number("downtime.for-ms", forMs);
        if (duration <= 0) {
            throw new IllegalArgumentException("downtime.for-ms must be positive, got " + duration);
        }
        String afterMs = keys.getOrDefault("downtime.after-ms", "0");
        long after = number("downtime.after-ms", afterMs.isEmpty() ? "0" : afterMs);
        if (after < 0) {
            throw new IllegalArgumentException("downtime.after-ms must not be negative, got " + after);
        }
        String outage = keys.getOrDefault("downtime.outage", "refuse-connections");
        Outage kind = switch (outage) {
            case "", "refuse-connections" -> Outage.REFUSE_CONNECTIONS;
            case "http-503" -> Outage.SERVICE_UNAVAILABLE;
            default -> throw new IllegalArgumentException("downtime.outage must be refuse-connections or http-503, "
                    + "got '" + outage + "'");
        };
        return new PlannedDowntime(Duration.ofMillis(after), Duration.ofMillis(duration), kind);
    }

    private static final List<String> RULE_KEYS = List.of("kind", "model", "method", "times", "probability",
            "retry-after-s", "delay-ms");

    private static Fault fault(String name, Map<String, String> rule) {
        String prefix = "fault." + name + ".";
        rule.keySet().stream().filter(key -> !RULE_KEYS.contains(key)).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("unknown simulator property " + prefix + key);
        });
        String kind = rule.getOrDefault("kind", "");
        if (kind.isEmpty()) {
            throw new IllegalArgumentException(prefix + "kind is required");
        }
        String times = rule.get("times");
        String probability = rule.get("probability");
        String retryAfter = rule.get("retry-after-s");
        String delay = rule.get("delay-ms");
        return new Fault(FaultKind.parse(kind), emptyToNull(rule.get("model")), emptyToNull(rule.get("method")),
                times == null ? Fault.UNLIMITED : Math.toIntExact(number(prefix + "times", times)),
                probability == null ? 1.0 : decimal(prefix + "probability", probability),
                retryAfter == null ? null : Duration.ofSeconds(number(prefix + "retry-after-s", retryAfter)),
                delay == null ? null : Duration.ofMillis(number(prefix + "delay-ms", delay)));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static long number(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'", e);
        }
    }

    private static double decimal(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + value + "'", e);
        }
    }
}
