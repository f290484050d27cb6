package io.logisync.odoo.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.odoo.OdooAccessException;
import io.logisync.odoo.OdooAuthenticationException;
import io.logisync.odoo.OdooBadRequestException;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooException;
import io.logisync.odoo.OdooMissingRecordException;
import io.logisync.odoo.OdooValidationException;
import io.logisync.odoo.support.RecordedExchange;
import io.logisync.odoo.support.StubOdoo;
import io.logisync.odoo.support.StubResponse;
import io.logisync.odoo.support.TestClients;
import io.logisync.odoo.support.WireCases;
import io.logisync.odoo.support.XmlRpcJson;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every recorded XML-RPC refusal becomes the same exception type as on JSON-RPC. */
class XmlRpcErrorMappingTest {

    /** Every recorded XML-RPC refusal (a fault, or a login answered false). */
    static final Map<String, Class<? extends OdooException>> EXPECTED = Map.ofEntries(
            Map.entry("c1_authenticate_bad_password", OdooAuthenticationException.class),
            Map.entry("c1_login_bad_password", OdooAuthenticationException.class),
            Map.entry("c1_authenticate_bad_db", OdooAuthenticationException.class),
            Map.entry("c1_execute_kw_bad_password", OdooAuthenticationException.class),
            Map.entry("c2_partner_write_missing", OdooMissingRecordException.class),
            Map.entry("c2_partner_unlink_missing", OdooMissingRecordException.class),
            Map.entry("c4_posted_write_add_line", OdooValidationException.class),
            Map.entry("c4_posted_write_invoice_date", OdooValidationException.class),
            Map.entry("c4_posted_unlink", OdooValidationException.class),
            Map.entry("c5_create_unknown_field", OdooBadRequestException.class),
            Map.entry("c5_unknown_model", OdooMissingRecordException.class),
            Map.entry("c5_unknown_method", OdooMissingRecordException.class),
            Map.entry("c5_private_method", OdooAccessException.class),
            Map.entry("c5_partner_create_without_name", OdooValidationException.class),
            Map.entry("c5_invoice_line_unknown_product", OdooMissingRecordException.class),
            Map.entry("c5_search_read_bad_operator", OdooBadRequestException.class),
            Map.entry("c5_search_read_unknown_field_in_domain", OdooBadRequestException.class),
            Map.entry("c5_read_unknown_field", OdooBadRequestException.class),
            Map.entry("c5_create_bad_selection_value", OdooBadRequestException.class),
            Map.entry("c5_kwargs_unknown", OdooBadRequestException.class),
            Map.entry("c5_xmlrpc_unknown_service_method", OdooBadRequestException.class),
            Map.entry("c5_xmlrpc_invalid_xml", OdooBadRequestException.class),
            Map.entry("c8_fields_get_account_move_fr", OdooValidationException.class));

    /** Cases whose reply is the login's own reply rather than the object call's. */
    private static final Set<String> LOGIN_REPLIES = Set.of("c1_authenticate_bad_password", "c1_login_bad_password",
            "c1_authenticate_bad_db");

    private StubOdoo stub;
    private OdooClient client;

