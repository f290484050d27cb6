package io.logisync.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;

/** What becomes of a carrier's bill once accepted: for now it is kept, parked, until vendor billing exists. */
public class CarrierInvoices {

    /** The key parked carrier bills wait for, so that they can be replayed together once vendor billing is built. */
    public static final String WAITING_FOR = "feature:vendor-billing";

    /** Parks the bill with a reason an operator can read; the event itself is kept whole in the parked row. */
    public void awaitVendorBilling(JsonNode event) {
        JsonNode data = event.path("data");
        // Known gap: carrier bills do not become Odoo vendor bills yet; every accepted one is parked until they do.
        throw new ParkException(ParkReasons.AWAITING_VENDOR_BILLING, WAITING_FOR, "carrier " + data.path("carrierCode")
                .asText() + " invoice " + data.path("carrierInvoiceNumber").asText() + " was accepted, but vendor"
                + " billing (carrier bills into Odoo vendor bills) is not built yet; it waits here, parked");
    }
}
