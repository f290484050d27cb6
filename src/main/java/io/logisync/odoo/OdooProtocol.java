package io.logisync.odoo;

import java.util.Locale;

/** The Odoo external API a client speaks; {@link #AUTO} asks the server its version first. */
public enum OdooProtocol {
    /** {@code POST /json/2/<model>/<method>} with a bearer API key (Odoo 19 and later). */
    JSON2,
    /** {@code POST /jsonrpc} with {@code object.execute_kw} (every supported Odoo version; deprecated in 19). */
    JSONRPC,
    /**
     * {@code POST /xmlrpc/2/common} and {@code /xmlrpc/2/object} with {@code execute_kw} (every supported Odoo
     * version; deprecated in 19 like JSON-RPC). Odoo cannot send integers above 2^31-1 nor None over it.
     */
    XMLRPC,
    /** JSON-2 when the server is 19 or later and an API key is configured, JSON-RPC otherwise. */
    AUTO;

    /** Reads {@code json2}, {@code jsonrpc}, {@code xmlrpc} or {@code auto}, in any case, with or without a dash. */
    public static OdooProtocol parse(String text) {
        if (text == null || text.isBlank()) {
            return AUTO;
        }
        String key = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (key) {
            case "json2" -> JSON2;
            case "jsonrpc" -> JSONRPC;
            case "xmlrpc" -> XMLRPC;
            case "auto" -> AUTO;
            default -> throw new IllegalArgumentException(
                    "Unknown Odoo protocol '" + text + "', expected json2, jsonrpc, xmlrpc or auto");
        };
    }

    /** The lower-case name used in URIs and settings. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
