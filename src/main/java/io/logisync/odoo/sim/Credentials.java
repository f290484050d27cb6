package io.logisync.odoo.sim;

import java.util.Objects;

/** The sandbox's database name and the admin user's login, password and API key. */
final class Credentials {

    private final String database;
    private final String login;
    private final String password;
    private volatile String apiKey;

    Credentials(String database, String login, String password, String apiKey) {
        this.database = Objects.requireNonNull(database);
        this.login = Objects.requireNonNull(login);
        this.password = Objects.requireNonNull(password);
        this.apiKey = Objects.requireNonNull(apiKey);
    }

    String database() {
        return database;
    }

    String login() {
        return login;
    }

    String password() {
        return password;
    }

    String apiKey() {
        return apiKey;
    }

    void setApiKey(String key) {
        this.apiKey = Objects.requireNonNull(key);
    }

    /** Over RPC an API key is accepted wherever the password is. */
    boolean acceptsSecret(Object secret) {
        return password.equals(secret) || apiKey.equals(secret);
    }

    boolean acceptsLogin(Object user, Object secret) {
        return login.equals(user) && acceptsSecret(secret);
    }
}
