package io.logisync.odoo.transport;

import io.logisync.odoo.Many2one;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooValues;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites Java values into the JSON values Odoo expects: {@code null} as {@code false}, dates as text, instants as
 * UTC text, enums by name, many2one as its id. Anything else unknown is refused rather than guessed.
 */
public final class WireEncoder {

    private WireEncoder() {
    }

    public static Object encode(Object value) {
        if (value == null) {
            // Odoo's empty is false: null would reach Python as None, "" as an empty string
            return Boolean.FALSE;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigDecimal || value instanceof BigInteger || value instanceof Double
                || value instanceof Float) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> answer = new LinkedHashMap<>();
            map.forEach((key, item) -> answer.put(String.valueOf(key), encode(item)));
            return answer;
        }
        if (value instanceof Iterable<?> items) {
            List<Object> answer = new ArrayList<>();
            items.forEach(item -> answer.add(encode(item)));
            return answer;
        }
        if (value.getClass().isArray()) {
            List<Object> answer = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                answer.add(encode(Array.get(value, i)));
            }
            return answer;
        }
        return encodeScalar(value);
    }

    private static Object encodeScalar(Object value) {
        if (value instanceof LocalDate date) {
            return OdooValues.formatDate(date);
        }
        if (value instanceof Instant instant) {
            return OdooValues.formatDatetime(instant);
        }
        if (value instanceof OffsetDateTime offset) {
            return OdooValues.formatDatetime(offset);
        }
        if (value instanceof ZonedDateTime zoned) {
            return OdooValues.formatDatetime(zoned);
        }
        if (value instanceof Date date) {
            return OdooValues.formatDatetime(date.toInstant());
        }
        if (value instanceof LocalDateTime) {
            throw new IllegalArgumentException("A LocalDateTime has no zone and Odoo stores UTC; pass an Instant, "
                    + "OffsetDateTime or ZonedDateTime instead");
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Character character) {
            return character.toString();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof Many2one many2one) {
            return many2one.id();
        }
        if (value instanceof Optional<?> optional) {
            return encode(optional.orElse(null));
        }
        if (value instanceof OdooContext context) {
            return encode(context.toWire());
        }
        throw new IllegalArgumentException("Cannot send a " + value.getClass().getName() + " to Odoo; convert it to "
                + "a String, number, Boolean, date, Map or List first");
    }
}
