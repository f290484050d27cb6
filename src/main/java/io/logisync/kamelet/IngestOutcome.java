package io.logisync.kamelet;

import io.logisync.ingress.Echo;
import io.logisync.ingress.IncomingEvent;
import java.util.List;

/**
 * What became of the events a source handed to logisync's ingress: each accepted (applied or parked), a duplicate,
 * or rejected with the rules it broke.
 */
public record IngestOutcome(List<IncomingEvent> events) {

    public IngestOutcome {
        events = List.copyOf(events);
    }

    public long accepted() {
        return events.stream().filter(e -> e.getStatus() == IncomingEvent.Status.ACCEPTED).count();
    }

    public long duplicates() {
        return events.stream().filter(e -> e.getStatus() == IncomingEvent.Status.DUPLICATE).count();
    }

    public long rejected() {
        return events.stream().filter(IncomingEvent::isRejected).count();
    }

    /** One line per rejected event naming it and what is wrong; empty when none was rejected. */
    public List<String> rejections() {
        return events.stream().filter(IncomingEvent::isRejected)
                .map(e -> "event " + e.getIndex() + (e.getId() == null ? "" : " (id " + Echo.cut(e.getId()) + ")")
                        + ": " + String.join("; ", e.getErrors()))
                .toList();
    }
}
