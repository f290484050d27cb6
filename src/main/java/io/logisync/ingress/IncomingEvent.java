package io.logisync.ingress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One event of a request or file on its way in, and what became of it: accepted, duplicate or rejected. */
public final class IncomingEvent {

    /** What became of an event at the door. */
    public enum Status { PENDING, ACCEPTED, DUPLICATE, REJECTED }

    private final int index;
    private final ObjectNode event;
    private volatile Status status;
    private volatile List<String> errors;
    private volatile String outcome;
    private volatile String reason;

    private IncomingEvent(int index, ObjectNode event, Status status, List<String> errors) {
        this.index = index;
        this.event = event;
        this.status = status;
        this.errors = errors;
    }

    public static IncomingEvent valid(int index, ObjectNode event) {
        return new IncomingEvent(index, event, Status.PENDING, List.of());
    }

    public static IncomingEvent invalid(int index, ObjectNode event, List<String> errors) {
        return new IncomingEvent(index, event, Status.REJECTED, List.copyOf(errors));
    }

    public int getIndex() {
        return index;
    }

    public ObjectNode getEvent() {
        return event;
    }

    public String getId() {
        return text("id");
    }

    public String getSource() {
        return text("source");
    }

    public String getType() {
        return text("type");
    }

    public String getSubject() {
        return text("subject");
    }

    /** The idempotency key: source and id together, as CloudEvents defines an event's identity. */
    public String getIdempotencyKey() {
        return getSource() + "\n" + getId();
    }

    public Status getStatus() {
        return status;
    }

    public boolean isRejected() {
        return status == Status.REJECTED;
    }

    public List<String> getErrors() {
        return errors;
    }

    /** Applied, or parked: both are accepted, since a parked event is stored and will be replayed. */
    public String getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason;
    }

    public void markApplied() {
        status = Status.ACCEPTED;
        if (outcome == null) {
            outcome = "applied";
        }
    }

    public void markParked(String parkReason) {
        status = Status.ACCEPTED;
        outcome = "parked";
        reason = parkReason;
    }

    /** Taken by a bus that applies it later (Kafka): accepted, with the outcome {@code queued}. */
    public void markQueued() {
        status = Status.ACCEPTED;
        outcome = "queued";
    }

    /**
     * Applied, but what it says was applied already under another event id (a carrier invoice sent again): the
     * outcome {@code duplicate}.
     */
    // Known gap: the logisync.events meter and the "applied" log line still count such an event as applied.
    public void markRepeated() {
        status = Status.ACCEPTED;
        outcome = "duplicate";
    }

    public void markDuplicate() {
        status = Status.DUPLICATE;
        outcome = null;
    }

    private String text(String field) {
        return event != null && event.hasNonNull(field) ? event.get(field).asText() : null;
    }
}
