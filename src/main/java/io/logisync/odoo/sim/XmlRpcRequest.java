package io.logisync.odoo.sim;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One XML-RPC {@code methodCall} read the way Odoo reads it ({@code xmlrpc.client.loads(data, use_datetime=True)}):
 * every integer tag, {@code nil} and the Apache {@code ex:} prefixed forms are accepted; bad values raise Python's
 * errors. Integers decode to Long, doubles to Double, as the JSON fronts decode them.
 *
 * @param method the {@code methodName}
 * @param params the decoded {@code params}
 */
record XmlRpcRequest(String method, List<Object> params) {

    private static final XMLInputFactory FACTORY = factory();
    private static final DateTimeFormatter ISO_BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HH:mm:ss");

    static XmlRpcRequest parse(byte[] body) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                return new Reader(reader).methodCall();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw expatError(new String(body, StandardCharsets.UTF_8), e.getLocation());
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // like expat without namespace processing: "ex:i8" is a tag name, whose prefix Python drops
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Expat's message for the usual cases: an empty body, a body cut inside a tag; columns count from 0. */
    // Known gap: other mistakes all read "not well-formed (invalid token)", at the StAX parser's position
    private static OdooError expatError(String text, Location location) {
        if (text.isBlank()) {
            return new OdooError(ErrorKind.EXPAT_ERROR, "no element found: line 1, column 0");
        }
        int open = text.lastIndexOf('<');
        if (open > text.lastIndexOf('>')) {
            int lineStart = text.lastIndexOf('\n', open) + 1;
            long line = text.substring(0, open).chars().filter(c -> c == '\n').count() + 1;
            return new OdooError(ErrorKind.EXPAT_ERROR, "unclosed token: line " + line + ", column "
                    + (open - lineStart));
        }
        int line = location == null ? 1 : location.getLineNumber();
        int column = location == null ? 0 : Math.max(0, location.getColumnNumber() - 1);
        return new OdooError(ErrorKind.EXPAT_ERROR, "not well-formed (invalid token): line " + line + ", column "
                + column);
    }

    /** A cursor over the document, one method per element kind. */
    private static final class Reader {

        private final XMLStreamReader in;

        Reader(XMLStreamReader in) {
            this.in = in;
        }

        XmlRpcRequest methodCall() throws XMLStreamException {
            String method = null;
            List<Object> params = new ArrayList<>();
            in.nextTag();
            for (String tag = nextChild(); tag != null; tag = nextChild()) {
                switch (tag) {
                    case "methodName" -> method = in.getElementText();
                    case "params" -> params(params);
                    default -> throw unknown(tag);
                }
            }
            if (method == null) {
                // Odoo then builds "exp_" + None and fails
                throw OdooError.typeError("can only concatenate str (not \"NoneType\") to str");
            }
            return new XmlRpcRequest(method, params);
        }

        private void params(List<Object> params) throws XMLStreamException {
            for (String tag = nextChild(); tag != null; tag = nextChild()) {
                if (!tag.equals("param")) {
                    throw unknown(tag);
                }
                expect(nextChild(), "value");
                params.add(value());
                expect(nextChild(), null);
            }
        }

        /** At a {@code <value>} start: its content, up to and including its end. */
        private Object value() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            while (true) {
                int event = in.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    text.append(in.getText());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    Object typed = typed(tag());
                    expect(nextChild(), null);
                    return typed;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    // a value without a type tag is a string
                    return text.toString();
                }
            }
        }

        private Object typed(String tag) throws XMLStreamException {
            return switch (tag) {
                case "array" -> array();
                case "struct" -> struct();
                case "nil" -> nil();
                default -> scalar(tag, in.getElementText());
            };
        }

        private Object scalar(String tag, String text) {
            return switch (tag) {
                case "string" -> text;
                case "boolean" -> bool(text);
                case "int", "i1", "i2", "i4", "i8", "biginteger" -> integer(text);
                case "double", "float" -> decimal(text);
                case "bigdecimal" -> new BigDecimal(text.strip());
                case "dateTime.iso8601" -> datetime(text);
                // Known gap: Odoo gets an xmlrpc.client.Binary here; the simulator keeps the base64 text
                case "base64" -> text.strip();
                default -> throw unknown(tag);
            };
        }

        private List<Object> array() throws XMLStreamException {
            expect(nextChild(), "data");
            List<Object> items = new ArrayList<>();
            for (String tag = nextChild(); tag != null; tag = nextChild()) {
                expect(tag, "value");
                items.add(value());
            }
            expect(nextChild(), null);
            return items;
        }

        private Map<String, Object> struct() throws XMLStreamException {
            Map<String, Object> members = new LinkedHashMap<>();
            for (String tag = nextChild(); tag != null; tag = nextChild()) {
                expect(tag, "member");
                expect(nextChild(), "name");
                String name = in.getElementText();
                expect(nextChild(), "value");
                members.put(name, value());
                expect(nextChild(), null);
            }
            return members;
        }

        private Object nil() throws XMLStreamException {
            in.getElementText();
            return null;
        }

        /** The next child element's name, or null at the end of the current element; text between is ignored. */
        private String nextChild() throws XMLStreamException {
            while (true) {
                int event = in.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return tag();
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return null;
                }
                if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw new XMLStreamException("no element found", in.getLocation());
                }
            }
        }

        /** The element name without any prefix, as Python's unmarshaller takes it. */
        private String tag() {
            String name = in.getLocalName();
            return name.substring(name.lastIndexOf(':') + 1);
        }

        private static void expect(String tag, String wanted) {
            if (wanted == null ? tag != null : !wanted.equals(tag)) {
                throw unknown(tag == null ? "/" : tag);
            }
        }

        private static OdooError unknown(String tag) {
            return new OdooError(ErrorKind.RESPONSE_ERROR, "ResponseError(\"unknown tag " + PyRepr.of(tag) + "\")");
        }

        private static Boolean bool(String text) {
            return switch (text) {
                case "0" -> false;
                case "1" -> true;
                default -> throw OdooError.typeError("bad boolean value");
            };
        }

        private static Object integer(String text) {
            try {
                BigInteger value = new BigInteger(text.strip().replace("_", ""));
                return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
            } catch (NumberFormatException e) {
                throw OdooError.valueError("invalid literal for int() with base 10: " + PyRepr.of(text));
            }
        }

        private static Double decimal(String text) {
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw OdooError.valueError("could not convert string to float: " + PyRepr.of(text));
            }
        }

        /** {@code use_datetime=True} gives Odoo a datetime; the simulator's ORM takes Odoo's UTC text instead. */
        private static String datetime(String text) {
            try {
                return ValueCodec.DATETIME.format(LocalDateTime.parse(text.strip(), ISO_BASIC));
            } catch (DateTimeParseException e) {
                throw OdooError.valueError("time data " + PyRepr.of(text) + " does not match format "
                        + "'%Y%m%dT%H:%M:%S'");
            }
        }
    }
}
