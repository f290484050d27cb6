package io.logisync.odoo.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooMissingRecordException;
import io.logisync.odoo.support.StubOdoo;
import io.logisync.odoo.support.StubResponse;
import io.logisync.odoo.support.TestClients;
import io.logisync.odoo.support.WireCases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The odoo component in Java-DSL routes, against the stub server. */
class OdooComponentTest extends CamelTestSupport {

    private static final String API_KEY = "route-api-key-123";
    private static StubOdoo stub;
    private static OdooClient shared;

    @BeforeAll
    static void startStub() {
        stub = StubOdoo.start();
        shared = TestClients.json2(stub);
    }

    @AfterAll
    static void stopStub() {
        shared.close();
        stub.close();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind(OdooConstants.CLIENT_BEAN, shared);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create")
                        .to("odoo:res.partner?method=create&protocol=json2&database=lab&readTimeout=2s&url="
                                + stub.url() + "&apiKey=" + API_KEY);
                from("direct:write").to("odoo:res.partner?method=write");
                from("direct:search").to("odoo:res.partner?method=search_read&fields=name, ref&limit=5"
                        + "&domain=RAW([[\"is_company\",\"=\",true]])");
                from("direct:post").to("odoo:account.move?method=action_post&companyId=3&lang=en_US");
            }
        };
    }

    @Test
    void shouldCreateRecordsAndReturnTheirIds() {
        stub.enqueue(StubResponse.replay(WireCases.json2("c2_partner_create_batch")));

        Exchange exchange = template.request("direct:create", e -> e.getMessage().setBody(List.of(
                Map.of("name", "Wire Batch A"), Map.of("name", "Wire Batch B"))));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(List.class)).containsExactly(62L, 63L);
        assertThat(exchange.getMessage().getHeader(OdooConstants.IDS, List.class)).containsExactly(62L, 63L);
        assertThat(stub.lastRequest().path()).isEqualTo("/json/2/res.partner/create");
        assertThat(stub.lastRequest().header("Authorization")).isEqualTo("bearer " + API_KEY);
        assertThat(stub.lastRequest().json().get("vals_list")).hasSize(2);
    }

    @Test
    void shouldCreateOneRecordFromAMapBody() {
        stub.enqueue(StubResponse.replay(WireCases.json2("c2_partner_create_one")));

        Object ids = template.requestBody("direct:create", Map.of("name", "Wire Co"));

        assertThat(ids).isEqualTo(List.of(60L));
    }

    @Test
    void shouldWriteWithIdsFromTheHeaderThroughTheRegistryClient() {
        stub.enqueue(StubResponse.replay(WireCases.json2("c2_partner_write")));

        Object result = template.requestBodyAndHeader("direct:write", Map.of("email", "billing@example.com"),
                OdooConstants.IDS, List.of(60L));

        assertThat(result).isEqualTo(true);
        assertThat(stub.lastRequest().body()).isEqualTo("{\"ids\":[60],\"vals\":{\"email\":\"billing@example.com\"}}");
        assertThat(stub.lastRequest().header("Authorization")).isEqualTo("bearer " + TestClients.SECRET);
    }

    @Test
    void shouldSearchReadWithTheDomainOptionAndReturnRawRecords() {
        stub.enqueue(StubResponse.json("[{\"id\": 60, \"name\": \"Wire Co\", \"ref\": false}]"));

        List<Object> records = template.requestBody("direct:search", null, List.class);

        assertThat(records).containsExactly((Object) Map.of("id", 60L, "name", "Wire Co", "ref", false));
        JsonNode sent = stub.lastRequest().json();
        assertThat(sent.get("domain").toString()).isEqualTo("[[\"is_company\",\"=\",true]]");
        assertThat(sent.get("fields").toString()).isEqualTo("[\"name\",\"ref\"]");
        assertThat(sent.get("limit").asInt()).isEqualTo(5);
        assertThat(sent.get("order").asText()).isEqualTo("id");
    }

    @Test
    void shouldSearchReadWithADomainBody() {
        stub.enqueue(StubResponse.json("[]"));

        template.requestBody("direct:search", List.of(List.of("ref", "=", "X")));

        assertThat(stub.lastRequest().json().get("domain").toString()).isEqualTo("[[\"ref\",\"=\",\"X\"]]");
    }

    @Test
    void shouldCallOtherMethodsWithIdsAndContext() {
        stub.enqueue(StubResponse.replay(WireCases.json2("c4_invoice_action_post")));
        stub.enqueue(StubResponse.replay(WireCases.json2("c4_invoice_action_post")));

        Object result = template.requestBodyAndHeader("direct:post", null, OdooConstants.IDS, List.of(56L));
        JsonNode first = stub.lastRequest().json();
        template.requestBodyAndHeaders("direct:post", null, Map.of(OdooConstants.IDS, "56",
                OdooConstants.COMPANY_ID, 7L));
        JsonNode second = stub.lastRequest().json();

        assertThat(result).isEqualTo(false);
        assertThat(first.toString()).isEqualTo("{\"ids\":[56],\"context\":{\"lang\":\"en_US\","
                + "\"allowed_company_ids\":[3]}}");
        assertThat(second.get("context").get("allowed_company_ids").toString()).isEqualTo("[7]");
    }

    @Test
    void shouldFailTheExchangeWithTheTypedException() {
        stub.enqueue(StubResponse.replay(WireCases.json2("c2_partner_write_missing")));

        Exchange exchange = template.request("direct:write", e -> {
            e.getMessage().setBody(Map.of("email", "x@example.com"));
            e.getMessage().setHeader(OdooConstants.IDS, List.of(999999999L));
        });

        assertThat(exchange.getException()).isInstanceOf(OdooMissingRecordException.class)
                .hasMessageContaining("res.partner.write").hasMessageContaining("Record does not exist");
    }

    @Test
    void shouldRejectWriteWithoutIds() {
        try {
            template.requestBody("direct:write", Map.of("email", "x@example.com"));
        } catch (CamelExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(OdooConstants.IDS);
            return;
        }
        throw new AssertionError("write without ids must fail");
    }

    @Test
    void shouldNotShowTheApiKeyInEndpointText() {
        assertThat(context.getEndpoints()).filteredOn(endpoint -> endpoint instanceof OdooEndpoint)
                .isNotEmpty()
                .allSatisfy(endpoint -> assertThat(endpoint.toString()).doesNotContain(API_KEY));
    }

    @Test
    void shouldBindTimeoutsFromMillisOrDurationText() {
        OdooEndpoint endpoint = context.getEndpoint("odoo:res.partner?method=read&readTimeout=1500"
                + "&connectTimeout=PT3S", OdooEndpoint.class);

        assertThat(endpoint.getReadTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(endpoint.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
    }
}
