package io.logisync.security;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * A route step that lets an exchange through only when its request was made with credentials holding one role.
 * Routes use the guards bound as {@code requireOperator}, {@code requireAdmin} and {@code requireApprover}:
 * {@code - process: {ref: requireApprover}}. It answers 401 without valid credentials and 403 without the role.
 */
public class AccessGuard implements Processor {

    private final Authenticator authenticator;
    private final String role;

    public AccessGuard(Authenticator authenticator, String role) {
        this.authenticator = authenticator;
        this.role = role;
    }

    @Override
    public void process(Exchange exchange) {
        Principal principal = authenticator.require(exchange);
        if (!principal.has(role)) {
            throw AccessDeniedException.forbidden(principal.name() + " does not hold the " + role
                    + " role this request needs");
        }
    }

    public String getRole() {
        return role;
    }
}
