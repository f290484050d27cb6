package io.logisync.ingress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers of the HTTP door (port 8080) to requests that never reach a route: an unknown path (404), a method the
 * path does not take (405), a body over the server's own limit (413) and a body of a type the path does not read
 * (415). Vert.x would answer them with an empty or HTML body, and log a 413 as an unhandled failure with its stack
 * trace; here each is a JSON answer like the routes' own, {@code {"error", "message"}}, naming what is wrong.
 */
public final class DoorErrors implements ExtendedStartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(DoorErrors.class);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<Integer, String> ERRORS = Map.of(404, "not found", 405, "method not allowed",
            413, "payload too large", 415, "unsupported media type");

    private final long maxBodyBytes;

    /** {@code maxBodyBytes}: the server's limit, {@code camel.server.max-body-size}, which a 413 names. */
    public DoorErrors(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Installs the answers on the door's router once Camel has started its server; no server, nothing to do. */
    @Override
    public void onCamelContextFullyStarted(CamelContext camelContext, boolean alreadyStarted) {
        // bound by the port's name when the port is not 8080, so found by its kind: the main server's, not management's
        VertxPlatformHttpRouter routes = camelContext.getRegistry().findByType(VertxPlatformHttpRouter.class).stream()
                .filter(VertxPlatformHttpRouter::isMainServer).findFirst().orElse(null);
        if (routes == null) {
            return;
        }
        // the routes hang under the server's own router, which is the one that answers what no route takes
        Object root = routes.getServer() == null || routes.getServer().getServer() == null ? null
                : routes.getServer().getServer().requestHandler();
        if (root instanceof Router router) {
            ERRORS.keySet().forEach(status -> router.errorHandler(status, context -> answer(context, status)));
        } else {
            LOG.warn("The HTTP door's own router was not found: what no route takes (404, 405, 413, 415) is answered"
                    + " by Vert.x, without a JSON body");
        }
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the server is not listening yet: see onCamelContextFullyStarted
    }

    private static String contentType(RoutingContext context) {
        String type = context.request().getHeader("Content-Type");
        return type == null ? "a body without a Content-Type" : "Content-Type '" + Echo.cut(type) + "'";
    }

    private void answer(RoutingContext context, int status) {
        if (context.response().ended() || context.response().closed()) {
            return;
        }
        String where = context.request().method() + " " + Echo.cut(context.request().path());
        String message = switch (status) {
            case 404 -> "nothing answers " + where;
            case 405 -> context.request().method() + " is not taken by " + Echo.cut(context.request().path());
            case 413 -> "the body is over " + maxBodyBytes + " bytes, the most this server reads"
                    + " (camel.server.max-body-size)";
            default -> contentType(context) + " is not read by " + where + "; send JSON (application/json)";
        };
        ObjectNode body = MAPPER.createObjectNode().put("error", ERRORS.get(status)).put("message", message);
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body.toString());
    }
}
