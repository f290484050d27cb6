package io.logisync.odoo.sim;

import java.time.Duration;
import java.util.List;

/**
 * Arms the simulator's faults: rules that fail chosen calls ({@link Fault}) on every protocol, and periods when the
 * whole server is down. Rules are tried in the order they were added; the first that targets a call and whose chance
 * comes up fails it. Thread-safe; {@code odoo.faults()} returns it.
 */
public final class SimulatorFaults {

    private final FaultRules rules;
    private final Downtime downtime;

    SimulatorFaults(FaultRules rules, Downtime downtime) {
        this.rules = rules;
        this.downtime = downtime;
    }

    /** Arms a rule for the next calls. */
    public SimulatorFaults inject(Fault fault) {
        if (fault == null) {
            throw new IllegalArgumentException("no fault to inject");
        }
        rules.add(fault);
        return this;
    }

    /** Restarts the random draws of probable faults from {@code seed}, so that a run can be repeated. */
    public SimulatorFaults seed(long seed) {
        rules.seed(seed);
        return this;
    }

    /** The seed of the current random sequence (a time-based one unless {@link #seed(long)} set another). */
    public long seed() {
        return rules.seed();
    }

    /** The rules still armed, each with {@code times} set to how many calls it may still fail. */
    public List<Fault> armed() {
        return rules.armed();
    }

    /** Disarms every rule and ends a downtime: the simulator answers normally again. */
    public void clear() {
        rules.clear();
        downtime.end();
    }

    /** Goes down now, for {@code duration}, then comes back by itself; a new period replaces a running one. */
    public void down(Duration duration, Outage outage) {
        downtime.begin(duration, outage);
    }

    /** Goes down {@code after} from now, for {@code duration}, then comes back by itself. */
    public void downLater(Duration after, Duration duration, Outage outage) {
        downtime.beginLater(after, duration, outage);
    }

    /** Ends a downtime now. */
    public void up() {
        downtime.end();
    }

    public boolean isDown() {
        return downtime.isDown();
    }
}
