package io.logisync.odoo.sim;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooClients;
import io.logisync.odoo.OdooProtocol;
import io.logisync.odoo.OdooSettings;
import java.time.Duration;

/** Real odoo clients pointed at a simulator. */
final class SimClients {

    private SimClients() {
    }

    static OdooClient client(OdooSimulator odoo, OdooProtocol protocol, Duration readTimeout) {
        return OdooClients.create(OdooSettings.builder().url(odoo.url()).database(odoo.database())
                .login(odoo.login()).apiKey(odoo.apiKey()).protocol(protocol)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(readTimeout).build());
    }

    static OdooClient client(OdooSimulator odoo, OdooProtocol protocol) {
        return client(odoo, protocol, Duration.ofSeconds(10));
    }
}
