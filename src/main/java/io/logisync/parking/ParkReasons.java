package io.logisync.parking;

/** The reasons a message is parked for, as operators see them. */
public final class ParkReasons {

    /** The customer named by the event is not known in Odoo yet. */
    public static final String AWAITING_CUSTOMER = "AWAITING_CUSTOMER";
    /** A charge code has no product in the charge mapping table. */
    public static final String AWAITING_CHARGE_MAPPING = "AWAITING_CHARGE_MAPPING";
    /** A charge has neither rate nor amount and no contract can price it. */
    public static final String AWAITING_CONTRACT = "AWAITING_CONTRACT";
    /** An accessorial or shipment change names a load whose shipment.created has not arrived yet. */
    public static final String AWAITING_SHIPMENT = "AWAITING_SHIPMENT";
    /** A decision names an accessorial whose proposal has not arrived yet. */
    public static final String AWAITING_ACCESSORIAL = "AWAITING_ACCESSORIAL";
    /** The fuel price index has no price for the shipment's pickup date in configuration. */
    public static final String AWAITING_FUEL_PRICE = "AWAITING_FUEL_PRICE";
    /** The shipment is ready to bill, and finance approval is required before its invoice is made. */
    public static final String AWAITING_FINANCE_APPROVAL = "AWAITING_FINANCE_APPROVAL";
    /** An accessorial has waited for a decision longer than the configured limit. */
    public static final String ACCESSORIAL_PENDING = "ACCESSORIAL_PENDING";
    /**
     * A carrier's bill parked before vendor billing was built; such rows are replayed into vendor bills at start
     * (they wait for {@code feature:vendor-billing}). Nothing is parked with this reason any more.
     */
    public static final String AWAITING_VENDOR_BILLING = "AWAITING_VENDOR_BILLING";
    /** The carrier named by the event has no vendor partner in Odoo yet (no carrier.upserted applied). */
    public static final String AWAITING_CARRIER = "AWAITING_CARRIER";
    /**
     * A carrier's bill differs from the cost agreed at assignment by more than the tolerance, or names a load with
     * no assignment: it waits for an approver to approve or reject it before a vendor bill is made.
     */
    public static final String AWAITING_SETTLEMENT_APPROVAL = "AWAITING_SETTLEMENT_APPROVAL";
    /** The event is valid but breaks a business rule that no later event can fix. */
    public static final String INVALID_DATA = "INVALID_DATA";
    /** Odoo refused the change with a validation or request error; retrying cannot help. */
    public static final String ODOO_REJECTED = "ODOO_REJECTED";
    /** Odoo stayed unreachable, busy or in conflict after every retry. */
    public static final String ODOO_UNAVAILABLE = "ODOO_UNAVAILABLE";
    /** An unexpected failure inside logisync. */
    public static final String PROCESSING_ERROR = "PROCESSING_ERROR";

    private ParkReasons() {
    }
}
