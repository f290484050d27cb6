package io.logisync.odoo.transport;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.ws.commons.util.NamespaceContextImpl;
import org.apache.xmlrpc.common.TypeFactoryImpl;
import org.apache.xmlrpc.common.XmlRpcController;
import org.apache.xmlrpc.common.XmlRpcStreamConfig;
import org.apache.xmlrpc.parser.AtomicParser;
import org.apache.xmlrpc.parser.NullParser;
import org.apache.xmlrpc.parser.TypeParser;
import org.apache.xmlrpc.serializer.TypeSerializer;
import org.apache.xmlrpc.serializer.TypeSerializerImpl;
import org.apache.xmlrpc.serializer.XmlRpcWriter;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The library's type table with Odoo's needs: doubles read and written as exact decimal text (never through
 * {@code double}, never with an exponent), integers of any tag and width, and {@code nil} and {@code i8} accepted
 * with or without the Apache extensions namespace (Python writes them bare, Apache as {@code ex:}).
 */
final class XmlRpcTypes extends TypeFactoryImpl {

    private static final TypeSerializer DECIMAL = new DecimalSerializer();

    XmlRpcTypes(XmlRpcController controller) {
        super(controller);
    }

    @Override
    public TypeSerializer getSerializer(XmlRpcStreamConfig config, Object value) throws SAXException {
        if (value instanceof BigDecimal) {
            return DECIMAL;
        }
        return super.getSerializer(config, value);
    }

    @Override
    public TypeParser getParser(XmlRpcStreamConfig config, NamespaceContextImpl context, String uri, String name) {
        if ("".equals(uri) || XmlRpcWriter.EXTENSIONS_URI.equals(uri)) {
            switch (name) {
                case "int", "i4", "i1", "i2", "i8", "biginteger":
                    return new IntegerParser();
                case "double", "float", "bigdecimal":
                    return new DecimalParser();
                case "nil":
                    return new NullParser();
                default:
                    break;
            }
        }
        // Known gap: the library's struct parser fills a HashMap, so struct members lose the order Odoo sent
        return super.getParser(config, context, uri, name);
    }

    /** Any integer tag to Integer, Long or BigInteger by width; the fault parser insists on Integer codes. */
    private static final class IntegerParser extends AtomicParser {
        @Override
        protected void setResult(String text) throws SAXException {
            try {
                setResult((Object) XmlRpcValues.narrow(new BigInteger(text.trim())));
            } catch (NumberFormatException e) {
                throw new SAXParseException("Not an integer: '" + text + "'", getDocumentLocator(), e);
            }
        }
    }

    /** A double as BigDecimal from its text, so that {@code 305.33} keeps its digits as JSON decoding does. */
    private static final class DecimalParser extends AtomicParser {
        @Override
        protected void setResult(String text) throws SAXException {
            try {
                setResult((Object) new BigDecimal(text.trim()));
            } catch (NumberFormatException e) {
                // Known gap: Python's inf and nan have no BigDecimal; such a reply is reported unreadable
                throw new SAXParseException("Not a decimal number: '" + text + "'", getDocumentLocator(), e);
            }
        }
    }

    /** {@code <double>} with plain digits: Python reads any float text, other peers only the spec's form. */
    private static final class DecimalSerializer extends TypeSerializerImpl {
        @Override
        public void write(ContentHandler handler, Object value) throws SAXException {
            write(handler, "double", ((BigDecimal) value).toPlainString());
        }
    }
}
