package io.logisync.odoo.transport;

import java.util.regex.Pattern;

/** Checks model and method names before they become part of a URL or an RPC call. */
final class OdooNames {

    private static final Pattern MODEL = Pattern.compile("[a-zA-Z0-9_]+(\\.[a-zA-Z0-9_]+)*");
    private static final Pattern METHOD = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private OdooNames() {
    }

    static void check(String model, String method) {
        if (model == null || !MODEL.matcher(model).matches()) {
            throw new IllegalArgumentException("Not an Odoo model name: '" + model + "'");
        }
        if (method == null || !METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("Not an Odoo method name: '" + method + "'");
        }
    }
}
