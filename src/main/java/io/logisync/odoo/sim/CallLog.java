package io.logisync.odoo.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The most recent calls, oldest first; bounded so that a long-running sandbox does not grow without end. */
final class CallLog {

    static final int CAPACITY = 100_000;

    private final Deque<SimulatorCall> calls = new ArrayDeque<>();

    synchronized void add(SimulatorCall call) {
        if (calls.size() == CAPACITY) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    synchronized List<SimulatorCall> snapshot() {
        return List.copyOf(calls);
    }

    synchronized void clear() {
        calls.clear();
    }
}
