package io.logisync.kamelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logisync.support.LogisyncHarness;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** kamelets/odoo-sink.kamelet.yaml, writing into the Odoo simulator through the odoo component. */
class OdooSinkKameletTest {

    private LogisyncHarness logisync;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        logisync = LogisyncHarness.start();
        producer = logisync.camel().createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        producer.close();
        logisync.close();
    }

    private List<Map<String, Object>> partners(String ref) {
        return logisync.records("res.partner").stream().filter(p -> ref.equals(p.get("ref"))).toList();
    }

    @Test
    void shouldCreateTheRecordsOfAJsonArray() {
        producer.sendBody("kamelet:odoo-sink?model=res.partner",
                "[{\"name\": \"Sample Carrier One\", \"ref\": \"CAR-1\"}, {\"name\": \"Sample Carrier Two\","
                        + " \"ref\": \"CAR-2\"}]");

        assertThat(partners("CAR-1")).extracting(p -> p.get("name")).containsExactly("Sample Carrier One");
        assertThat(partners("CAR-2")).extracting(p -> p.get("name")).containsExactly("Sample Carrier Two");
    }

    @Test
    void shouldUpsertByKeySoThatTheSameRecordSentTwiceIsWrittenNotDuplicated() {
        String uri = "kamelet:odoo-sink?model=res.partner&method=upsert&upsertKey=ref";

        producer.sendBody(uri, "{\"name\": \"Sample Carrier\", \"ref\": \"CAR-9\"}");
        producer.sendBody(uri, Map.of("name", "Sample Carrier Inc.", "ref", "CAR-9"));

        assertThat(partners("CAR-9")).singleElement()
                .satisfies(p -> assertThat(p.get("name")).isEqualTo("Sample Carrier Inc."));
    }

    @Test
    void shouldRefuseABodyThatIsNoRecord() {
        assertThatThrownBy(() -> producer.sendBody("kamelet:odoo-sink?model=res.partner", "\"just text\""))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseMessage("odoo-sink needs a record (a JSON object or Map) or a list of them, but got"
                        + " JSON String");
    }
}
