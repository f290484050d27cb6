package io.logisync.odoo;

import io.logisync.odoo.transport.AutoProtocolClient;
import io.logisync.odoo.transport.HttpTransport;
import io.logisync.odoo.transport.Json2Client;
import io.logisync.odoo.transport.JsonRpcClient;
import io.logisync.odoo.transport.JsonRpcEndpoint;
import io.logisync.odoo.transport.VersionProbe;
import io.logisync.odoo.transport.XmlRpcClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** Creates {@link OdooClient}s from {@link OdooSettings}; the only place that knows the transport classes. */
public final class OdooClients {

    private OdooClients() {
    }

    /**
     * A client for the settings' protocol. Creation does no network I/O: {@code auto} detects the version on the
     * first call. Invalid combinations fail here, e.g. {@code json2} with only a password.
     *
     * @throws IllegalArgumentException when the settings cannot work with the chosen protocol
     */
    public static OdooClient create(OdooSettings settings) {
        Clock clock = Clock.systemUTC();
        return switch (settings.protocol()) {
            case JSON2 -> {
                if (!settings.hasApiKey()) {
                    throw new IllegalArgumentException("Odoo protocol json2 needs an apiKey, but only a password is "
                            + "configured; set an API key or use protocol jsonrpc or auto");
                }
                yield new Json2Client(settings, new HttpTransport(settings), clock);
            }
            case JSONRPC -> new JsonRpcClient(settings, new HttpTransport(settings), clock);
            case XMLRPC -> new XmlRpcClient(settings, new HttpTransport(settings), clock);
            case AUTO -> settings.hasApiKey()
                    ? new AutoProtocolClient(settings, new HttpTransport(settings), clock)
                    // JSON-2 takes no password, so without a key there is nothing to detect
                    : new JsonRpcClient(settings.withProtocol(OdooProtocol.JSONRPC), new HttpTransport(settings),
                            clock);
        };
    }

    /** Wraps a client so that each call is counted and timed in {@code registry}; see {@link MeteredOdooClient}. */
    public static OdooClient metered(OdooClient client, MeterRegistry registry) {
        return new MeteredOdooClient(client, registry);
    }

    /** Asks the server now which protocol {@code auto} would use; never returns {@link OdooProtocol#AUTO}. */
    public static OdooProtocol detectProtocol(OdooSettings settings) {
        if (settings.protocol() != OdooProtocol.AUTO) {
            return settings.protocol();
        }
        if (!settings.hasApiKey()) {
            return OdooProtocol.JSONRPC;
        }
        HttpTransport http = new HttpTransport(settings);
        int major = VersionProbe.detect(http, new JsonRpcEndpoint(http, Clock.systemUTC())).major();
        return AutoProtocolClient.choose(major, true);
    }
}
