package io.logisync.odoo.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooClients;
import io.logisync.odoo.OdooProtocol;
import io.logisync.odoo.OdooSettings;
import io.logisync.odoo.sim.OdooSimulator;
import io.logisync.odoo.sim.SimulatorCall;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code method=upsert} against the simulator: create once, then update the same record. */
class OdooUpsertTest extends CamelTestSupport {

    private static OdooSimulator odoo;
    private static OdooClient client;
    private final MapBindings bindings = new MapBindings();

    @BeforeAll
    static void startOdoo() {
        odoo = OdooSimulator.start(0);
        client = OdooClients.create(OdooSettings.builder().url(odoo.url()).database(odoo.database())
                .apiKey(odoo.apiKey()).protocol(OdooProtocol.JSON2).readTimeout(Duration.ofSeconds(10)).build());
    }

    @AfterAll
    static void stopOdoo() {
        client.close();
        odoo.close();
    }

    @BeforeEach
    void forgetCalls() {
        odoo.clearCalls();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind(OdooConstants.CLIENT_BEAN, client);
        registry.bind("bindings", bindings);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upsert").to("odoo:res.partner?method=upsert&upsertKey=ref");
                from("direct:bound").to("odoo:res.partner?method=upsert&upsertKey=ref&bindingKind=customer");
            }
        };
    }

    private List<Map<String, Object>> partnersWithRef(String ref) {
        return odoo.store().records("res.partner").stream().filter(p -> ref.equals(p.get("ref"))).toList();
    }

    private List<String> methodsCalled() {
        return odoo.calls().stream().map(SimulatorCall::method).toList();
    }

    @Test
    void shouldCreateThenUpdateTheSameRecord() {
        Exchange created = template.request("direct:upsert", e -> e.getMessage().setBody(Map.of("ref", "CUST-1",
                "name", "Acme")));
        List<?> ids = created.getMessage().getBody(List.class);
        Exchange updated = template.request("direct:upsert", e -> e.getMessage().setBody(Map.of("ref", "CUST-1",
                "name", "Acme Freight")));

        assertThat(created.getException()).isNull();
        assertThat(updated.getException()).isNull();
        assertThat(ids).hasSize(1);
        assertThat(updated.getMessage().getBody(List.class)).isEqualTo(ids);
        assertThat(updated.getMessage().getHeader(OdooConstants.IDS, List.class)).isEqualTo(ids);
        assertThat(partnersWithRef("CUST-1")).singleElement().satisfies(partner -> {
            assertThat(partner).containsEntry("name", "Acme Freight");
            assertThat(((Number) partner.get("id")).longValue()).isEqualTo(ids.get(0));
        });
        assertThat(methodsCalled()).containsExactly("search_read", "create", "search_read", "write");
    }

    @Test
    void shouldUpsertAListKeepingOneRecordPerKey() {
        List<?> ids = template.requestBody("direct:upsert", List.of(Map.of("ref", "CUST-2", "name", "Two"),
                Map.of("ref", "CUST-3", "name", "Three"), Map.of("ref", "CUST-2", "name", "Two again")), List.class);

        assertThat(ids).hasSize(3);
        assertThat(ids.get(2)).isEqualTo(ids.get(0)).isNotEqualTo(ids.get(1));
        assertThat(partnersWithRef("CUST-2")).singleElement().satisfies(p -> assertThat(p).containsEntry("name",
                "Two again"));
        assertThat(partnersWithRef("CUST-3")).hasSize(1);
    }

    @Test
    void shouldUseAndRecordTheBindingWhenABindingKindIsSet() {
        List<?> ids = template.requestBody("direct:bound", Map.of("ref", "CUST-4", "name", "Four"), List.class);
        long id = ((Number) ids.get(0)).longValue();
        assertThat(bindings.find("customer", "CUST-4")).contains(id);
        // the binding is trusted over Odoo's field: changed there, the record is still found
        client.write("res.partner", List.of(id), Map.of("ref", "RENAMED"), null);
        odoo.clearCalls();

        List<?> again = template.requestBody("direct:bound", Map.of("ref", "CUST-4", "name", "Four bis"), List.class);

        assertThat(again).isEqualTo(ids);
        assertThat(methodsCalled()).containsExactly("write");
        assertThat(odoo.store().record("res.partner", id).orElseThrow()).containsEntry("name", "Four bis")
                .containsEntry("ref", "CUST-4");
    }

    @Test
    void shouldLookTheRecordUpAgainWhenTheBoundOneIsGone() {
        long gone = client.create("res.partner", List.of(Map.of("name", "Gone")), null).get(0);
        client.execute("res.partner", "unlink", Map.of("ids", List.of(gone)), null);
        bindings.bind("customer", "CUST-5", "res.partner", gone);

        List<?> ids = template.requestBody("direct:bound", Map.of("ref", "CUST-5", "name", "Five"), List.class);

        long id = ((Number) ids.get(0)).longValue();
        assertThat(id).isNotEqualTo(gone);
        assertThat(partnersWithRef("CUST-5")).hasSize(1);
        assertThat(bindings.find("customer", "CUST-5")).contains(id);
    }

    @Test
    void shouldRefuseARecordWithoutItsKey() {
        assertThatThrownBy(() -> template.requestBody("direct:upsert", Map.of("name", "No ref")))
                .isInstanceOf(CamelExecutionException.class).hasRootCauseMessage(
                        "odoo:res.partner upsert needs a value for ref in every record, got null");
        assertThat(methodsCalled()).isEmpty();
    }

    @Test
    void shouldRequireTheKeyAndRefuseUpsertOptionsOnOtherMethods() {
        assertThatThrownBy(() -> context.getEndpoint("odoo:res.partner?method=upsert").start())
                .hasStackTraceContaining("needs the upsertKey option");
        assertThatThrownBy(() -> context.getEndpoint("odoo:res.partner?method=create&upsertKey=ref").start())
                .hasStackTraceContaining("apply to method=upsert only");
    }

    /** Bindings in a map, as a database table would keep them. */
    private static final class MapBindings implements BindingLookup {
        private final Map<String, Long> ids = new ConcurrentHashMap<>();

        @Override
        public Optional<Long> find(String kind, String ref) {
            return Optional.ofNullable(ids.get(kind + "/" + ref));
        }

        @Override
        public void bind(String kind, String ref, String model, long id) {
            ids.put(kind + "/" + ref, id);
        }
    }
}
