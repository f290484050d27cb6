package io.logisync.odoo;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Odoo database: where, as whom, over which protocol, and with which default context.
 *
 * <p>The API key (or password) never appears in {@link #toString()}; equality still includes it.
 */
public record OdooSettings(String url, String database, String login, String apiKey, String password,
        OdooProtocol protocol, Duration connectTimeout, Duration readTimeout, OdooContext defaultContext) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    public OdooSettings {
        url = checkUrl(url);
        database = blankToNull(database);
        login = blankToNull(login);
        apiKey = blankToNull(apiKey);
        password = blankToNull(password);
        protocol = protocol == null ? OdooProtocol.AUTO : protocol;
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
        readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT, "readTimeout");
        defaultContext = defaultContext == null ? OdooContext.DEFAULT : defaultContext;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The secret sent to Odoo: the API key when there is one (it also works as a JSON-RPC password). */
    public String secret() {
        return apiKey != null ? apiKey : password;
    }

    public boolean hasApiKey() {
        return apiKey != null;
    }

    /** A copy speaking the given protocol, as {@link OdooProtocol#AUTO} resolves to. */
    public OdooSettings withProtocol(OdooProtocol chosen) {
        return new OdooSettings(url, database, login, apiKey, password, chosen, connectTimeout, readTimeout,
                defaultContext);
    }

    @Override
    public String toString() {
        return "OdooSettings[url=" + url + ", database=" + database + ", login=" + login
                + ", apiKey=" + mask(apiKey) + ", password=" + mask(password) + ", protocol=" + protocol.wireName()
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", defaultContext=" + defaultContext + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "none" : "***";
    }

    private static String checkUrl(String url) {
        Objects.requireNonNull(url, "Odoo url is required");
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            // the reason and where, not the url itself: it may hold a password
            throw new IllegalArgumentException("Odoo url is not a valid URI: " + e.getReason() + " at character "
                    + (e.getIndex() + 1), e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            // what comes before an @ is left out: it may be a password
            throw new IllegalArgumentException("Odoo url must be http(s)://host[:port][/path], but was '"
                    + trimmed.substring(trimmed.lastIndexOf('@') + 1) + "'");
        }
        // the url is printed in logs and errors, so it must not carry credentials
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Odoo url must not contain credentials; use login and apiKey");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Odoo url must not have a query or fragment");
        }
        return trimmed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    /** Fluent builder; only {@code url} and a secret are required. */
    public static final class Builder {
        private String url;
        private String database;
        private String login;
        private String apiKey;
        private String password;
        private OdooProtocol protocol = OdooProtocol.AUTO;
        private Duration connectTimeout;
        private Duration readTimeout;
        private OdooContext defaultContext;

        private Builder() {
        }

        public Builder url(String value) {
            this.url = value;
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

        public Builder apiKey(String value) {
            this.apiKey = value;
            return this;
        }

        public Builder password(String value) {
            this.password = value;
            return this;
        }

        public Builder protocol(OdooProtocol value) {
            this.protocol = value;
            return this;
        }

        public Builder protocol(String value) {
            this.protocol = OdooProtocol.parse(value);
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        public Builder defaultContext(OdooContext value) {
            this.defaultContext = value;
            return this;
        }

        public OdooSettings build() {
            return new OdooSettings(url, database, login, apiKey, password, protocol, connectTimeout, readTimeout,
                    defaultContext);
        }
    }
}
