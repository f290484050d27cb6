package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.logisync.odoo.support.XmlRpcJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The XML-RPC front beyond the recordings: value encodings both ways, Odoo's marshalling limits, routing. */
class XmlRpcProtocolTest {

    private static final String EXTENSIONS = "http://ws.apache.org/xmlrpc/namespaces/extensions";

    private OdooSimulator odoo;
    private WireClient client;

    @BeforeEach
    void start() {
        odoo = OdooSimulator.start(0);
        client = new WireClient(odoo);
    }

    @AfterEach
    void stop() {
        odoo.close();
    }

    private WireClient.Answer post(String service, String xml) {
        WireClient.Answer answer = client.send("POST", "/xmlrpc/2/" + service, Map.of("Content-Type", "text/xml"),
                xml);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("text/xml; charset=utf-8");
        return answer;
    }

    private JsonNode executeKw(String model, String method, List<Object> args, Map<String, Object> kwargs) {
        ArrayNode params = WireClient.MAPPER.createArrayNode().add(odoo.database()).add(odoo.uid())
                .add(odoo.password()).add(model).add(method);
        params.add(WireClient.MAPPER.valueToTree(args));
        params.add(WireClient.MAPPER.valueToTree(kwargs));
        return XmlRpcJson.answer(post("object", XmlRpcJson.call("execute_kw", params)).body());
    }

    private String executeKwXml(String argsXml) {
        return "<?xml version=\"1.0\"?><methodCall xmlns:ex=\"" + EXTENSIONS + "\"><methodName>execute_kw"
                + "</methodName><params><param><value>" + odoo.database() + "</value></param><param><value><i4>2"
                + "</i4></value></param><param><value>" + odoo.password() + "</value></param>" + argsXml
                + "</params></methodCall>";
    }

    @Test
    void shouldReadApacheStyleRequestsWithBareStringsExtensionPrefixesAndNil() {
        long id = odoo.store().insert("res.partner", Map.of("name", "Before", "phone", "555"));
        String xml = executeKwXml("<param><value>res.partner</value></param><param><value>write</value></param>"
                + "<param><value><array><data><value><array><data><value><ex:i8>" + id + "</ex:i8></value></data>"
                + "</array></value><value><struct><member><name>phone</name><value><ex:nil/></value></member>"
                + "<member><name>name</name><value>After</value></member></struct></value></data></array></value>"
                + "</param>");

        JsonNode answer = XmlRpcJson.answer(post("object", xml).body());

        assertThat(answer.get("result").asBoolean()).isTrue();
        JsonNode read = executeKw("res.partner", "read", List.of(List.of(id), List.of("name", "phone")), Map.of());
        assertThat(read.at("/result/0/name").asText()).isEqualTo("After");
        assertThat(read.at("/result/0/phone").asBoolean()).isFalse();
    }

    @Test
    void shouldAcceptWideIdsInRequestsButFaultOnWideIdsInAnswersAfterCommitting() {
        odoo.store().setNextId("res.partner", 3_000_000_000L);

        JsonNode created = executeKw("res.partner", "create", List.of(Map.of("name", "Wide", "ref", "W-1")),
                Map.of());

        assertThat(created.at("/fault/faultCode").asInt()).isEqualTo(1);
        assertThat(created.at("/fault/faultString").asText()).endsWith("\nOverflowError: int exceeds XML-RPC limits");
        // Odoo committed before marshalling the answer: the record is there
        assertThat(executeKw("res.partner", "search_count", List.of(List.of(List.of("ref", "=", "W-1"))), Map.of())
                .get("result").asLong()).isEqualTo(1L);
        JsonNode written = executeKw("res.partner", "write", List.of(List.of(3_000_000_000L), Map.of("name", "W")),
                Map.of());
        assertThat(written.get("result").asBoolean()).isTrue();
        assertThat(odoo.calls().get(odoo.calls().size() - 3).error()).isEqualTo("builtins.OverflowError");
    }

    @Test
    void shouldWriteValuesAsPythonsMarshallerDoes() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("flag", true);
        values.put("count", 7L);
        values.put("amount", 1.0e7);
        values.put("small", 305.33);
        values.put("text", "a < b & c\u0007");
        values.put("empty", List.of());

        String xml = XmlRpcMarshaller.response(values);

