package io.logisync.kamelet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;

/**
 * The logic of the odoo-sink Kamelet: turns what a source hands over (a record as JSON text or a JSON tree, or a
 * list of them) into the Map or List of Maps the odoo component writes.
 */
public class OdooSinkBody {

    private static final TypeReference<Object> ANY = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public OdooSinkBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Maps and lists pass as they are; JSON is read into them; anything else is refused, naming its type. */
    public Object values(Object body) throws IOException {
        Object answer;
        if (body instanceof Map<?, ?> || body instanceof Collection<?>) {
            answer = body;
        } else if (body instanceof JsonNode node) {
            answer = mapper.convertValue(node, ANY);
        } else if (body instanceof byte[] bytes) {
            answer = mapper.readValue(bytes, ANY);
        } else if (body instanceof String text) {
            answer = mapper.readValue(text, ANY);
        } else if (body instanceof InputStream in) {
            answer = mapper.readValue(in, ANY);
        } else {
            answer = null;
        }
        if (!(answer instanceof Map<?, ?>) && !(answer instanceof Collection<?>)) {
            throw new IllegalArgumentException("odoo-sink needs a record (a JSON object or Map) or a list of them, but"
                    + " got " + (body == null ? "nothing" : answer == null ? body.getClass().getName()
                            : "JSON " + answer.getClass().getSimpleName()));
        }
        return answer;
    }
}
