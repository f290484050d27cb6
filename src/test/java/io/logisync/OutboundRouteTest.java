package io.logisync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.support.EmbeddedKafka;
import io.logisync.support.LogisyncHarness;
import org.apache.camel.CamelExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** routes/outbound.camel.yaml: logisync's own events for dispatch go to their own topic, keyed by subject. */
class OutboundRouteTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldSendAnOutboundEventToTheOutboundTopicKeyedBySubject() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopic("logistics.events", 1);
            kafka.createTopic("dispatch.out", 2);
            try (LogisyncHarness logisync = LogisyncHarness.start("--logisync.bus=kafka",
                    "--logisync.kafka.brokers=" + kafka.bootstrapServers(),
                    "--logisync.kafka.outbound-topic=dispatch.out")) {
                ObjectNode posted = MAPPER.createObjectNode().put("specversion", "1.0").put("id", "inv-1-posted")
                        .put("source", "logisync").put("type", "logistics.invoice.posted.v1")
                        .put("subject", "INV/2026/00001");
                posted.putObject("data").put("invoiceNumber", "INV/2026/00001").put("odooInvoiceId", 1);

                logisync.camel().createProducerTemplate().sendBody("direct:publish-outbound-event", posted);

                ConsumerRecord<String, String> record = kafka.records("dispatch.out").get(0);
                assertThat(record.key()).isEqualTo("INV/2026/00001");
                assertThat(MAPPER.readTree(record.value())).isEqualTo(posted);
                assertThat(kafka.records("logistics.events")).isEmpty();

                posted.remove("subject");
                assertThatThrownBy(() -> logisync.camel().createProducerTemplate()
                        .sendBody("direct:publish-outbound-event", posted))
                        .isInstanceOf(CamelExecutionException.class).rootCause()
                        .hasMessageContaining("an outbound event must have 'subject'");
            }
        }
    }
}
