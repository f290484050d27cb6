package io.logisync.odoo.sim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Writes XML-RPC answers byte for byte as Odoo 19 does: Python's {@code xmlrpc.client.Marshaller} layout (one element
 * per line, {@code <string>} tags, {@code repr} floats) under Odoo's {@code allow_none=False}, so None and integers
 * outside 32 bits fail as they do in Odoo, with TypeError and OverflowError.
 */
final class XmlRpcMarshaller {

    static final long MAX_INT = Integer.MAX_VALUE;
    static final long MIN_INT = Integer.MIN_VALUE;
    private static final String HEAD = "<?xml version=\"1.0\"?>\n<methodResponse>\n";
    private static final String TAIL = "\n</methodResponse>\n";

    private XmlRpcMarshaller() {
    }

    /** A successful answer carrying {@code result}; throws the OdooError Python's marshaller would raise. */
    static String response(Object result) {
        StringBuilder out = new StringBuilder(HEAD).append("<params>\n<param>\n");
        value(result, out);
        return out.append("</param>\n</params>\n").append(TAIL).toString();
    }

    /** A {@code <fault>} with its code and string. */
    static String fault(int code, String faultString) {
        StringBuilder out = new StringBuilder(HEAD).append("<fault>\n");
        out.append("<value><struct>\n");
        member("faultCode", code, out);
        member("faultString", faultString, out);
        out.append("</struct></value>\n");
        return out.append("</fault>\n").append(TAIL).toString();
    }

    private static void value(Object value, StringBuilder out) {
        if (value == null) {
            throw OdooError.typeError("cannot marshal None unless allow_none is enabled");
        }
        if (value instanceof Boolean flag) {
            out.append("<value><boolean>").append(flag ? '1' : '0').append("</boolean></value>\n");
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof BigInteger) {
            integer(new BigInteger(value.toString()), out);
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            out.append("<value><double>").append(PyRepr.floatRepr(((Number) value).doubleValue()))
                    .append("</double></value>\n");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof LocalDate date) {
            // Odoo's marshaller writes dates and datetimes as their text, not as dateTime.iso8601
            string(ValueCodec.DATE.format(date), out);
        } else if (value instanceof LocalDateTime datetime) {
            string(ValueCodec.DATETIME.format(datetime), out);
        } else if (value instanceof List<?> list) {
            out.append("<value><array><data>\n");
            list.forEach(item -> value(item, out));
            out.append("</data></array></value>\n");
        } else if (value instanceof Map<?, ?> map) {
            out.append("<value><struct>\n");
            map.forEach((key, item) -> {
                if (!(key instanceof String name)) {
                    throw OdooError.typeError("dictionary key must be string");
                }
                member(name, item, out);
            });
            out.append("</struct></value>\n");
        } else {
            throw OdooError.typeError("cannot marshal <class '" + ValueCodec.pythonType(value) + "'> objects");
        }
    }

    private static void member(String name, Object item, StringBuilder out) {
        out.append("<member>\n<name>").append(escape(name)).append("</name>\n");
        value(item, out);
        out.append("</member>\n");
    }

    private static void integer(BigInteger number, StringBuilder out) {
        if (number.compareTo(BigInteger.valueOf(MAX_INT)) > 0 || number.compareTo(BigInteger.valueOf(MIN_INT)) < 0) {
            throw new OdooError(ErrorKind.OVERFLOW_ERROR, "int exceeds XML-RPC limits");
        }
        out.append("<value><int>").append(number).append("</int></value>\n");
    }

    private static void string(String text, StringBuilder out) {
        out.append("<value><string>").append(escape(withoutControlCharacters(text))).append("</string></value>\n");
    }

    /** Odoo drops the control characters XML 1.0 forbids (all below 32 but tab, newline and carriage return). */
    private static String withoutControlCharacters(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 32 || c == '\t' || c == '\n' || c == '\r') {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** Python's {@code xmlrpc.client.escape}: only {@code &}, {@code <} and {@code >}. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
