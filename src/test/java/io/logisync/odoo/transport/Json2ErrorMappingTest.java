package io.logisync.odoo.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Json2ErrorMappingTest {

    /** Every recorded JSON-2 refusal and the exception type it must become. */
    static final Map<String, Class<? extends OdooException>> EXPECTED = Map.ofEntries(
            Map.entry("c1_json2_root_get", OdooMissingRecordException.class),
            Map.entry("c1_json2_root_post", OdooMissingRecordException.class),
            Map.entry("c1_bad_database_header", OdooAuthenticationException.class),
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
            Map.entry("c5_json2_wrong_key", OdooAuthenticationException.class),
            Map.entry("c5_json2_no_authorization", OdooAuthenticationException.class),
            Map.entry("c5_json2_positional_args", OdooBadRequestException.class),
            Map.entry("c5_json2_unknown_named_arg", OdooBadRequestException.class),
            Map.entry("c5_json2_ids_on_model_method", OdooBadRequestException.class),
            Map.entry("c5_json2_get_method", OdooMissingRecordException.class),
            Map.entry("c5_json2_empty_body", OdooBadRequestException.class),
            Map.entry("c5_json2_not_json_content_type", OdooBadRequestException.class),
            Map.entry("c5_json2_invalid_json", OdooBadRequestException.class),
            Map.entry("c8_fields_get_account_move_fr", OdooValidationException.class));

    private StubOdoo stub;
    private OdooClient client;

    @BeforeEach
    void start() {
        stub = StubOdoo.start();
        client = TestClients.json2(stub);
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    static Stream<RecordedExchange> refusals() {
        return WireCases.json2().values().stream().filter(exchange -> exchange.status() >= 400);
    }

    @Test
    void shouldCoverEveryRecordedJson2Refusal() {
        assertThat(refusals().map(RecordedExchange::caseName).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void shouldMapRecordedJson2RefusalToTypedException(RecordedExchange recorded) {
        String[] target = modelAndMethod(recorded.path());
        stub.enqueue(StubResponse.replay(recorded));

        OdooException error = catchThrowableOfType(OdooException.class,
                () -> client.execute(target[0], target[1], Map.of(), null));

        assertThat(error).isExactlyInstanceOf(EXPECTED.get(recorded.caseName()));
        assertThat(error.getModel()).isEqualTo(target[0]);
        assertThat(error.getMethod()).isEqualTo(target[1]);
        assertThat(error.getMessage()).contains(target[0] + "." + target[1]);
        if (recorded.contentType().contains("json")) {
            String odooMessage = WireCasesJson.field(recorded.responseBody(), "message");
            assertThat(error.getOdooMessage()).isEqualTo(odooMessage);
            assertThat(error.getOdooName()).isEqualTo(WireCasesJson.field(recorded.responseBody(), "name"));
            assertThat(error.getMessage()).contains(odooMessage);
        } else {
            assertThat(error.getOdooMessage()).contains("HTTP " + recorded.status());
        }
        assertThat(error.getMessage()).doesNotContain(TestClients.SECRET);
    }

    @Test
    void shouldMapJson2ValueErrorToBadRequest() {
        stub.enqueue(StubResponse.replay(WireCases.json2("c5_create_unknown_field")));

        OdooBadRequestException error = catchThrowableOfType(OdooBadRequestException.class,
                () -> client.execute("account.move", "create", Map.of("vals_list", java.util.List.of()), null));

        assertThat(error.isRetryable()).isFalse();
        assertThat(error.getOdooName()).isEqualTo("builtins.ValueError");
        assertThat(error.getMessage()).isEqualTo("Odoo account.move.create failed with builtins.ValueError: "
                + "Invalid field 'x_no_such_field' in 'account.move'");
    }

    @Test
    void shouldTreatUnknownDatabaseAsAuthenticationFailure() {
        stub.enqueue(StubResponse.replay(WireCases.json2("c1_bad_database_header")));

        OdooAuthenticationException error = catchThrowableOfType(OdooAuthenticationException.class,
                () -> client.execute("res.users", "context_get", Map.of(), null));

        assertThat(error.getOdooMessage()).contains("database").contains("No database is selected");
    }

    /** {@code /json/2/<model>/<method>}; the routes without both fall back to a plausible call. */
    static String[] modelAndMethod(String path) {
        String[] parts = path.split("/");
        return parts.length >= 5 ? new String[] {parts[3], parts[4]} : new String[] {"res.partner", "search_count"};
    }
}
