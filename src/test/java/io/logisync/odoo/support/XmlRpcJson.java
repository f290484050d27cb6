package io.logisync.odoo.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * XML-RPC documents as Jackson trees, for tests: a reference decoder independent of both the client library and the
 * simulator. A call reads as {@code {"method": ..., "params": [...]}}, an answer as {@code {"result": ...}} or
 * {@code {"fault": {"faultCode": ..., "faultString": ...}}}; {@code int} is a long, {@code double} a double.
 */
public final class XmlRpcJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private XmlRpcJson() {
    }

    /** Decodes a {@code methodCall}; throws IllegalArgumentException when it is not well-formed XML-RPC. */
    public static ObjectNode call(String xml) {
        Element root = parse(xml);
        ObjectNode call = NODES.objectNode();
        call.put("method", child(root, "methodName").getTextContent());
        ArrayNode params = call.putArray("params");
        Element list = optionalChild(root, "params");
        if (list != null) {
            children(list).forEach(param -> params.add(value(child(param, "value"))));
        }
        return call;
    }

    /** Decodes a {@code methodResponse}. */
    public static ObjectNode answer(String xml) {
        Element root = parse(xml);
        ObjectNode answer = NODES.objectNode();
        Element fault = optionalChild(root, "fault");
        if (fault != null) {
            answer.set("fault", value(child(fault, "value")));
        } else {
            answer.set("result", value(child(child(child(root, "params"), "param"), "value")));
        }
        return answer;
    }

    /** Writes a {@code methodCall} in Python's layout: int or i8 by width, strings tagged, nil for null. */
    public static String call(String method, JsonNode params) {
        StringBuilder out = new StringBuilder("<?xml version='1.0'?>\n<methodCall>\n<methodName>")
                .append(escape(method)).append("</methodName>\n<params>\n");
        params.forEach(param -> {
            out.append("<param>\n");
            write(param, out);
            out.append("</param>\n");
        });
        return out.append("</params>\n</methodCall>\n").toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        out.append("<value>");
        if (node.isIntegralNumber()) {
            boolean wide = node.bigIntegerValue().bitLength() >= Integer.SIZE;
            out.append(wide ? "<i8>" : "<int>").append(node.bigIntegerValue()).append(wide ? "</i8>" : "</int>");
        } else if (node.isNumber()) {
            out.append("<double>").append(node.decimalValue().toPlainString()).append("</double>");
        } else if (node.isBoolean()) {
            out.append("<boolean>").append(node.booleanValue() ? 1 : 0).append("</boolean>");
        } else if (node.isNull()) {
            out.append("<nil/>");
        } else if (node.isArray()) {
            out.append("<array><data>\n");
            node.forEach(item -> write(item, out));
            out.append("</data></array>");
        } else if (node.isObject()) {
            out.append("<struct>\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            fields.forEachRemaining(entry -> {
                out.append("<member>\n<name>").append(escape(entry.getKey())).append("</name>\n");
                write(entry.getValue(), out);
                out.append("</member>\n");
            });
            out.append("</struct>");
        } else {
            out.append("<string>").append(escape(node.asText())).append("</string>");
        }
        out.append("</value>\n");
    }

    private static JsonNode value(Element value) {
        List<Element> typed = children(value);
        if (typed.isEmpty()) {
            return NODES.textNode(value.getTextContent());
        }
        Element element = typed.get(0);
        String text = element.getTextContent();
        String tag = element.getTagName().substring(element.getTagName().indexOf(':') + 1);
        return switch (tag) {
            case "int", "i4", "i8" -> NODES.numberNode(new BigInteger(text.strip()).longValueExact());
            case "double" -> NODES.numberNode(Double.parseDouble(text.strip()));
            case "boolean" -> NODES.booleanNode(text.strip().equals("1"));
            case "nil" -> NODES.nullNode();
            case "array" -> {
                ArrayNode items = NODES.arrayNode();
                children(child(element, "data")).forEach(item -> items.add(value(item)));
                yield items;
            }
            case "struct" -> {
                ObjectNode members = NODES.objectNode();
                children(element).forEach(member -> members.set(child(member, "name").getTextContent(),
                        value(child(member, "value"))));
                yield members;
            }
            default -> NODES.textNode(text);
        };
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    xml.getBytes(StandardCharsets.UTF_8)));
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML-RPC: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name) {
        Element found = optionalChild(parent, name);
        if (found == null) {
            throw new IllegalArgumentException("no <" + name + "> in <" + parent.getTagName() + ">");
        }
        return found;
    }

    private static Element optionalChild(Element parent, String name) {
        return children(parent).stream().filter(child -> child.getTagName().equals(name)).findFirst().orElse(null);
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
