package io.logisync.odoo.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON as Odoo's Python writes and reads it: floats like {@code 305.33} and {@code 0.0}, Python's parse errors. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .registerModule(new SimpleModule().addSerializer(Double.class, new PythonFloat()));

    private Json() {
    }

    /** Writes doubles with Python's float repr, so amounts never come out as {@code 1.0E7}. */
    private static final class PythonFloat extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(PyRepr.floatRepr(value));
        }
    }

    static Object parse(String text) throws JsonProcessingException {
        return MAPPER.readValue(text, Object.class);
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value, e);
        }
    }

    /**
     * The message Python's {@code json} module gives for the same mistake, e.g. "Expecting property name enclosed
     * in double quotes: line 1 column 2 (char 1)". Jackson's diagnosis is mapped on the common cases only.
     */
    // Known gap: positions and wording match Python for the usual mistakes only (bad key, missing value, extra data)
    static String pythonError(JsonProcessingException e, String text) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        JsonLocation location = e.getLocation();
        long offset = location == null || location.getCharOffset() < 0 ? text.length() : location.getCharOffset();
        String kind = "Expecting value";
        if (original.contains("double-quote to start field name")) {
            kind = "Expecting property name enclosed in double quotes";
        } else if (original.contains("comma to separate")) {
            kind = "Expecting ',' delimiter";
        } else if (original.contains("colon to separate")) {
            kind = "Expecting ':' delimiter";
        } else if (original.startsWith("Trailing token")) {
            kind = "Extra data";
        }
        int position = (int) Math.min(offset, text.length());
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return kind + ": line " + line + " column " + (position - lineStart + 1) + " (char " + position + ")";
    }
}
