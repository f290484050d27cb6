package io.logisync.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Builds canonical events for tests. */
public final class Events {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Events() {
    }

    public static ObjectNode event(String id, String type, String subject, Map<String, ?> data) {
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

    /** A customer whose tax id is its own (one per code), since customers sharing a tax id share a partner. */
    public static ObjectNode customer(String id, String code, String name) {
        return event(id, "customer.upserted", code, Map.of("code", code, "name", name, "taxId", taxIdOf(code),
                "email", " AP@Example.COM ", "address", Map.of("street", "1 Sample Street", "city", "Detroit",
                        "postalCode", "48201", "country", "US")));
    }

    /** A tax id in the US style, the same for a code every time: ACME's is {@code US 12-345 6789}. */
    public static String taxIdOf(String code) {
        int digits = "ACME".equals(code) ? 6789 : Math.floorMod(code.hashCode(), 9000) + 1000;
        return "US 12-345 " + digits;
    }

    public static ObjectNode shipment(String id, String loadRef, String customerCode, Object... charges) {
        return event(id, "shipment.created", loadRef, Map.of("loadRef", loadRef, "customerCode", customerCode,
                "stops", new Object[] {
                    Map.of("sequence", 1, "kind", "PICKUP", "city", "Chicago", "country", "US"),
                    Map.of("sequence", 2, "kind", "DELIVERY", "city", "Detroit", "country", "US")},
                "charges", charges, "currency", "USD"));
    }

    public static Map<String, Object> charge(String code, String quantity, String rate) {
        return Map.of("chargeCode", code, "quantity", quantity, "rate", rate);
    }

    public static ObjectNode delivered(String id, String loadRef, String at) {
        return event(id, "milestone.recorded", loadRef, Map.of("loadRef", loadRef, "code", "DELIVERED",
                "occurredAt", at, "stopSequence", 2));
    }

    public static ObjectNode pod(String id, String loadRef) {
        return event(id, "pod.received", loadRef, Map.of("loadRef", loadRef, "signedAt", "2026-11-02T16:00:00Z",
                "documents", new Object[] {Map.of("fileName", "pod.pdf", "mimeType", "application/pdf",
                        "url", "https://tms.example.com/pod/" + loadRef + ".pdf")}));
    }

    /** A carrier with an address in Chicago. */
    public static ObjectNode carrier(String id, String code, String name) {
        return event(id, "carrier.upserted", code, Map.of("code", code, "name", name, "scac", "ACFR",
                "taxId", taxIdOf("carrier " + code), "email", "billing@" + code.toLowerCase() + ".example.com",
                "address", Map.of("street", "9 Sample Road", "city", "Chicago", "country", "US")));
    }

    /**
     * A contract version for a customer with the given rates ({@code chargeCode, unit, rate} triples), billed in USD
     * per shipment, with no end date unless {@code effectiveTo} is set, and no fuel table ({@link #withFuel}).
     */
    public static ObjectNode contract(String id, String code, String customerCode, int version, String effectiveFrom,
            String effectiveTo, String... rates) {
        java.util.List<Map<String, Object>> rateList = new java.util.ArrayList<>();
        for (int i = 0; i < rates.length; i += 3) {
            rateList.add(Map.of("chargeCode", rates[i], "unit", rates[i + 1], "rate", rates[i + 2]));
        }
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("code", code);
        data.put("customerCode", customerCode);
        data.put("version", version);
        data.put("effectiveFrom", effectiveFrom);
        if (effectiveTo != null) {
            data.put("effectiveTo", effectiveTo);
        }
        data.put("currency", "USD");
        data.put("invoiceGrouping", "PER_SHIPMENT");
        data.put("rates", rateList);
        data.put("accessorialRules", java.util.List.of(Map.of("code", "DETENTION", "freeMinutes", 120,
                "ratePerHour", "75.00", "roundUpToMinutes", 15, "capAmount", "600.00")));
        return event(id, "contract.upserted", code, data);
    }

    /**
     * Contract C-ACME of customer ACME with linehaul at 2.85 a mile and accessorial rules: detention 2 h free then
     * 75.00 an hour by started quarter hour, capped at 600.00, approved on its own up to 100.00; waiting 1 h free then
     * 50.00 an hour by started quarter hour, approved on its own up to 100.00; lumper 95.00 flat; truck order not used
     * 250.00 flat. Invoiced as {@code grouping} says.
     */
    public static ObjectNode accessorialContract(String grouping) {
        ObjectNode contract = contract("k-acc", "C-ACME", "ACME", 1, "2026-01-01", null, "LINEHAUL", "MILE", "2.85");
        ObjectNode data = (ObjectNode) contract.get("data");
        data.put("invoiceGrouping", grouping);
        data.set("accessorialRules", MAPPER.valueToTree(java.util.List.of(
                Map.of("code", "DETENTION", "freeMinutes", 120, "ratePerHour", "75.00", "roundUpToMinutes", 15,
                        "capAmount", "600.00", "autoApproveUpTo", "100.00"),
                Map.of("code", "WAITING", "freeMinutes", 60, "ratePerHour", "50.00", "roundUpToMinutes", 15,
                        "autoApproveUpTo", "100.00"),
                Map.of("code", "LUMPER", "flatAmount", "95.00"),
                Map.of("code", "TONU", "flatAmount", "250.00"))));
        return contract;
    }

    /**
     * The contract with a fuel table on the DOE-US-DIESEL index: 10 % from 3.00 up to 3.50, 12.5 % from 3.50 up to
     * 4.00. Shipments rated under it need a fuel price for their pickup date.
     */
    public static ObjectNode withFuel(ObjectNode contract) {
        ((ObjectNode) contract.get("data")).set("fuel", MAPPER.valueToTree(Map.of("index", "DOE-US-DIESEL",
                "bands", java.util.List.of(Map.of("fromPrice", "3.00", "toPrice", "3.50", "percent", "10"),
                        Map.of("fromPrice", "3.50", "toPrice", "4.00", "percent", "12.5")))));
        return contract;
    }

    /** A shipment whose first pickup is at the given appointment, with a charge the contract must rate. */
    public static ObjectNode shipmentPickedUp(String id, String loadRef, String customerCode, String appointment,
            Object... charges) {
        return event(id, "shipment.created", loadRef, Map.of("loadRef", loadRef, "customerCode", customerCode,
                "stops", new Object[] {
                    Map.of("sequence", 1, "kind", "PICKUP", "city", "Chicago", "country", "US",
                            "appointmentFrom", appointment),
                    Map.of("sequence", 2, "kind", "DELIVERY", "city", "Detroit", "country", "US")},
                "charges", charges));
    }

    /** An accessorial proposed for a stop of a load, from its arrival to its departure. */
    public static ObjectNode accessorial(String id, String accessorialId, String loadRef, String code,
            String arrivedAt, String departedAt) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("accessorialId", accessorialId);
        data.put("loadRef", loadRef);
        data.put("code", code);
        data.put("stopSequence", 2);
        if (arrivedAt != null) {
            data.put("arrivedAt", arrivedAt);
            data.put("departedAt", departedAt);
        }
        return event(id, "accessorial.proposed", loadRef, data);
    }

    public static ObjectNode approved(String id, String accessorialId, String loadRef, String decidedBy) {
        return event(id, "accessorial.approved", loadRef, Map.of("accessorialId", accessorialId, "loadRef", loadRef,
                "decidedBy", decidedBy));
    }

    public static ObjectNode rejected(String id, String accessorialId, String loadRef, String decidedBy,
            String reason) {
        return event(id, "accessorial.rejected", loadRef, Map.of("accessorialId", accessorialId, "loadRef", loadRef,
                "decidedBy", decidedBy, "reason", reason));
    }

    /** A charge with only a quantity: the contract prices it. */
    public static Map<String, Object> unpriced(String code, String quantity) {
        return Map.of("chargeCode", code, "quantity", quantity);
    }

    public static ArrayNode array(ObjectNode... events) {
        ArrayNode answer = MAPPER.createArrayNode();
        for (ObjectNode event : events) {
            answer.add(event);
        }
        return answer;
    }

    public static ArrayNode fromFile(Path file) {
        try {
            return (ArrayNode) MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
