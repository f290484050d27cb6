package io.logisync.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The ports logisync's HTTP servers are to listen on (the door, {@code camel.server.port}; the management port,
 * {@code camel.management.port}), checked before the servers start. Camel's Vert.x server logs a port it cannot
 * listen on and carries on, so logisync would run with no door while its readiness check said UP; a port that is not
 * a number would be taken as 0, a random port. Either fails the start here instead, naming the setting.
 */
final class HttpPorts {

    private HttpPorts() {
    }

    /** Called once logisync's own listeners (the Odoo sandbox) are up, just before Camel starts its servers. */
    static void requireFree(Settings settings) {
        check(settings, "camel.server");
        check(settings, "camel.management");
    }

    private static void check(Settings settings, String server) {
        if (!settings.getBoolean(server + ".enabled", false)) {
            return;
        }
        String key = server + ".port";
        int port = settings.getInt(key, 0, 0, 65_535);
        if (port == 0) {
            return;
        }
        String host = settings.get(server + ".host", "0.0.0.0");
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException(key + ": logisync cannot listen on " + host + ":" + port + " ("
                    + e.getMessage() + "); another process holds the port, or the sandbox was given it"
                    + " (logisync.sandbox.port)");
        }
    }
}
