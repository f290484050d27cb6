package io.logisync.odoo.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** Turns parts of recorded requests back into the Java values a caller would pass. */
public final class RecordedValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedValues() {
    }

    public static List<Map<String, Object>> valuesList(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<>() { });
    }

    public static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<>() { });
    }

    public static List<Object> list(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<>() { });
    }

    public static List<Long> ids(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<>() { });
    }

    public static List<String> strings(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<>() { });
    }
}