    @BeforeEach
    void start() {
        stub = StubOdoo.start();
        client = TestClients.xmlRpc(stub);
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    static Stream<RecordedExchange> refusals() {
        return WireCases.xmlRpc().values().stream().filter(XmlRpcErrorMappingTest::isRefusal);
    }

    private static boolean isRefusal(RecordedExchange exchange) {
        JsonNode answer = XmlRpcJson.answer(exchange.responseBody());
        boolean refusedLogin = exchange.path().endsWith("/common") && answer.path("result").isBoolean();
        return answer.has("fault") || refusedLogin;
    }

    @Test
    void shouldCoverEveryRecordedXmlRpcRefusal() {
        assertThat(refusals().map(RecordedExchange::caseName).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void shouldMapRecordedXmlRpcRefusalToTypedException(RecordedExchange recorded) {
        String[] target = modelAndMethod(recorded);
        if (!LOGIN_REPLIES.contains(recorded.caseName())) {
            TestClients.queueXmlRpcLogin(stub);
        }
        stub.enqueue(StubResponse.replay(recorded));

        OdooException error = catchThrowableOfType(OdooException.class,
                () -> client.execute(target[0], target[1], Map.of("domain", List.of()), null));

        assertThat(error).isExactlyInstanceOf(EXPECTED.get(recorded.caseName()));
        assertThat(error.getModel()).isEqualTo(target[0]);
        assertThat(error.getMethod()).isEqualTo(target[1]);
        assertThat(error.getMessage()).contains(target[0] + "." + target[1]).doesNotContain(TestClients.SECRET);
        JsonNode fault = XmlRpcJson.answer(recorded.responseBody()).path("fault");
        if (fault.isMissingNode()) {
            assertThat(error.getOdooMessage()).contains("login refused for user 'admin' on database 'lab'");
        } else if (fault.get("faultCode").asInt() == 1) {
            // the traceback's last line: "ValueError: Invalid field ..." becomes name and message
            String last = lastLine(fault.get("faultString").asText());
            assertThat(last).isEqualTo(shortName(error.getOdooName()) + ": " + error.getOdooMessage());
        } else {
            assertThat(error.getOdooMessage()).isEqualTo(fault.get("faultString").asText());
            assertThat(error.getOdooName()).startsWith("odoo.exceptions.");
        }
    }

    @Test
    void shouldNameMissingErrorsAndAccessErrorsAsOdooDoes() {
        assertThat(mapped("c2_partner_write_missing").getOdooName()).isEqualTo("odoo.exceptions.MissingError");
        assertThat(mapped("c5_unknown_model").getOdooName()).isEqualTo("odoo.exceptions.UserError");
        assertThat(mapped("c5_private_method").getOdooName()).isEqualTo("odoo.exceptions.AccessError");
        assertThat(mapped("c1_execute_kw_bad_password").getOdooName()).isEqualTo("odoo.exceptions.AccessDenied");
        assertThat(mapped("c5_search_read_bad_operator").getOdooName()).isEqualTo("builtins.ValueError");
        assertThat(mapped("c5_unknown_method").getOdooMessage())
                .isEqualTo("The method 'res.partner.no_such_method' does not exist");
    }

    @Test
    void shouldLogInOnceAndReuseTheUid() {
        TestClients.queueXmlRpcLogin(stub);
        stub.enqueue(StubResponse.replay(WireCases.xmlRpc("c2_partner_search_count")));
        stub.enqueue(StubResponse.replay(WireCases.xmlRpc("c2_partner_search_count")));

        client.execute("res.partner", "search_count", Map.of("domain", List.of()), null);
        client.execute("res.partner", "search_count", Map.of("domain", List.of()), null);

        assertThat(stub.requests()).hasSize(3);
        assertThat(stub.requests().get(2).path()).isEqualTo("/xmlrpc/2/object");
        assertThat(XmlRpcJson.call(stub.requests().get(2).body()).at("/params/1").asLong()).isEqualTo(2L);
    }

    private OdooException mapped(String caseName) {
        try (OdooClient fresh = TestClients.xmlRpc(stub)) {
            TestClients.queueXmlRpcLogin(stub);
            stub.enqueue(StubResponse.replay(WireCases.xmlRpc(caseName)));
            return catchThrowableOfType(OdooException.class,
                    () -> fresh.execute("res.partner", "read", Map.of("ids", List.of(1L)), null));
        }
    }

    private static String lastLine(String text) {
        String trimmed = text.stripTrailing();
        return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    }

    private static String shortName(String dotted) {
        return dotted.startsWith("builtins.") ? dotted.substring("builtins.".length()) : dotted;
    }

    /** The object call's model and method from the recorded request; other services fall back to a plain count. */
    static String[] modelAndMethod(RecordedExchange recorded) {
        if (recorded.path().endsWith("/object") && !recorded.caseName().equals("c5_xmlrpc_invalid_xml")) {
            JsonNode params = XmlRpcJson.call(recorded.requestBody()).get("params");
            return new String[] {params.get(3).asText(), params.get(4).asText()};
        }
        return new String[] {"res.partner", "search_count"};
    }
}
