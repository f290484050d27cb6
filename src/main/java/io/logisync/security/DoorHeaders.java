package io.logisync.security;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Which headers pass logisync's HTTP door (every {@code platform-http} route: the event API, the operator APIs, the
 * carriers' webhooks), on top of Camel's HTTP rules (no {@code Camel*} header either way).
 *
 * <p>In: no request header or query parameter named {@code Logisync*} becomes a message header, since those steer
 * the routes (a parked row's id, a release gate's answer) and only logisync may set them. Out: an answer carries only
 * the headers logisync means to send (content type, caching, {@code Retry-After}, the authentication challenge and
 * the browser hardening of the console page); without this, every request header and query parameter was echoed
 * back, and the routes' own headers with them.
 */
public final class DoorHeaders extends HttpHeaderFilterStrategy {

    private static final String OWN = "logisync";
    private static final Set<String> ANSWERED = Set.of("content-type", "cache-control", "retry-after",
            "www-authenticate", "allow", "location", "content-disposition", "x-content-type-options",
            "x-frame-options");

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return headerName.regionMatches(true, 0, OWN, 0, OWN.length())
                || super.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !ANSWERED.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
