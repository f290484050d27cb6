package io.logisync.odoo.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits named arguments into {@code execute_kw}'s positional {@code args} and {@code kwargs}, placing them the way
 * Odoo's own clients do (and the recordings show): ids first, then each method's leading parameters.
 */
public record JsonRpcArguments(List<Object> args, Map<String, Object> kwargs) {

    // Leading positional parameters by method; a method not listed takes only its ids positionally.
    private static final Map<String, List<String>> POSITIONAL = Map.of(
            "create", List.of("vals_list"),
            "write", List.of("ids", "vals"),
            "read", List.of("ids", "fields"),
            "search_read", List.of("domain"),
            "search", List.of("domain"),
            "search_count", List.of("domain"),
            "name_search", List.of("name"),
            "fields_get", List.of("allfields"));
    private static final List<String> RECORD_METHOD = List.of("ids");

    /** Positional names are taken in order while present; everything after the first gap goes to kwargs. */
    public static JsonRpcArguments split(String method, Map<String, Object> params, Map<String, Object> context) {
        Map<String, Object> rest = new LinkedHashMap<>();
        if (params != null) {
            rest.putAll(params);
        }
        List<Object> args = new ArrayList<>();
        for (String name : POSITIONAL.getOrDefault(method, RECORD_METHOD)) {
            if (!rest.containsKey(name)) {
                break;
            }
            args.add(rest.remove(name));
        }
        if (context != null && !context.isEmpty() && !rest.containsKey("context")) {
            rest.put("context", context);
        }
        return new JsonRpcArguments(args, rest);
    }
}
