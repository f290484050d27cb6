package io.logisync.edi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What one X12 file yielded: canonical events in file order, the 214 statuses that gave none, and the sets that were
 * refused. It keeps the file's envelopes, so that a 997 can acknowledge it.
 */
public final class X12Document {

    private final List<ObjectNode> events;
    private final List<SkippedStatus> skipped;
    private final List<RefusedSet> refused;
    private final List<X12Envelope> envelopes;

    X12Document(List<ObjectNode> events, List<SkippedStatus> skipped, List<RefusedSet> refused,
            List<X12Envelope> envelopes) {
        this.events = List.copyOf(events);
        this.skipped = List.copyOf(skipped);
        this.refused = List.copyOf(refused);
        this.envelopes = List.copyOf(envelopes);
    }

    /** Structured-mode CloudEvents: milestones from 214 statuses, carrier invoices from 210s. */
    public List<ObjectNode> events() {
        return events;
    }

    /** 214 statuses with no milestone, or that could not be read. */
    public List<SkippedStatus> skipped() {
        return skipped;
    }

    /** Sets that gave no event: of a kind logisync does not read, or that cannot be booked. */
    public List<RefusedSet> refused() {
        return refused;
    }

    /** Skipped statuses a person must look at, and refused sets, one line each; empty when there is none. */
    public List<String> problems() {
        List<String> answer = new java.util.ArrayList<>();
        for (SkippedStatus status : skipped) {
            if (status.unusable()) {
                answer.add("set " + status.setControlNumber() + " LX " + status.lxNumber() + " load "
                        + status.loadRef() + " status '" + status.statusCode() + "': " + status.reason());
            }
        }
        for (RefusedSet set : refused) {
            answer.add("set " + set.setControlNumber() + " (" + set.transactionSetId() + "): " + set.reason());
        }
        return answer;
    }

    List<X12Envelope> envelopes() {
        return envelopes;
    }
}
