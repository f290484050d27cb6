package io.logisync.parking;

/**
 * A business reason why an event cannot be applied yet: it is parked with this reason and, where one exists, the key
 * of what it waits for (e.g. {@code customer:C-100}), so it can be replayed when that arrives.
 */
public class ParkException extends RuntimeException {

    private final String reason;
    private final String waitingFor;

    public ParkException(String reason, String waitingFor, String detail) {
        super(detail);
        this.reason = reason;
        this.waitingFor = waitingFor;
    }

    public String getReason() {
        return reason;
    }

    public String getWaitingFor() {
        return waitingFor;
    }
}