        assertThat(xml).isEqualTo("<?xml version=\"1.0\"?>\n<methodResponse>\n<params>\n<param>\n<value><struct>\n"
                + "<member>\n<name>flag</name>\n<value><boolean>1</boolean></value>\n</member>\n"
                + "<member>\n<name>count</name>\n<value><int>7</int></value>\n</member>\n"
                + "<member>\n<name>amount</name>\n<value><double>10000000.0</double></value>\n</member>\n"
                + "<member>\n<name>small</name>\n<value><double>305.33</double></value>\n</member>\n"
                + "<member>\n<name>text</name>\n<value><string>a &lt; b &amp; c</string></value>\n</member>\n"
                + "<member>\n<name>empty</name>\n<value><array><data>\n</data></array></value>\n</member>\n"
                + "</struct></value>\n</param>\n</params>\n\n</methodResponse>\n");
    }

    @Test
    void shouldRefuseToMarshalNoneLikeOdoo() {
        OdooError error = catchThrowableOfType(OdooError.class, () -> XmlRpcMarshaller.response(
                java.util.Collections.singletonList(null)));

        assertThat(error.kind()).isEqualTo(ErrorKind.TYPE_ERROR);
        assertThat(error.getMessage()).isEqualTo("cannot marshal None unless allow_none is enabled");
        assertThat(XmlRpcFront.faultCode(error.kind())).isEqualTo(1);
    }

    @Test
    void shouldMapOdooExceptionsToFaultCodesAsOdooDoes() {
        assertThat(XmlRpcFront.faultCode(ErrorKind.USER_ERROR)).isEqualTo(2);
        assertThat(XmlRpcFront.faultCode(ErrorKind.VALIDATION_ERROR)).isEqualTo(2);
        assertThat(XmlRpcFront.faultCode(ErrorKind.MISSING_ERROR)).isEqualTo(2);
        assertThat(XmlRpcFront.faultCode(ErrorKind.ACCESS_DENIED)).isEqualTo(3);
        assertThat(XmlRpcFront.faultCode(ErrorKind.ACCESS_ERROR)).isEqualTo(4);
        assertThat(XmlRpcFront.faultCode(ErrorKind.VALUE_ERROR)).isEqualTo(1);
        assertThat(XmlRpcFront.faultCode(ErrorKind.OPERATIONAL_ERROR)).isEqualTo(1);
    }

    @Test
    void shouldReadDateTimeTagsAsOdooTextAndBadValuesAsPythonErrors() {
        long id = odoo.store().insert("account.move", Map.of("move_type", "out_invoice"));
        String dated = executeKwXml("<param><value>account.move</value></param><param><value>write</value></param>"
                + "<param><value><array><data><value><array><data><value><int>" + id + "</int></value></data>"
                + "</array></value><value><struct><member><name>invoice_date</name><value><dateTime.iso8601>"
                + "20261203T00:00:00</dateTime.iso8601></value></member></struct></value></data></array></value>"
                + "</param>");
        String badBoolean = executeKwXml("<param><value>res.partner</value></param><param><value>search_count"
                + "</value></param><param><value><array><data><value><array><data><value><array><data><value>"
                + "active</value><value>=</value><value><boolean>yes</boolean></value></data></array></value>"
                + "</data></array></value></data></array></value></param>");

        assertThat(XmlRpcJson.answer(post("object", dated).body()).get("result").asBoolean()).isTrue();
        JsonNode fault = XmlRpcJson.answer(post("object", badBoolean).body()).get("fault");

        assertThat(fault.get("faultCode").asInt()).isEqualTo(1);
        assertThat(fault.get("faultString").asText()).endsWith("\nTypeError: bad boolean value");
        assertThat(odoo.store().orm().row("account.move", id).get("invoice_date")).hasToString("2026-12-03");
    }

    @Test
    void shouldFaultOnUnknownServicesAndRefuseGet() {
        JsonNode fault = XmlRpcJson.answer(post("nope", XmlRpcJson.call("version",
                WireClient.MAPPER.createArrayNode())).body()).get("fault");

        assertThat(fault.get("faultCode").asInt()).isEqualTo(1);
        assertThat(fault.get("faultString").asText()).endsWith("\nKeyError: 'nope'");
        assertThat(client.send("GET", "/xmlrpc/2/common", Map.of(), null).status()).isEqualTo(405);
        assertThat(client.send("POST", "/xmlrpc/2/", Map.of(), "<methodCall/>").status()).isEqualTo(404);
        assertThat(XmlRpcJson.answer(post("db", XmlRpcJson.call("list", WireClient.MAPPER.createArrayNode()))
                .body()).at("/result/0").asText()).isEqualTo(odoo.database());
    }

    @Test
    void shouldAnswerAnEmptyBodyWithExpatsNoElementFound() {
        JsonNode fault = XmlRpcJson.answer(post("common", "").body()).get("fault");

        assertThat(fault.get("faultString").asText())
                .endsWith("\nxml.parsers.expat.ExpatError: no element found: line 1, column 0");
    }
}
