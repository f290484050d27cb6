package io.logisync.contract;

/** How a contract wants its shipments invoiced: one invoice each, or consolidated per customer and period. */
public enum InvoiceGrouping {
    PER_SHIPMENT,
    DAILY,
    WEEKLY
}
