package io.logisync.odoo.transport;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the client: integers decode as {@code Long} (ids pass 2^31), floats as {@code BigDecimal}
 * (amounts keep their digits), and values are encoded through {@link WireEncoder}.
 */
public final class OdooJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private OdooJson() {
    }

    /** Encodes a request body; Java values are first rewritten to Odoo's formats. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(WireEncoder.encode(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode the request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Decodes any JSON text to Map, List, Long, BigDecimal, String, Boolean or null. */
    public static Object read(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, Object.class);
    }
}
