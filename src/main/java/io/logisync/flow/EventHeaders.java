package io.logisync.flow;

/** Names of the headers and exchange properties that carry an event through the routes. */
public final class EventHeaders {

    public static final String ID = "CamelCloudEventID";
    public static final String SOURCE = "CamelCloudEventSource";
    public static final String TYPE = "CamelCloudEventType";
    public static final String SUBJECT = "CamelCloudEventSubject";
    /** Header: the idempotency key of the event, its source and id. */
    public static final String EVENT_KEY = "LogisyncEventKey";
    /** Property: the IncomingEvent whose outcome is reported back to the sender. */
    public static final String INCOMING = "LogisyncIncoming";
    /** Property: the event as JSON text, kept unchanged for parking. */
    public static final String EVENT_JSON = "LogisyncEventJson";
    /** Header: the id of the parked row being replayed. */
    public static final String PARKED_ID = "LogisyncParkedId";
    /** Property: set when the event was parked instead of applied. */
    public static final String PARKED_REASON = "LogisyncParkedReason";
    /** Property: set, with why, when a shipment event was older than the facts its load is billed on. */
    public static final String SUPERSEDED = "LogisyncSuperseded";
    /** Header: the key that parked events wait for, e.g. {@code customer:C-100}. */
    public static final String WAITING_FOR = "LogisyncWaitingFor";

    private EventHeaders() {
    }
}
