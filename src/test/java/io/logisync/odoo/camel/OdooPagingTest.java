package io.logisync.odoo.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooClients;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooProtocol;
import io.logisync.odoo.OdooSettings;
import io.logisync.odoo.sim.OdooSimulator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** search_read with pageSize reads every matching record, page by page, against the simulator. */
class OdooPagingTest {

    private OdooSimulator odoo;
    private OdooClient client;
    private CamelContext camel;

    @BeforeEach
    void start() {
        odoo = OdooSimulator.start(0);
        client = OdooClients.create(OdooSettings.builder().url(odoo.url()).database(odoo.database())
                .login(odoo.login()).apiKey(odoo.apiKey()).protocol(OdooProtocol.JSON2).build());
        camel = new DefaultCamelContext();
        camel.getRegistry().bind(OdooConstants.CLIENT_BEAN, client);
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        client.close();
        odoo.close();
    }

    @Test
    void shouldReadEveryMatchingRecordInPagesOfTheGivenSize() throws Exception {
        List<Map<String, Object>> partners = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> Map.<String, Object>of("name", "Paged " + i, "ref", "PAGED")).toList();
        List<Long> created = client.create("res.partner", partners, OdooContext.DEFAULT);
        camel.addRoutes(route("odoo:res.partner?method=search_read&fields=name,ref&pageSize=3"
                + "&domain=RAW([[\"ref\",\"=\",\"PAGED\"]])"));
        camel.start();
        odoo.clearCalls();

        List<?> read = camel.createProducerTemplate().requestBody("direct:read", null, List.class);

        assertThat(read).extracting(r -> (Object) ((Map<?, ?>) r).get("id")).containsExactlyElementsOf(List.copyOf(created));
        // 7 records in pages of 3: 3 + 3 + 1, and the short last page ends the reading
        assertThat(odoo.calls()).filteredOn(c -> "search_read".equals(c.method())).hasSize(3);
    }

    @Test
    void shouldRefusePagingCombinedWithALimitOrAnotherOrder() throws Exception {
        camel.addRoutes(route("odoo:res.partner?method=search_read&fields=name&pageSize=3&limit=10"));

        assertThatThrownBy(camel::start).isInstanceOf(FailedToCreateRouteException.class)
                .rootCause().hasMessageContaining("pageSize").hasMessageContaining("limit");
    }

    @Test
    void shouldRefuseAPageSizeBelowOne() throws Exception {
        camel.addRoutes(route("odoo:res.partner?method=search_read&fields=name&pageSize=0"));

        assertThatThrownBy(camel::start).rootCause()
                .hasMessage("odoo:res.partner: pageSize must be greater than 0, but was 0");
    }

    private static RouteBuilder route(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:read").to(uri);
            }
        };
    }
}
