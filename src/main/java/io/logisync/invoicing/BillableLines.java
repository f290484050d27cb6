package io.logisync.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.accessorial.Accessorial;
import io.logisync.accessorial.AccessorialStore;
import io.logisync.invoicing.BillingStore.ShipmentBilling;
import io.logisync.shipment.Charge;
import io.logisync.shipment.ChargeCatalog;
import io.logisync.store.ShipmentStore;
import io.logisync.store.ShipmentStore.Shipment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a load is to be billed now: the charges of shipment.created (or the last shipment.updated), its fuel
 * surcharge, and every approved accessorial. A cancelled load keeps only its approved accessorials and, when the
 * carrier had been dispatched and the contract prices it, its truck-order-not-used charge.
 */
public class BillableLines {

    private final ShipmentStore shipments;
    private final BillingStore billing;
    private final AccessorialStore accessorials;
    private final ObjectMapper mapper;
    private final ChargeCatalog catalog;

    public BillableLines(ShipmentStore shipments, BillingStore billing, AccessorialStore accessorials,
            ObjectMapper mapper, ChargeCatalog catalog) {
        this.catalog = catalog;
        this.shipments = shipments;
        this.billing = billing;
        this.accessorials = accessorials;
        this.mapper = mapper;
    }

    public List<BillLine> of(String loadRef) {
        List<BillLine> answer = new ArrayList<>();
        Optional<ShipmentBilling> state = billing.shipment(loadRef);
        boolean cancelled = state.map(ShipmentBilling::isCancelled).orElse(false);
        Optional<Shipment> shipment = shipments.find(loadRef).filter(Shipment::isCreated);
        if (!cancelled && shipment.isPresent()) {
            answer.addAll(charges(loadRef, shipment.get()));
            state.map(ShipmentBilling::fuelLine).ifPresent(answer::add);
        }
        if (cancelled && state.get().cancelLine() != null) {
            answer.add(state.get().cancelLine());
        }
        for (Accessorial accessorial : accessorials.ofLoad(loadRef)) {
            // a stop within its free time is approved at nothing, and puts no line on the invoice
            if (accessorial.isApproved() && accessorial.amount().signum() != 0) {
                answer.add(accessorial.line());
            }
        }
        return answer;
    }

    /** One line per charge, keyed by its code and its place among charges of that code. */
    private List<BillLine> charges(String loadRef, Shipment shipment) {
        JsonNode charges;
        try {
            charges = mapper.readTree(shipment.charges());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("charges of load " + loadRef + " cannot be read", e);
        }
        List<BillLine> answer = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode node : charges) {
            Charge charge = Charge.from(node);
            int occurrence = seen.merge(charge.chargeCode(), 1, Integer::sum);
            // a charge without a description is labelled by the product that bills it
            String productName = charge.description() == null ? catalog.productName(charge.chargeCode())
                    .orElse(null) : null;
            answer.add(BillLine.ofCharge("charge:" + charge.chargeCode() + "#" + occurrence, loadRef, charge,
                    productName));
        }
        return answer;
    }
}
