package io.logisync.odoo;

/** A many2one value as Odoo reads it: the id of the related record and its display name. */
public record Many2one(long id, String displayName) {
}
