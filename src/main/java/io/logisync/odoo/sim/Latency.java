package io.logisync.odoo.sim;

/**
 * How slow the simulator answers: a fixed delay on every call, plus a delay per record for {@code create} and
 * {@code action_post}, the calls whose cost grows with the batch in a real Odoo.
 */
public record Latency(long fixedMillis, long perRecordMillis) {

    /** No delay at all. */
    public static final Latency NONE = new Latency(0, 0);

    public Latency {
        if (fixedMillis < 0 || perRecordMillis < 0) {
            throw new IllegalArgumentException("latency cannot be negative");
        }
    }
}
