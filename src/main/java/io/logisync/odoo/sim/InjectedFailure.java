package io.logisync.odoo.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Thrown by {@link CallPolicy} when a fault answers instead of Odoo (a proxy page) or takes the answer away (a lost
 * reply). It is not an {@link OdooError}, so it passes every protocol front and reaches {@link HttpFront}, which
 * answers it the same way whatever the protocol.
 */
final class InjectedFailure extends RuntimeException {

    private final transient CallTrace trace;
    private final Fault fault;

    InjectedFailure(CallTrace trace, Fault fault) {
        super(fault.kind().label(), null, false, false);
        this.trace = trace;
        this.fault = fault;
    }

    /** Writes the proxy's page, or nothing at all for a lost reply, and gives the call as it is to be logged. */
    SimulatorCall answer(HttpExchange exchange) throws IOException {
        if (fault.kind() == FaultKind.LOST_REPLY) {
            // no headers sent: closing the exchange then drops the connection, as a crashed worker or proxy would
            return trace.finish(0, null);
        }
        long retryAfter = fault.kind() == FaultKind.RATE_LIMITED && fault.retryAfter() != null
                ? fault.retryAfter().toSeconds() : -1;
        ProxyPages.send(exchange, fault.kind().proxyStatus(), retryAfter);
        return trace.finish(fault.kind().proxyStatus(), null);
    }
}
