package io.logisync.ingress;

import org.apache.camel.Exchange;

/** Told what became of each event at the door and after: for business metrics and the one log line per outcome. */
public interface OutcomeListener {

    void applied(Exchange exchange, IncomingEvent incoming);

    void parked(Exchange exchange, String reason);

    void duplicate(IncomingEvent incoming);

    void rejected(IncomingEvent incoming);
}
