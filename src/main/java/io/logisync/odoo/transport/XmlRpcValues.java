package io.logisync.odoo.transport;

import io.logisync.odoo.OdooValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts values between the client's Java types and the ones the XML-RPC library writes and reads, so that an
 * XML-RPC result decodes to exactly what the JSON transports produce.
 */
final class XmlRpcValues {

    private XmlRpcValues() {
    }

    /**
     * Narrows a value already rewritten by {@link WireEncoder}: integers that fit 32 bits go as {@code <i4>} (what
     * every XML-RPC peer reads), wider ones as {@code <i8>}; decimals stay BigDecimal, written as {@code <double>}.
     */
    static Object toWire(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> answer = new LinkedHashMap<>();
            map.forEach((key, item) -> answer.put(String.valueOf(key), toWire(item)));
            return answer;
        }
        if (value instanceof List<?> list) {
            List<Object> answer = new ArrayList<>(list.size());
            list.forEach(item -> answer.add(toWire(item)));
            return answer;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return narrow(value instanceof BigInteger big ? big : BigInteger.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? BigDecimal.valueOf(number) : value;
        }
        // Known gap: control characters other than tab and newlines cannot travel in XML 1.0; Odoo refuses them
        return value;
    }

    /** The smallest of Integer, Long or BigInteger holding the value. */
    static Number narrow(BigInteger value) {
        if (value.bitLength() < Integer.SIZE) {
            return value.intValue();
        }
        return value.bitLength() < Long.SIZE ? (Number) value.longValue() : value;
    }

    /**
     * Widens a decoded reply to the JSON transports' types: Long for integers, BigDecimal for doubles, List for
     * arrays, an ordered Map for structs, UTC text for {@code dateTime.iso8601}, base64 text for {@code base64}.
     */
    static Object fromWire(Object value) {
        if (value instanceof Object[] array) {
            List<Object> answer = new ArrayList<>(array.length);
            for (Object item : array) {
                answer.add(fromWire(item));
            }
            return answer;
        }
        if (value instanceof List<?> list) {
            List<Object> answer = new ArrayList<>(list.size());
            list.forEach(item -> answer.add(fromWire(item)));
            return answer;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> answer = new LinkedHashMap<>();
            map.forEach((key, item) -> answer.put(String.valueOf(key), fromWire(item)));
            return answer;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : big;
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Date date) {
            // Odoo sends datetimes as text; a server that uses dateTime.iso8601 means UTC all the same
            return OdooValues.formatDatetime(date.toInstant());
        }
        if (value instanceof Calendar calendar) {
            return OdooValues.formatDatetime(calendar.toInstant());
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value;
    }
}
