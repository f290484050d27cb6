package io.logisync.contract;

/** What a contract rate is charged per: the charge's quantity is counted in this unit. */
public enum RateUnit {
    /** Once per shipment; the quantity is normally 1. */
    FLAT,
    MILE,
    KM,
    HOUR,
    STOP,
    KG
}
