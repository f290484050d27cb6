package io.logisync.odoo.transport;

import java.util.Set;

/**
 * One Odoo call as errors describe it: which model and method, and whether a lost reply leaves its outcome unknown.
 */
public record Call(String model, String method, boolean stateChanging) {

    // Only these are known not to change data; any other method (including custom ones) is treated as a write,
    // because calling a write "unknown" costs a re-read while calling it "unavailable" risks a duplicate.
    private static final Set<String> READ_ONLY = Set.of(
            "read", "search", "search_read", "search_count", "name_search", "fields_get", "read_group",
            "context_get", "version", "authenticate", "login", "web_read", "web_search_read",
            "formatted_read_group", "default_get", "check_access_rights", "has_access", "search_fetch");

    /** A call on a model method; read-only methods are recognised by name. */
    public static Call of(String model, String method) {
        return new Call(model, method, !READ_ONLY.contains(method));
    }

    /** True when {@code method} is one of the methods known not to change data. */
    public static boolean isReadOnly(String method) {
        return READ_ONLY.contains(method);
    }
}
