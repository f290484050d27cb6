package io.logisync.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard a route puts in front of what needs a role, e.g. the approver's accessorial decisions. */
class AccessGuardTest {

    private static final String APRIL_KEY = "april-approver-key-001";
    private static final String OLIVIA_KEY = "olivia-operator-key-01";

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final Authenticator authenticator = new Authenticator(CredentialStore.of("april approver " + APRIL_KEY
            + "; olivia operator " + OLIVIA_KEY, "", null));
    private final AccessGuard requireApprover = new AccessGuard(authenticator, Roles.APPROVER);

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void shouldLetAnApproverThroughAndTellTheRouteWhoItIs() {
        Exchange exchange = request("Bearer " + APRIL_KEY);

        requireApprover.process(exchange);

        assertThat(Authenticator.principalOf(exchange).name()).isEqualTo("april");
        assertThat(exchange.getMessage().getHeader("Authorization")).as("the key goes no further").isNull();
    }

    @Test
    void shouldRefuseAnOperatorWith403AndNoCredentialsWith401() {
        assertThatThrownBy(() -> requireApprover.process(request("Bearer " + OLIVIA_KEY)))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.getStatus()).isEqualTo(403))
                .hasMessageContaining("olivia").hasMessageContaining("approver");
        assertThatThrownBy(() -> requireApprover.process(request(null)))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.getStatus()).isEqualTo(401));
        assertThatThrownBy(() -> requireApprover.process(request("Bearer april-approver-key-002")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.getStatus()).isEqualTo(401));
    }

    private Exchange request(String authorization) {
        Exchange exchange = new DefaultExchange(camel);
        if (authorization != null) {
            exchange.getMessage().setHeader("Authorization", authorization);
        }
        return exchange;
    }
}
