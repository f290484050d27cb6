package io.logisync.odoo.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.logisync.odoo.support.XmlRpcJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replays recorded Odoo exchanges against a simulator and compares the answers: same status, same content type,
 * same JSON keys (XML-RPC struct members) and value types, and the same values once ids the scenario created are
 * mapped to the simulator's and sequence numbers and timestamps are set aside.
 */
final class ExchangeReplayer {

    private static final Set<String> RECORD_METHODS = Set.of("read", "write", "unlink", "action_post",
            "button_draft", "button_cancel", "no_such_method", "_compute_display_name");
    private static final Set<String> ID_LIST_KEYS = Set.of("ids", "invoice_line_ids", "line_ids",
            "reversal_move_ids", "duplicated_ref_ids", "tax_ids", "category_id", "child_ids");

    private final OdooSimulator odoo;
    private final WireClient client;
    private final Map<Long, Long> ids = new HashMap<>();
    private String method;

    ExchangeReplayer(OdooSimulator odoo) {
        this.odoo = odoo;
        this.client = new WireClient(odoo);
    }

    /** Replays one exchange; throws an AssertionError describing every difference. */
    void replay(JsonNode exchange, boolean shapeOnly) {
        String caseName = exchange.get("case").asText();
        method = calledMethod(exchange);
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode pair : exchange.get("request_headers")) {
            String name = pair.get(0).asText();
            String value = pair.get(1).asText();
            if (Set.of("Host", "Content-Length", "Connection").contains(name)) {
                continue;
            }
            if (name.equals("Authorization")) {
                value = "bearer " + (caseName.equals("c5_json2_wrong_key") ? "not-the-key" : odoo.apiKey());
            }
            if (name.equals("X-Odoo-Database") && value.equals("lab")) {
                value = odoo.database();
            }
            headers.put(name, value);
        }
        JsonNode requestBody = exchange.get("request_body");
        String path = exchange.get("path").asText();
        String body = requestBody.isNull() ? null : isXmlRpc(path) ? rewriteXmlRpcRequest(caseName,
                requestBody.asText()) : rewriteRequest(caseName, requestBody.asText());
        WireClient.Answer answer = client.send(exchange.get("method").asText(), path, headers, body);

