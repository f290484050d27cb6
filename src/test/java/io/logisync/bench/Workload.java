package io.logisync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's events: master data first (customers, their contracts, carriers), then each shipment's whole life
 * in three requests: created, assigned, three milestones up to DELIVERED and a detention the contract approves on
 * its own; then its POD (which releases its invoice: linehaul, fuel and detention, three lines); then its carrier's
 * bill. Eight events a shipment.
 */
final class Workload {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final int EVENTS_PER_SHIPMENT = 8;
    /** Detention 14:00 to 16:30 at the delivery stop: 150 min - 120 free = 30 min, 0.5 h x 75.00. */
    static final String DETENTION_AMOUNT = "37.50";
    static final String LINEHAUL = "1450.00";
    static final String FUEL = "112.40";

    private final String run;
    private final int customers;
    private final int carriers;

    Workload(String run, int customers, int carriers) {
        this.run = run;
        this.customers = customers;
        this.carriers = carriers;
    }

    /** The same customers and carriers, with loads of other references: shipments to warm the JVM up with. */
    Workload forWarmup() {
        return new Workload(run + "w", customers, carriers);
    }

    String customerOf(int shipment) {
        return "CUST" + (shipment % customers);
    }

    String carrierOf(int shipment) {
        return "CARR" + (shipment % carriers);
    }

    String loadOf(int shipment) {
        return "L" + run + "-" + shipment;
    }

    /** Customers, one contract each, carriers. */
    ArrayNode masterData() {
        ArrayNode answer = MAPPER.createArrayNode();
        for (int c = 0; c < customers; c++) {
            String code = "CUST" + c;
            answer.add(event("cu-" + c, "customer.upserted", code, Map.of("code", code, "name", "Customer " + c
                    + " Inc.", "taxId", "US 12-345 " + (1000 + c), "email", "ap@cust" + c + ".example.com",
                    "address", Map.of("street", c + " Sample Street", "city", "Detroit", "postalCode", "48201",
                            "country", "US"))));
            Map<String, Object> contract = new LinkedHashMap<>();
            contract.put("code", "K-" + code);
            contract.put("customerCode", code);
            contract.put("version", 1);
            contract.put("effectiveFrom", "2026-01-01");
            contract.put("currency", "USD");
            contract.put("invoiceGrouping", "PER_SHIPMENT");
            contract.put("rates", List.of(Map.of("chargeCode", "LINEHAUL", "unit", "MILE", "rate", "2.85")));
            contract.put("accessorialRules", List.of(Map.of("code", "DETENTION", "freeMinutes", 120,
                    "ratePerHour", "75.00", "roundUpToMinutes", 15, "capAmount", "600.00",
                    "autoApproveUpTo", "100.00")));
            answer.add(event("k-" + c, "contract.upserted", "K-" + code, contract));
        }
        for (int c = 0; c < carriers; c++) {
            String code = "CARR" + c;
            answer.add(event("ca-" + c, "carrier.upserted", code, Map.of("code", code, "name", "Carrier " + c
                    + " LLC", "scac", "CR" + (char) ('A' + c % 26) + (char) ('A' + c / 26 % 26), "taxId",
                    "US 98-765 " + (1000 + c), "email", "billing@carr" + c + ".example.com", "address",
                    Map.of("street", c + " Sample Road", "city", "Chicago", "country", "US"))));
        }
        return answer;
    }

    /** Created, assigned, DEPARTED_PICKUP, ARRIVED_DELIVERY, DELIVERED and a detention: one request. */
    ArrayNode beforePod(int shipment) {
        String load = loadOf(shipment);
        ArrayNode answer = MAPPER.createArrayNode();
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("loadRef", load);
        created.put("customerCode", customerOf(shipment));
        created.put("contractCode", "K-" + customerOf(shipment));
        created.put("stops", List.of(
                Map.of("sequence", 1, "kind", "PICKUP", "city", "Chicago", "country", "US",
                        "appointmentFrom", "2026-11-02T08:00:00-06:00"),
                Map.of("sequence", 2, "kind", "DELIVERY", "city", "Detroit", "country", "US")));
        created.put("charges", List.of(Map.of("chargeCode", "LINEHAUL", "quantity", "1", "rate", LINEHAUL),
                Map.of("chargeCode", "FUEL", "quantity", "1", "rate", FUEL)));
        created.put("currency", "USD");
        answer.add(event("s-" + load, "shipment.created", load, created));
        answer.add(event("as-" + load, "shipment.assigned", load, Map.of("loadRef", load, "carrierCode",
                carrierOf(shipment), "agreedCost", Map.of("amount", "1100.00", "currency", "USD"))));
        answer.add(milestone("m1-" + load, load, "DEPARTED_PICKUP", "2026-11-02T15:10:00Z", 1));
        answer.add(milestone("m2-" + load, load, "ARRIVED_DELIVERY", "2026-11-02T20:00:00Z", 2));
        answer.add(milestone("m3-" + load, load, "DELIVERED", "2026-11-02T22:30:00Z", 2));
        answer.add(event("ac-" + load, "accessorial.proposed", load, Map.of("accessorialId", "A" + load,
                "loadRef", load, "code", "DETENTION", "stopSequence", 2, "arrivedAt", "2026-11-02T14:00:00-06:00",
                "departedAt", "2026-11-02T16:30:00-06:00")));
        return answer;
    }

    ArrayNode pod(int shipment) {
        String load = loadOf(shipment);
        return MAPPER.createArrayNode().add(event("p-" + load, "pod.received", load, Map.of("loadRef", load,
                "signedAt", "2026-11-02T22:35:00Z", "documents", List.of(Map.of("fileName", "pod.pdf",
                        "mimeType", "application/pdf", "url", "https://tms.example.com/pod/" + load + ".pdf")))));
    }

    ArrayNode carrierBill(int shipment) {
        String load = loadOf(shipment);
        String carrier = carrierOf(shipment);
        return MAPPER.createArrayNode().add(event("cb-" + load, "carrier.invoice.received", carrier, Map.of(
                "carrierCode", carrier, "carrierInvoiceNumber", "INV-" + load, "invoiceDate", "2026-11-04",
                "currency", "USD", "lines", List.of(Map.of("loadRef", load, "chargeCode", "LINEHAUL", "amount",
                        "1100.00")), "total", "1100.00")));
    }

    private static ObjectNode milestone(String id, String load, String code, String at, int stop) {
        return event(id, "milestone.recorded", load, Map.of("loadRef", load, "code", code, "occurredAt", at,
                "stopSequence", stop));
    }

    static ObjectNode event(String id, String type, String subject, Map<String, ?> data) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "tms/main");
        event.put("type", "logistics." + type + ".v1");
        event.put("subject", subject);
        event.put("time", "2026-11-02T14:05:00-06:00");
        event.set("data", MAPPER.valueToTree(data));
        return event;
    }

    static List<ObjectNode> all(ArrayNode events) {
        List<ObjectNode> answer = new ArrayList<>();
        events.forEach(e -> answer.add((ObjectNode) e));
        return answer;
    }
}
