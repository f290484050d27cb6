package io.logisync.carrier;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A carrier's mapping file: a JSONata expression that turns the carrier's JSON into canonical CloudEvents. It
 * yields one event, an array of them, or nothing (a message the mapping deliberately leaves out). Thread-safe.
 */
public final class JsonataMapping {

    private final String location;
    private final Jsonata expression;
    private final ObjectMapper mapper;

    private JsonataMapping(String location, Jsonata expression, ObjectMapper mapper) {
        this.location = location;
        this.expression = expression;
        this.mapper = mapper;
    }

    /** Reads and compiles the mapping at {@code file:<path>}, {@code classpath:<path>} or a plain file path. */
    public static JsonataMapping load(String location, ObjectMapper mapper) {
        String text = read(location);
        try {
            return new JsonataMapping(location, Jsonata.jsonata(text), mapper);
        } catch (JException e) {
            throw new IllegalArgumentException("mapping " + location + " is not valid JSONata: " + e.getMessage(), e);
        }
    }

    public String location() {
        return location;
    }

    /**
     * The events the mapping makes of one message; {@code bindings} are the variables the mapping can read, such as
     * {@code $carrier}.
     *
     * @throws MappingFailedException when the expression fails or yields something that is not an event object
     */
    public List<ObjectNode> apply(JsonNode message, Map<String, Object> bindings) {
        Object input = mapper.convertValue(message, Object.class);
        Object result;
        try {
            Jsonata.Frame frame = expression.createFrame();
            bindings.forEach(frame::bind);
            result = expression.evaluate(input, frame);
        } catch (RuntimeException e) {
            throw new MappingFailedException("mapping " + location + " failed: " + e.getMessage(), e);
        }
        List<ObjectNode> answer = new ArrayList<>();
        if (result == null) {
            return answer;
        }
        JsonNode tree = mapper.valueToTree(result);
        for (JsonNode item : tree.isArray() ? tree : List.of(tree)) {
            if (!item.isObject()) {
                throw new MappingFailedException("mapping " + location + " must yield event objects, but yielded "
                        + item.getNodeType().name().toLowerCase() + " " + abbreviate(item.toString()));
            }
            answer.add((ObjectNode) item);
        }
        return answer;
    }

    /** The mapping could not turn a message into events; the message is kept, parked, with this reason. */
    public static class MappingFailedException extends RuntimeException {
        public MappingFailedException(String message, Throwable cause) {
            super(message, cause);
        }

        MappingFailedException(String message) {
            super(message);
        }
    }

    private static String read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String path = location.substring("classpath:".length()).replaceFirst("^/", "");
                try (InputStream in = JsonataMapping.class.getClassLoader().getResourceAsStream(path)) {
                    if (in == null) {
                        throw new IllegalArgumentException("mapping " + location + " is not on the classpath");
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("mapping " + location + " is not a readable file (looked at "
                        + file.toAbsolutePath() + ")");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("mapping " + location + " could not be read", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
