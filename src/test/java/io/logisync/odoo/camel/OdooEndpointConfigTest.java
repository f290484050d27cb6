package io.logisync.odoo.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.support.StubOdoo;
import io.logisync.odoo.support.StubResponse;
import io.logisync.odoo.support.TestClients;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Endpoint configuration mistakes fail when the route starts, with a message that says what is missing. */
class OdooEndpointConfigTest {

    @Test
    void shouldFailAtStartWhenNoClientCanBeFound() {
        assertThatThrownBy(() -> startWith("odoo:res.partner?method=create"))
                .hasStackTraceContaining("has no client").hasStackTraceContaining(OdooConstants.CLIENT_BEAN);
    }

    @Test
    void shouldRequireFieldsForSearchRead() {
        assertThatThrownBy(() -> startWith("odoo:res.partner?method=search_read&url=http://127.0.0.1:1&apiKey=k"))
                .hasStackTraceContaining("needs the fields option");
    }

    @Test
    void shouldRejectUnknownOptions() {
        assertThatThrownBy(() -> startWith("odoo:res.partner?method=create&url=http://127.0.0.1:1&apiKey=k&colour=red"))
                .hasStackTraceContaining("colour");
    }

    @Test
    void shouldPreferTheComponentClientOverTheRegistryBean() throws Exception {
        try (StubOdoo stub = StubOdoo.start(); OdooClient client = TestClients.json2(stub);
                CamelContext context = new DefaultCamelContext()) {
            OdooComponent component = new OdooComponent();
            component.setClient(client);
            context.addComponent("odoo", component);
            context.addRoutes(route("odoo:res.partner?method=search_count"));
            context.start();
            stub.enqueue(StubResponse.json("4"));

            Object count = context.createProducerTemplate().requestBody("direct:in", Map.of("domain", List.of()));

            assertThat(count).isEqualTo(4L);
            assertThat(stub.lastRequest().path()).isEqualTo("/json/2/res.partner/search_count");
        }
    }

    private static void startWith(String uri) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(route(uri));
            context.start();
        }
    }

    private static RouteBuilder route(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        };
    }
}
