package io.logisync.odoo.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/** The armed fault rules, in the order they were added, and the seeded random that decides probable ones. */
final class FaultRules {

    private final List<Armed> rules = new ArrayList<>();
    private long seed = System.nanoTime();
    private Random random = new Random(seed);

    synchronized void add(Fault fault) {
        rules.add(new Armed(fault));
    }

    synchronized void clear() {
        rules.clear();
    }

    /** Restarts the random sequence, so the same calls in the same order fail alike. */
    synchronized void seed(long value) {
        seed = value;
        random = new Random(value);
    }

    synchronized long seed() {
        return seed;
    }

    /** The rules still armed, each with the count it has left. */
    synchronized List<Fault> armed() {
        return rules.stream().map(armed -> armed.fault.times(armed.left)).toList();
    }

    /**
     * The fault for this call in this phase, or null: the first armed rule that targets it and whose chance comes
     * up. Only rules that could fire draw from the random, so adding a certain rule leaves the sequence unchanged.
     */
    synchronized Fault pick(String model, String method, boolean afterExecute) {
        Iterator<Armed> each = rules.iterator();
        while (each.hasNext()) {
            Armed armed = each.next();
            Fault fault = armed.fault;
            if (fault.kind().afterExecute() != afterExecute || !fault.targets(model, method)) {
                continue;
            }
            if (fault.probability() < 1.0 && random.nextDouble() >= fault.probability()) {
                continue;
            }
            if (armed.left != Fault.UNLIMITED && --armed.left == 0) {
                each.remove();
            }
            return fault;
        }
        return null;
    }

    /** A rule and how many more calls it may fail. */
    private static final class Armed {
        private final Fault fault;
        private int left;

        Armed(Fault fault) {
            this.fault = fault;
            this.left = fault.times();
        }
    }
}
