package io.logisync.reconciliation;

import java.time.Instant;
import java.util.List;

/**
 * One check of the nightly reconciliation. Every bean of this type in the registry is run, in name order; a check
 * that fails is reported as failed and does not stop the others. To add one (vendor bills against the cost agreed at
 * assignment, say), implement it and bind it in the registry under any name.
 */
public interface ReconciliationCheck {

    /** The check's name in the report, the CSV and the metrics' {@code check} tag, e.g. {@code delivered-not-invoiced}. */
    String name();

    /** What the check finds wrong as of {@code now}; empty when all is well. */
    List<Finding> run(Instant now);
}
