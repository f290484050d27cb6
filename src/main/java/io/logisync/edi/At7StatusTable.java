package io.logisync.edi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** AT7-01 shipment status codes and the milestone each stands for, from a properties file engineers can extend. */
public final class At7StatusTable {

    /** The table shipped with the product, on the classpath. */
    public static final String BUNDLED = "/edi/at7-status-codes.properties";

    private static final Set<String> MILESTONES = Set.of("DISPATCHED", "ARRIVED_PICKUP", "DEPARTED_PICKUP",
            "IN_TRANSIT", "ARRIVED_DELIVERY", "DELIVERED", "DELIVERY_FAILED");

    /** Code to milestone; "" for a code known not to be a milestone. */
    private final Map<String, String> milestones;

    private At7StatusTable(Map<String, String> milestones) {
        this.milestones = Map.copyOf(milestones);
    }

    /** The bundled table. */
    public static At7StatusTable bundled() {
        try (InputStream in = At7StatusTable.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a table in the bundled file's format ({@code CODE=MILESTONE}, or {@code CODE=} for "not a milestone").
     * A value that is not a canonical milestone code fails the load, so a typo cannot silently drop events.
     */
    public static At7StatusTable load(InputStream properties) throws IOException {
        Properties entries = new Properties();
        entries.load(new InputStreamReader(properties, StandardCharsets.UTF_8));
        Map<String, String> milestones = new HashMap<>();
        for (String code : entries.stringPropertyNames()) {
            String milestone = entries.getProperty(code).strip();
            if (!milestone.isEmpty() && !MILESTONES.contains(milestone)) {
                throw new IllegalArgumentException("AT7 status " + code + " maps to '" + milestone
                        + "', which is not one of " + MILESTONES);
            }
            milestones.put(code.strip(), milestone);
        }
        return new At7StatusTable(milestones);
    }

    /** This table with the other's entries added, the other's winning where both list a code. */
    public At7StatusTable with(At7StatusTable other) {
        Map<String, String> merged = new HashMap<>(milestones);
        merged.putAll(other.milestones);
        return new At7StatusTable(merged);
    }

    /** True when the table lists the code, whether or not it is a milestone. */
    public boolean knows(String statusCode) {
        return milestones.containsKey(statusCode);
    }

    /** The milestone code for an AT7-01 status; empty when the code is unknown or known not to be a milestone. */
    public Optional<String> milestoneFor(String statusCode) {
        return Optional.ofNullable(milestones.get(statusCode)).filter(milestone -> !milestone.isEmpty());
    }
}
