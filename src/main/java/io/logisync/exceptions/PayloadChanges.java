package io.logisync.exceptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/** What an edit changed in a payload: one entry per changed leaf, with its JSON pointer and both values. */
public final class PayloadChanges {

    private PayloadChanges() {
    }

    /** The changes from one JSON value to another, as an array of {@code {path, before, after}}. */
    public static ArrayNode between(JsonNode before, JsonNode after, ObjectMapper mapper) {
        ArrayNode answer = mapper.createArrayNode();
        compare("", before, after, answer);
        return answer;
    }

    private static void compare(String path, JsonNode before, JsonNode after, ArrayNode answer) {
        JsonNode left = before == null ? NullNode.getInstance() : before;
        JsonNode right = after == null ? NullNode.getInstance() : after;
        if (left.equals(right)) {
            return;
        }
        if (left.isObject() && right.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            left.fieldNames().forEachRemaining(names::add);
            right.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path + "/" + name.replace("~", "~0").replace("/", "~1"), left.get(name), right.get(name),
                        answer);
            }
        } else if (left.isArray() && right.isArray()) {
            int size = Math.max(left.size(), right.size());
            for (int i = 0; i < size; i++) {
                compare(path + "/" + i, left.get(i), right.get(i), answer);
            }
        } else {
            ObjectNode change = answer.addObject();
            change.put("path", path.isEmpty() ? "/" : path);
            change.set("before", left);
            change.set("after", right);
        }
    }

    /** The last field name of a JSON pointer, to tell whether a change touched a price or personal field. */
    public static String fieldOf(String pointer) {
        int slash = pointer.lastIndexOf('/');
        String last = pointer.substring(slash + 1);
        return last.replace("~1", "/").replace("~0", "~");
    }
}
