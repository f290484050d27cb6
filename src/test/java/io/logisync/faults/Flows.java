package io.logisync.faults;

import static io.logisync.support.Events.carrier;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.shipment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.logisync.support.Events;
import java.util.List;
import java.util.Map;

/** The events of whole shipment lives, for the fault suite: created, delivered, proof of delivery. */
final class Flows {

    private Flows() {
    }

    /**
     * Each load's shipment (one LINEHAUL charge of 640.00 and one FUEL charge of 1 x 57.60, so 697.60 before tax),
     * its DELIVERED milestone and its POD, load after load, with event ids made from the load reference.
     */
    static ArrayNode lives(String customerCode, List<String> loadRefs) {
        ArrayNode answer = Events.MAPPER.createArrayNode();
        for (String load : loadRefs) {
            answer.add(shipment("s-" + load, load, customerCode, charge("LINEHAUL", "1", "640.00"),
                    charge("FUEL", "1", "57.60")));
            answer.add(delivered("m-" + load, load, "2026-11-02T15:40:00Z"));
            answer.add(pod("p-" + load, load));
        }
        return answer;
    }

    /**
     * A carrier, then, for each load, its assignment to that carrier at an agreed 700.00 USD and the carrier's bill
     * for it at that cost ({@code CI-<load>}), so each bill is booked without an approver.
     */
    static ArrayNode carrierCosts(String carrierCode, List<String> loadRefs) {
        ArrayNode answer = Events.MAPPER.createArrayNode();
        answer.add(carrier("k-" + carrierCode, carrierCode, carrierCode + " Freight Inc."));
        for (String load : loadRefs) {
            answer.add(Events.event("a-" + load, "shipment.assigned", load, Map.of("loadRef", load, "carrierCode",
                    carrierCode, "agreedCost", Map.of("amount", "700.00", "currency", "USD"))));
            answer.add(Events.event("ci-" + load, "carrier.invoice.received", carrierCode, Map.of("carrierCode",
                    carrierCode, "carrierInvoiceNumber", "CI-" + load, "invoiceDate", "2026-11-03", "currency", "USD",
                    "lines", List.of(Map.of("loadRef", load, "chargeCode", "LINEHAUL", "amount", "700.00")),
                    "total", "700.00")));
        }
        return answer;
    }
}
