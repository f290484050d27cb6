package io.logisync.odoo.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP server on loopback that answers like an Odoo 19 server (JSON-2, JSON-RPC, XML-RPC, /web/version), over
 * an in-memory database seeded as a fresh accounting database. For tests, and as a sandbox without a real Odoo.
 *
 * <pre>{@code
 * try (OdooSimulator odoo = OdooSimulator.start(0)) {
 *     // POST odoo.url() + "/json/2/res.partner/search_read" with "Authorization: bearer " + odoo.apiKey()
 * }
 * }</pre>
 */
public final class OdooSimulator implements AutoCloseable {

    /** The sandbox API key unless another is set. */
    public static final String DEFAULT_API_KEY = "logisync-sandbox-api-key";

    private final SimulatorStore store;
    private final Credentials credentials;
    private final CallPolicy policy;
    private final HttpFront front;
    private final SimulatorFaults faults;

    private OdooSimulator(Builder builder) {
        this.credentials = new Credentials(builder.database, builder.login, builder.password, builder.apiKey);
        this.store = SimulatorStore.empty(builder.login, builder.clock);
        FaultRules rules = new FaultRules();
        this.policy = new CallPolicy(rules);
        policy.setLatency(builder.latency);
        store.seedDefaults();
        try {
            this.front = new HttpFront(builder.port, new ExternalApi(store, credentials, policy));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Odoo simulator on port " + builder.port, e);
        }
        this.faults = new SimulatorFaults(rules, front.downtime());
        if (builder.seed != null) {
            faults.seed(builder.seed);
        }
        builder.faults.forEach(faults::inject);
        if (builder.downtime != null) {
            faults.downLater(builder.downtime.after(), builder.downtime.duration(), builder.downtime.outage());
        }
    }

    /** Starts a simulator with the default sandbox settings on {@code port} (0 picks a free port). */
    public static OdooSimulator start(int port) {
        return builder().port(port).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8069}. */
    public String url() {
        return "http://127.0.0.1:" + front.port();
    }

    public int port() {
        return front.port();
    }

    public String database() {
        return credentials.database();
    }

    public String login() {
        return credentials.login();
    }

    public String password() {
        return credentials.password();
    }

    /** The admin user's API key: the JSON-2 bearer token, also accepted as the RPC password. */
    public String apiKey() {
        return credentials.apiKey();
    }

    public void setApiKey(String apiKey) {
        credentials.setApiKey(apiKey);
    }

    /** The admin user's id, as {@code authenticate} returns it. */
    public long uid() {
        return Env.ADMIN;
    }

    public SimulatorStore store() {
        return store;
    }

    /** The calls answered so far, oldest first (the most recent 100 000 at most). */
    public List<SimulatorCall> calls() {
        return front.calls();
    }

    public void clearCalls() {
        front.clearCalls();
    }

    public Latency latency() {
        return policy.latency();
    }

    /** Changes the delay of the next calls. */
    public void setLatency(Latency latency) {
        policy.setLatency(latency);
    }

    /** The fault rules and downtimes of this simulator, to change while it runs. */
    public SimulatorFaults faults() {
        return faults;
    }

    @Override
    public void close() {
        front.close();
    }

    /** Settings of a simulator to start. */
    public static final class Builder {
        private int port;
        private String database = "logisync-sandbox";
        private String login = "admin";
        private String password = "admin";
        private String apiKey = DEFAULT_API_KEY;
        private Latency latency = Latency.NONE;
        private Clock clock = Clock.systemUTC();
        private Long seed;
        private final List<Fault> faults = new ArrayList<>();
        private SimulatorProperties.PlannedDowntime downtime;

        private Builder() {
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder database(String value) {
            this.database = value;
            return this;
        }

        public Builder login(String value) {
            this.login = value;
            return this;
        }

        public Builder password(String value) {
            this.password = value;
            return this;
        }

        public Builder apiKey(String value) {
            this.apiKey = value;
            return this;
        }

        /** A fixed delay on every call plus a delay per record for {@code create} and {@code action_post}. */
        public Builder latency(long fixedMillis, long perRecordMillis) {
            this.latency = new Latency(fixedMillis, perRecordMillis);
            return this;
        }

        /** The delays of every call, including per-method costs per record. */
        public Builder latency(Latency value) {
            this.latency = value == null ? Latency.NONE : value;
            return this;
        }

        /** A fault rule armed from the start. */
        public Builder fault(Fault value) {
            this.faults.add(value);
            return this;
        }

        /** The seed of the random draws of probable faults, so that a run can be repeated. */
        public Builder faultSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Latency, seed and fault rules from flat properties ({@code latency.fixed-ms}, {@code latency.per-record-ms},
         * {@code latency.per-record-ms.<method>}, {@code faults.seed}, {@code fault.<name>.kind|model|method|times|
         * probability|retry-after-s|delay-ms}, {@code downtime.after-ms|for-ms|outage}); other keys, such as
         * {@code port}, are ignored.
         *
         * @throws IllegalArgumentException for an unknown or malformed latency or fault property
         */
        public Builder configure(Map<String, String> properties) {
            SimulatorProperties parsed = SimulatorProperties.parse(properties);
            if (parsed.latency() != null) {
                this.latency = parsed.latency();
            }
            if (parsed.seed() != null) {
                this.seed = parsed.seed();
            }
            this.faults.addAll(parsed.faults());
            if (parsed.downtime() != null) {
                this.downtime = parsed.downtime();
            }
            return this;
        }

        /** The clock for create/write dates and for "today"; tests may freeze it. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public OdooSimulator start() {
            return new OdooSimulator(this);
        }
    }
}
