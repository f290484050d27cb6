package io.logisync.odoo.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooClients;
import io.logisync.odoo.OdooProtocol;
import io.logisync.odoo.OdooSettings;
import io.logisync.odoo.sim.OdooSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Odoo one contract run talks to and a client for it over one protocol: a fresh simulator, or the real server
 * given by {@code ODOO_URL}, {@code ODOO_DB}, {@code ODOO_USER} and {@code ODOO_API_KEY} (or {@code ODOO_PASSWORD}).
 */
final class ContractOdoo implements AutoCloseable {

    static final String NOT_CONFIGURED = "ODOO_URL not set: contract suite runs against the simulator only";

    private final OdooSimulator simulator;
    private final OdooSettings settings;
    private final OdooClient client;

    private ContractOdoo(OdooSimulator simulator, OdooSettings settings) {
        this.simulator = simulator;
        this.settings = settings;
        this.client = OdooClients.create(settings);
    }

    /** Connects to the target; the real-Odoo target is skipped by assumption when the environment names none. */
    static ContractOdoo open(ContractTarget target, OdooProtocol protocol) {
        return target == ContractTarget.SIMULATOR ? simulated(OdooSimulator.start(0), protocol)
                : real(System.getenv(), protocol);
    }

    /** A run against the given simulator; closing the run stops it. */
    static ContractOdoo simulated(OdooSimulator simulator, OdooProtocol protocol) {
        return new ContractOdoo(simulator, OdooSettings.builder().url(simulator.url())
                .database(simulator.database()).login(simulator.login()).apiKey(simulator.apiKey())
                .protocol(protocol).build());
    }

    static ContractOdoo real(Map<String, String> env, OdooProtocol protocol) {
        assumeTrue(present(env, "ODOO_URL"), NOT_CONFIGURED);
        List<String> missing = new ArrayList<>();
        for (String name : List.of("ODOO_DB", "ODOO_USER")) {
            if (!present(env, name)) {
                missing.add(name);
            }
        }
        if (!present(env, "ODOO_API_KEY") && !present(env, "ODOO_PASSWORD")) {
            missing.add("ODOO_API_KEY or ODOO_PASSWORD");
        }
        if (!missing.isEmpty()) {
            // a half-configured run must fail, not quietly test the simulator only
            throw new IllegalStateException("ODOO_URL is set but " + String.join(", ", missing) + " is not");
        }
        String noKey = "ODOO_API_KEY not set: JSON-2 takes no password, so its contract runs against the simulator only";
        assumeTrue(protocol != OdooProtocol.JSON2 || present(env, "ODOO_API_KEY"), noKey);
        return new ContractOdoo(null, OdooSettings.builder().url(env.get("ODOO_URL")).database(env.get("ODOO_DB"))
                .login(env.get("ODOO_USER")).apiKey(env.get("ODOO_API_KEY")).password(env.get("ODOO_PASSWORD"))
                .protocol(protocol).build());
    }

    private static boolean present(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    OdooClient client() {
        return client;
    }

    boolean isSimulator() {
        return simulator != null;
    }

    /** A new client with the same settings but another secret; the caller closes it. */
    OdooClient clientWithSecret(String secret) {
        return OdooClients.create(OdooSettings.builder().url(settings.url()).database(settings.database())
                .login(settings.login()).apiKey(secret).protocol(settings.protocol()).build());
    }

    @Override
    public void close() {
        client.close();
        if (simulator != null) {
            simulator.close();
        }
    }
}
