package io.logisync.odoo.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The most recent calls, oldest first; bounded so that a long-running sandbox does not grow without end. A call is
 * logged once its reply is written, so a client could read the log before the call it was just answered is in it: a
 * snapshot therefore waits (5 s at most) for the calls whose reply had begun before it.
 */
final class CallLog {

    static final int CAPACITY = 100_000;

    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Deque<SimulatorCall> calls = new ArrayDeque<>();
    private final TreeSet<Long> replying = new TreeSet<>();
    private long lastReply;

    /** A reply is about to be written: the ticket to hand to {@link #replied} once its call is logged. */
    synchronized long replying() {
        replying.add(++lastReply);
        return lastReply;
    }

    /** The call of that reply is logged (or will not be). */
    synchronized void replied(long ticket) {
        replying.remove(ticket);
        notifyAll();
    }

    synchronized void add(SimulatorCall call) {
        if (calls.size() == CAPACITY) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    synchronized List<SimulatorCall> snapshot() {
        long begun = lastReply;
        long deadline = System.nanoTime() + SETTLE_NANOS;
        while (!replying.isEmpty() && replying.first() <= begun) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.copyOf(calls);
    }

    synchronized void clear() {
        calls.clear();
    }
}
