package io.logisync.bus;

import java.util.Locale;

/** The two buses that carry accepted events to the domain routes. */
public enum Bus {
    /** In this JVM, on Camel's direct endpoints: one instance, or replicas behind a load balancer. */
    DIRECT,
    /** A Kafka topic keyed by subject, consumed in a consumer group by every replica. */
    KAFKA;

    /** Reads {@code logisync.bus}, naming the allowed values when it is something else. */
    public static Bus parse(String value) {
        String name = value == null ? "direct" : value.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "direct" -> DIRECT;
            case "kafka" -> KAFKA;
            default -> throw new IllegalStateException("logisync.bus must be direct or kafka, but was '" + value + "'");
        };
    }
}
