package io.logisync.invoicing;

import java.math.BigDecimal;

/**
 * A customer document logisync makes in Odoo, as it keeps it: planned first (with its lines), then created, then
 * posted. {@code docRef} is the document's {@code ref} in Odoo, by which it is found again after a lost reply or a
 * restart.
 *
 * @param loadRef the load of a per-shipment invoice or an adjustment; null for a consolidated invoice
 * @param groupKey for a consolidated invoice: customer, contract and period
 * @param originalRef for a supplemental invoice or a credit note: the document it adjusts
 * @param sent true once a create was sent to Odoo, so its lines are no longer re-planned
 */
public record BillingDocument(String docRef, Kind kind, String loadRef, String customerCode, String groupKey,
        String originalRef, Status status, boolean sent, Long odooId, String number, String state, BigDecimal total,
        String currency, String note) {

    /** What the document is for. */
    public enum Kind {
        /** The invoice of one load. */
        INVOICE,
        /** One invoice for the loads of a customer's contract in a day or week. */
        CONSOLIDATED,
        /** What a load is billed on top of its posted invoice. */
        SUPPLEMENT,
        /** What a load is credited of its posted invoice: an {@code out_refund} reversing it. */
        CREDIT_NOTE;

        public String moveType() {
            return this == CREDIT_NOTE ? "out_refund" : "out_invoice";
        }

        public boolean isOriginal() {
            return this == INVOICE || this == CONSOLIDATED;
        }
    }

    /** Where the document stands. */
    public enum Status { PLANNED, CREATED, POSTED, CANCELLED }

    public boolean isInOdoo() {
        return odooId != null;
    }

    /** How messages and narrations name the document: its number once posted, else its reference. */
    public String displayName() {
        return number != null ? number : docRef;
    }
}
