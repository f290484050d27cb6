package io.logisync.security;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.auth.authentication.Credentials;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig.AuthenticationConfigEntry;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * Guards the management port ({@code /observe/...}) with logisync's own credentials: metrics and Jolokia need the
 * operator role (admins hold it too), by {@code Authorization: Bearer <key>} or HTTP Basic with the credential's
 * name and key, as Prometheus and Hawtio send them. Health answers without credentials when configured so, for
 * Kubernetes probes.
 */
public final class ManagementAccess implements AuthenticationHandler {

    private final Authenticator authenticator;
    private final String healthPath;
    private final boolean openHealth;

    public ManagementAccess(Authenticator authenticator, String healthPath, boolean openHealth) {
        this.authenticator = authenticator;
        this.healthPath = healthPath;
        this.openHealth = openHealth;
    }

    /** Puts this guard in front of the management server, before it starts. */
    public void install(CamelContext camelContext) {
        ManagementHttpServer server = camelContext.hasService(ManagementHttpServer.class);
        if (server != null) {
            addTo(server);
            return;
        }
        // the management server is created after logisync's configuration on some start-up paths
        camelContext.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onServiceAdd(CamelContext context, org.apache.camel.Service service,
                    org.apache.camel.Route route) {
                if (service instanceof ManagementHttpServer management) {
                    addTo(management);
                }
            }
        });
    }

    private void addTo(ManagementHttpServer server) {
        AuthenticationConfig config = server.getConfiguration().getAuthenticationConfig();
        AuthenticationConfigEntry entry = new AuthenticationConfigEntry();
        entry.setPath("/*");
        entry.setAuthenticationProviderFactory(vertx -> new NoProvider());
        entry.setAuthenticationHandlerFactory(new AuthenticationConfig.AuthenticationHandlerFactory() {
            @Override
            public <T extends AuthenticationProvider> AuthenticationHandler createAuthenticationHandler(T provider) {
                return ManagementAccess.this;
            }
        });
        config.getEntries().add(entry);
        config.setEnabled(true);
    }

    // Known gap: Jolokia does not tell operators from admins; jolokia-access.xml limits both alike.
    @Override
    public void handle(RoutingContext context) {
        String path = context.normalizedPath();
        if (openHealth && (path.equals(healthPath) || path.startsWith(healthPath + "/"))) {
            context.next();
            return;
        }
        Optional<Principal> principal = authenticator.authenticate(context.request().getHeader("Authorization"),
                context.request().getHeader("X-API-Key"));
        if (principal.isEmpty()) {
            context.response().putHeader("WWW-Authenticate", "Basic realm=\"logisync management\"");
            end(context, 401, "credentials with the operator role are required");
        } else if (!principal.get().has(Roles.OPERATOR)) {
            end(context, 403, principal.get().name() + " does not hold the operator role the management port needs");
        } else {
            context.next();
        }
    }

    private static void end(RoutingContext context, int status, String message) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end("{\"status\":" + status + ",\"message\":\"" + message.replace("\"", "'") + "\"}");
    }

    /** The Vert.x provider the server asks for; logisync's handler checks credentials itself. */
    private static final class NoProvider implements AuthenticationProvider {

        @Override
        @SuppressWarnings("deprecation")
        public void authenticate(io.vertx.core.json.JsonObject credentials, Handler<AsyncResult<User>> handler) {
            handler.handle(Future.failedFuture("logisync checks management credentials in its own handler"));
        }

        @Override
        public Future<User> authenticate(Credentials credentials) {
            return Future.failedFuture("logisync checks management credentials in its own handler");
        }
    }
}
