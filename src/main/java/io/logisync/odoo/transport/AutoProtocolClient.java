package io.logisync.odoo.transport;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooProtocol;
import io.logisync.odoo.OdooSettings;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks JSON-2 or JSON-RPC from the server's version on first use, so that creating a client (and starting a route)
 * never needs Odoo to be up; a failed detection is retried on the next call.
 */
public final class AutoProtocolClient implements OdooClient {

    private static final Logger LOG = LoggerFactory.getLogger(AutoProtocolClient.class);
    private static final int FIRST_JSON2_MAJOR = 19;

    private final OdooSettings settings;
    private final HttpTransport http;
    private final Clock clock;
    private volatile OdooClient delegate;
    private volatile OdooProtocol chosen;

    public AutoProtocolClient(OdooSettings settings, HttpTransport http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /** JSON-2 from Odoo 19 on, and only with an API key (JSON-2 refuses passwords); JSON-RPC otherwise. */
    public static OdooProtocol choose(int major, boolean hasApiKey) {
        return major >= FIRST_JSON2_MAJOR && hasApiKey ? OdooProtocol.JSON2 : OdooProtocol.JSONRPC;
    }

    /** The protocol in use, detecting it now if no call did yet. */
    public OdooProtocol protocol() {
        delegate();
        return chosen;
    }

    @Override
    public Object execute(String model, String method, Map<String, Object> params, OdooContext context) {
        return delegate().execute(model, method, params, context);
    }

    @Override
    public String serverVersion() {
        return delegate().serverVersion();
    }

    private OdooClient delegate() {
        OdooClient known = delegate;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (delegate == null) {
                // Known gap: a failed detection names web.version or common.version, not the caller's model.method.
                ServerVersion version = VersionProbe.detect(http, new JsonRpcEndpoint(http, clock));
                OdooProtocol protocol = choose(version.major(), settings.hasApiKey());
                OdooSettings resolved = settings.withProtocol(protocol);
                LOG.info("Odoo at {} is {}; using {}", settings.url(), version.version(), protocol.wireName());
                delegate = protocol == OdooProtocol.JSON2 ? new Json2Client(resolved, http, clock)
                        : new JsonRpcClient(resolved, http, clock);
                chosen = protocol;
            }
            return delegate;
        }
    }

    @Override
    public void close() {
        OdooClient known = delegate;
        if (known != null) {
            known.close();
        }
    }

    @Override
    public String toString() {
        OdooProtocol known = chosen;
        return "AutoProtocolClient[" + settings.url() + ", protocol=" + (known == null ? "undetected"
                : known.wireName()) + "]";
    }
}