        List<String> problems = new ArrayList<>();
        int status = exchange.get("status").asInt();
        if (answer.status() != status) {
            problems.add("status " + answer.status() + " instead of " + status);
        }
        String family = exchange.get("content_type").asText().split(";")[0];
        if (!answer.contentType().startsWith(family)) {
            problems.add("content type " + answer.contentType() + " instead of " + family);
        }
        for (JsonNode pair : exchange.get("response_headers")) {
            if (pair.get(0).asText().equals("WWW-Authenticate")
                    && answer.raw().headers().firstValue("WWW-Authenticate").isEmpty()) {
                problems.add("no WWW-Authenticate header");
            }
        }
        String expectedBody = exchange.get("response_body").asText();
        if (family.equals("application/json") && answer.contentType().startsWith(family)) {
            JsonNode expected = parse(expectedBody);
            JsonNode actual = parse(answer.body());
            boolean rpc = exchange.get("path").asText().equals("/jsonrpc");
            if (rpc && expected.isObject() && actual.isObject()) {
                compareEnvelope(expected, actual, !shapeOnly, problems);
            } else {
                compare(expected, actual, "$", null, !shapeOnly, problems);
            }
        } else if (family.equals("text/xml") && answer.contentType().startsWith(family)) {
            compareXmlRpc(expectedBody, answer.body(), !shapeOnly, problems);
        } else if (!shapeOnly && !expectedBody.equals(answer.body())) {
            problems.add("body " + answer.body() + " instead of " + expectedBody);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("; ", problems) + "\n      got: " + answer.body());
        }
    }

    // ---------------------------------------------------------------- requests

    private static boolean isXmlRpc(String path) {
        return path.startsWith("/xmlrpc/");
    }

    /** Decodes a recorded XML-RPC call, rewrites its args as a JSON-RPC one, and encodes it again. */
    private String rewriteXmlRpcRequest(String caseName, String text) {
        ObjectNode call;
        try {
            call = XmlRpcJson.call(text);
        } catch (IllegalArgumentException e) {
            // c5_xmlrpc_invalid_xml sends a broken body on purpose
            return text;
        }
        ArrayNode args = (ArrayNode) call.get("params");
        rewriteRpcArgs(caseName, args);
        return XmlRpcJson.call(call.get("method").asText(), args);
    }

    private String rewriteRequest(String caseName, String text) {
        JsonNode body;
        try {
            body = WireClient.MAPPER.readTree(text);
        } catch (IOException e) {
            return text;
        }
        if (body == null || !body.isObject()) {
            return text;
        }
        if (body.has("jsonrpc")) {
            JsonNode args = body.path("params").path("args");
            if (args.isArray()) {
                rewriteRpcArgs(caseName, (ArrayNode) args);
            }
        } else {
            mapIdsIn(body);
        }
        return body.toString();
    }

    private void rewriteRpcArgs(String caseName, ArrayNode args) {
        if (args == null) {
            return;
        }
        for (int i = 0; i < args.size(); i++) {
            JsonNode arg = args.get(i);
            if (arg.isTextual() && arg.asText().equals("<secret>")) {
                args.set(i, TextNode.valueOf(caseName.contains("bad_password") ? "wrong-password"
                        : caseName.contains("apikey") ? odoo.apiKey() : odoo.password()));
            } else if (i == 0 && arg.isTextual() && arg.asText().equals("lab")) {
                args.set(i, TextNode.valueOf(odoo.database()));
            }
        }
        if (args.size() > 5 && args.get(5).isArray()) {
            ArrayNode positional = (ArrayNode) args.get(5);
            if (RECORD_METHODS.contains(args.get(4).asText()) && positional.size() > 0) {
                positional.set(0, mapIds(positional.get(0)));
            }
            positional.forEach(this::mapIdsIn);
        }
    }

    /** Maps the ids a recorded request names to the simulator's: under id keys and in domain conditions. */
    private void mapIdsIn(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            fields.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> entry : entries) {
                String key = entry.getKey();
                JsonNode value = entry.getValue();
                if ((key.endsWith("_id") || key.equals("id")) && value.isIntegralNumber()) {
                    object.set(key, mapId(value));
                } else if (ID_LIST_KEYS.contains(key) && value.isArray() && allIntegral(value)) {
                    object.set(key, mapIds(value));
                } else {
                    mapIdsIn(value);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            if (array.size() == 3 && array.get(0).isTextual() && (array.get(0).asText().equals("id")
                    || array.get(0).asText().endsWith("_id"))) {
                array.set(2, array.get(2).isArray() ? mapIds(array.get(2)) : mapId(array.get(2)));
                return;
            }
            array.forEach(this::mapIdsIn);
        }
    }

    private JsonNode mapIds(JsonNode list) {
        if (!list.isArray()) {
            return mapId(list);
        }
        ArrayNode mapped = WireClient.MAPPER.createArrayNode();
        list.forEach(item -> mapped.add(mapId(item)));
        return mapped;
    }

    private JsonNode mapId(JsonNode value) {
        if (!value.isIntegralNumber()) {
            return value;
        }
        Long mapped = ids.get(value.asLong());
        return mapped == null ? value : LongNode.valueOf(mapped);
    }

    private static boolean allIntegral(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isIntegralNumber()) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- answers

    /** Both answers decoded to {@code {"result": ...}} or {@code {"fault": {faultCode, faultString}}}. */
    private void compareXmlRpc(String expectedBody, String actualBody, boolean values, List<String> problems) {
        JsonNode expected = XmlRpcJson.answer(expectedBody);
        JsonNode actual;
        try {
            actual = XmlRpcJson.answer(actualBody);
        } catch (IllegalArgumentException e) {
            problems.add("unreadable XML-RPC answer: " + e.getMessage());
            return;
        }
        if (expected.has("fault") && actual.has("fault")
                && !expected.at("/fault/faultCode").equals(actual.at("/fault/faultCode"))) {
            problems.add("faultCode " + actual.at("/fault/faultCode") + " instead of "
                    + expected.at("/fault/faultCode"));
        }
        compare(expected, actual, "$", null, values, problems);
    }

    private void compareEnvelope(JsonNode expected, JsonNode actual, boolean values, List<String> problems) {
        Set<String> expectedKeys = keys(expected);
        if (!expectedKeys.equals(keys(actual))) {
            problems.add("envelope keys " + keys(actual) + " instead of " + expectedKeys);
            return;
        }
        if (!expected.get("id").equals(actual.get("id"))) {
            problems.add("envelope id " + actual.get("id") + " instead of " + expected.get("id"));
        }
        for (String key : List.of("result", "error")) {
            if (expected.has(key)) {
                compare(expected.get(key), actual.get(key), "$." + key, null, values, problems);
            }
        }
    }

    private void compare(JsonNode expected, JsonNode actual, String path, String key, boolean values,
            List<String> problems) {
        if (!type(expected).equals(type(actual))) {
            problems.add(path + " is " + type(actual) + " " + actual + " instead of " + type(expected) + " "
                    + expected);
            return;
        }
        if (expected.isObject()) {
            if (!keys(expected).equals(keys(actual))) {
                problems.add(path + " keys " + keys(actual) + " instead of " + keys(expected));
                return;
            }
            expected.fieldNames().forEachRemaining(name -> compare(expected.get(name), actual.get(name),
                    path + "." + name, name, values, problems));
        } else if (expected.isArray()) {
            compareArrays(expected, actual, path, key, values, problems);
        } else if (values) {
            compareScalars(expected, actual, path, "id".equals(key) || isIdResult(path, expected), problems);
        }
    }

    private void compareArrays(JsonNode expected, JsonNode actual, String path, String key, boolean values,
            List<String> problems) {
        boolean many2one = expected.size() == 2 && expected.get(0).isIntegralNumber() && expected.get(1).isTextual();
        boolean tuple = many2one || !homogeneous(expected);
        if (tuple || expected.size() == actual.size()) {
            if (expected.size() != actual.size()) {
                problems.add(path + " has " + actual.size() + " items instead of " + expected.size());
                return;
            }
            boolean ids = key != null && ID_LIST_KEYS.contains(key) || isIdResult(path, expected);
            for (int i = 0; i < expected.size(); i++) {
                String itemKey = (many2one && i == 0) || (ids && !many2one) ? "id" : null;
                compare(expected.get(i), actual.get(i), path + "[" + i + "]", itemKey, values, problems);
            }
            return;
        }
        if (expected.isEmpty() || actual.isEmpty()) {
            problems.add(path + " has " + actual.size() + " items instead of " + expected.size());
            return;
        }
        // the recorded database held other records: compare every item's shape with a recorded one
        for (int i = 0; i < actual.size(); i++) {
            compare(expected.get(0), actual.get(i), path + "[" + i + "]", null, false, problems);
        }
    }

    /** Top-level ids, as create and search answer. */
    private boolean isIdResult(String path, JsonNode expected) {
        return (path.equals("$") || path.equals("$.result")) && Set.of("create", "search").contains(method)
                && (expected.isIntegralNumber() || allIntegral(expected));
    }

    /** The model method a recorded request calls, e.g. {@code create}. */
    private static String calledMethod(JsonNode exchange) {
        String path = exchange.get("path").asText();
        if (path.startsWith("/json/2/")) {
            return path.substring(path.lastIndexOf('/') + 1);
        }
        if (isXmlRpc(path)) {
            try {
                JsonNode params = XmlRpcJson.call(exchange.get("request_body").asText()).get("params");
                return params.size() > 4 ? params.get(4).asText() : "";
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        try {
            JsonNode args = WireClient.MAPPER.readTree(exchange.get("request_body").asText()).path("params")
                    .path("args");
            return args.size() > 4 ? args.get(4).asText() : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private void compareScalars(JsonNode expected, JsonNode actual, String path, boolean id, List<String> problems) {
        if (id && expected.isIntegralNumber()) {
            Long known = ids.get(expected.asLong());
            if (known == null) {
                ids.put(expected.asLong(), actual.asLong());
            } else if (known != actual.asLong()) {
                problems.add(path + " is id " + actual + " instead of " + known + " (recorded " + expected + ")");
            }
            return;
        }
        if (expected.isTextual()) {
            if (!normalize(expected.asText()).equals(normalize(actual.asText()))) {
                problems.add(path + " is " + actual + " instead of " + expected);
            }
            return;
        }
        if (expected.isNumber() ? expected.decimalValue().compareTo(actual.decimalValue()) != 0
                : !expected.equals(actual)) {
            problems.add(path + " is " + actual + " instead of " + expected);
        }
    }

    /** Timestamps and move sequence numbers differ between runs by nature; their format must not. */
    static String normalize(String text) {
        return text.replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}", "<datetime>")
                .replaceAll("((?:R?INV|R?BILL|MISC)/\\d{4}/(?:\\d{2}/)?)\\d+", "$1#");
    }

    private static boolean homogeneous(JsonNode array) {
        Set<String> types = new TreeSet<>();
        array.forEach(item -> types.add(type(item)));
        return types.size() <= 1;
    }

    private static String type(JsonNode node) {
        if (node.isIntegralNumber()) {
            return "int";
        }
        if (node.isNumber()) {
            return "float";
        }
        return node.getNodeType().name().toLowerCase();
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static JsonNode parse(String text) {
        try {
            return WireClient.MAPPER.readTree(text);
        } catch (IOException e) {
            return TextNode.valueOf(text);
        }
    }
}
