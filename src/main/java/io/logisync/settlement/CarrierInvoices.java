package io.logisync.settlement;

/**
 * Carrier bills parked before vendor billing was built: they wait for {@link #WAITING_FOR}, which is woken once at
 * start (and always counts as arrived for the sweep), so every such bill is replayed into a vendor bill.
 */
public final class CarrierInvoices {

    /** The key carrier bills parked as {@code AWAITING_VENDOR_BILLING} wait for. */
    public static final String WAITING_FOR = "feature:vendor-billing";

    private CarrierInvoices() {
    }
}
