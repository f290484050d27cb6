package io.logisync.odoo.sim;

/** Odoo field types the simulator models. */
enum FieldType {
    CHAR, TEXT, HTML, INTEGER, FLOAT, MONETARY, BOOLEAN, DATE, DATETIME, SELECTION,
    MANY2ONE, ONE2MANY, MANY2MANY, BINARY, JSON;

    /** The name {@code fields_get} reports. */
    String odooName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean isX2Many() {
        return this == ONE2MANY || this == MANY2MANY;
    }

    boolean isRelational() {
        return this == MANY2ONE || isX2Many();
    }

    boolean isNumeric() {
        return this == INTEGER || this == FLOAT || this == MONETARY;
    }

    boolean isText() {
        return this == CHAR || this == TEXT || this == HTML || this == SELECTION;
    }
}
