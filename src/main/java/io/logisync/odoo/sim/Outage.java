package io.logisync.odoo.sim;

/** How the simulator is down for a while: {@link SimulatorFaults#down}. */
public enum Outage {
    /** The listening socket is closed: connections are refused, as when Odoo and its proxy are stopped. */
    REFUSE_CONNECTIONS,
    /** Every request is answered 503 by the proxy's HTML page, as when Odoo is stopped behind a running proxy. */
    SERVICE_UNAVAILABLE
}
