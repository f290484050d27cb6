package io.logisync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.logisync.odoo.MeteredOdooClient;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooClients;
import io.logisync.odoo.OdooRecord;
import io.logisync.odoo.OdooSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same workload the way a generic connector does it, for comparison: every reference is looked up in Odoo when
 * it is used (the customer, each product, the currency, the invoice by its reference), one invoice a call, created
 * then posted then read back, nothing remembered between events but the shipment's own facts. It takes what logisync
 * takes and refuses what logisync refuses (shipment.assigned); carrier bills are looked up and left, as logisync parks
 * them until vendor bills exist.
 */
final class NaiveConnector implements PipelineBenchmark.Sender, AutoCloseable {

    private final OdooClient odoo;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Map<String, JsonNode> shipments = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> accessorials = new ConcurrentHashMap<>();
    private final AtomicLong posted = new AtomicLong();

    NaiveConnector(PipelineBenchmark.Target target) {
        OdooClient client = OdooClients.create(OdooSettings.builder().url(target.url()).database(target.database())
                .login(target.login()).apiKey(target.apiKey()).build());
        this.odoo = OdooClients.metered(client, meters);
    }

    @Override
    public List<String> send(ArrayNode events) {
        List<String> answer = new ArrayList<>();
        for (JsonNode event : events) {
            answer.add(apply(event));
        }
        return answer;
    }

    private String apply(JsonNode event) {
        String type = event.path("type").asText().replace("logistics.", "").replace(".v1", "");
        JsonNode data = event.path("data");
        switch (type) {
            case "customer.upserted", "carrier.upserted" -> {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("name", data.path("name").asText());
                values.put("ref", data.path("code").asText());
                values.put("is_company", true);
                values.put(type.startsWith("customer") ? "customer_rank" : "supplier_rank", 1);
                List<Long> found = partner(data.path("code").asText());
                if (found.isEmpty()) {
                    odoo.create("res.partner", List.of(values), null);
                } else {
                    odoo.write("res.partner", found, values, null);
                }
                return "accepted/applied";
            }
            case "contract.upserted" -> {
                return "accepted/applied";
            }
            case "shipment.created" -> {
                partner(data.path("customerCode").asText());
                shipments.put(data.path("loadRef").asText(), data);
                return "accepted/applied";
            }
            case "milestone.recorded" -> {
                return "accepted/applied";
            }
            case "accessorial.proposed" -> {
                accessorials.put(data.path("loadRef").asText(), new BigDecimal(Workload.DETENTION_AMOUNT));
                return "accepted/applied";
            }
            case "pod.received" -> {
                invoice(data.path("loadRef").asText(), data);
                return "accepted/applied";
            }
            case "carrier.invoice.received" -> {
                partner(data.path("carrierCode").asText());
                return "accepted/parked";
            }
            default -> {
                return "rejected";
            }
        }
    }

    private void invoice(String load, JsonNode pod) {
        JsonNode shipment = shipments.get(load);
        long partner = partner(shipment.path("customerCode").asText()).get(0);
        List<Object> lines = new ArrayList<>();
        for (JsonNode charge : shipment.path("charges")) {
            lines.add(List.of(0, 0, Map.of("product_id", product(charge.path("chargeCode").asText()), "name",
                    charge.path("chargeCode").asText(), "quantity", new BigDecimal(charge.path("quantity").asText()),
                    "price_unit", new BigDecimal(charge.path("rate").asText()))));
        }
        BigDecimal detention = accessorials.get(load);
        if (detention != null) {
            lines.add(List.of(0, 0, Map.of("product_id", product("DETENTION"), "name", "DETENTION", "quantity", 1,
                    "price_unit", detention)));
        }
        long currency = odoo.searchRead("res.currency", List.of(List.of("name", "=", "USD")), List.of("id"), 1,
                "id", null).get(0).id();
        List<OdooRecord> existing = odoo.searchRead("account.move", List.of(List.of("ref", "=", load),
                List.of("move_type", "=", "out_invoice")), List.of("id"), 1, "id", null);
        long id = existing.isEmpty() ? odoo.create("account.move", List.of(Map.of("move_type", "out_invoice",
                "partner_id", partner, "ref", load, "invoice_origin", load, "currency_id", currency,
                "invoice_line_ids", lines)), null).get(0) : existing.get(0).id();
        odoo.callOnRecords("account.move", "action_post", List.of(id), null);
        odoo.read("account.move", List.of(id), List.of("name", "state", "amount_total"), null);
        JsonNode document = pod.path("documents").path(0);
        odoo.create("ir.attachment", List.of(Map.of("name", document.path("fileName").asText(), "type", "url",
                "url", document.path("url").asText(), "res_model", "account.move", "res_id", id)), null);
        posted.incrementAndGet();
    }

    private List<Long> partner(String code) {
        return odoo.searchRead("res.partner", List.of(List.of("ref", "=", code)), List.of("id"), 1, "id", null)
                .stream().map(OdooRecord::id).toList();
    }

    private long product(String code) {
        return odoo.searchRead("product.product", List.of(List.of("default_code", "=", code)), List.of("id"), 1,
                "id", null).get(0).id();
    }

    long calls() {
        return count(null, null);
    }

    long moveCalls() {
        return count("account.move", null);
    }

    long createCalls() {
        return count("account.move", "create");
    }

    long postedInvoices() {
        return posted.get();
    }

    private long count(String model, String method) {
        var search = meters.find(MeteredOdooClient.CALLS);
        if (model != null) {
            search = search.tag("model", model);
        }
        if (method != null) {
            search = search.tag("method", method);
        }
        return (long) search.counters().stream().mapToDouble(Counter::count).sum();
    }

    @Override
    public void close() {
        odoo.close();
    }
}
