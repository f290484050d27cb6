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
    /**
     * A carrier invoice (same carrier and invoice number) sent again with other lines, total or currency than the
     * bill logisync recorded, booked or rejected: nothing is changed until an operator decides.
     */
    public static final String CARRIER_INVOICE_CONFLICT = "CARRIER_INVOICE_CONFLICT";
    /** An event logisync emits for dispatch was not delivered after every retry (webhook or topic). */
    public static final String DISPATCH_UNDELIVERED = "DISPATCH_UNDELIVERED";
    /** The event is valid but breaks a business rule that no later event can fix. */
    public static final String INVALID_DATA = "INVALID_DATA";
    /**
     * A customer or carrier has the tax id of an Odoo partner that belongs to another code; binding it would merge
     * two companies, so nothing is written until the tax id or the partner is corrected.
     */
    public static final String TAX_ID_CONFLICT = "TAX_ID_CONFLICT";
    /** Odoo refused the change with a validation or request error; retrying cannot help. */
    public static final String ODOO_REJECTED = "ODOO_REJECTED";
    /** Odoo stayed unreachable, busy or in conflict after every retry. */
    public static final String ODOO_UNAVAILABLE = "ODOO_UNAVAILABLE";
    /** An unexpected failure inside logisync. */
    public static final String PROCESSING_ERROR = "PROCESSING_ERROR";

    private static final java.util.List<String> ALL = java.util.Arrays.stream(ParkReasons.class.getFields())
            .filter(f -> java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .map(f -> {
                try {
                    return (String) f.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();

    private ParkReasons() {
    }

    /** Every reason above, sorted: read from this class, so a list shown to operators cannot drift from it. */
    public static java.util.List<String> all() {
        return ALL;
    }
}
