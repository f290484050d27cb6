package io.logisync.edi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What one X12 214 file yielded: CloudEvents in file order, and the AT7 statuses that gave none.
 *
 * @param events structured-mode CloudEvents of type {@code logistics.milestone.recorded.v1}
 * @param skipped statuses with no mapping, not a milestone, or with a date, time or reference that cannot be used
 */
public record Edi214Result(List<ObjectNode> events, List<SkippedStatus> skipped) {

    public Edi214Result {
        events = List.copyOf(events);
        skipped = List.copyOf(skipped);
    }
}
