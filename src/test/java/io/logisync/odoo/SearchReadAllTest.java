package io.logisync.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.odoo.support.StubOdoo;
import io.logisync.odoo.support.StubRequest;
import io.logisync.odoo.support.StubResponse;
import io.logisync.odoo.support.TestClients;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchReadAllTest {

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

    /** Serves ids 1..5 ordered by id, honouring an {@code ["id", ">", n]} term and the limit. */
    private static StubResponse fiveRecords(StubRequest request) {
        JsonNode body = request.json();
        long after = 0;
        for (JsonNode term : body.get("domain")) {
            if (term.isArray() && term.get(0).asText().equals("id") && term.get(1).asText().equals(">")) {
                after = term.get(2).asLong();
            }
        }
        long start = after;
        List<String> rows = new ArrayList<>();
        LongStream.rangeClosed(1, 5).filter(id -> id > start).limit(body.get("limit").asInt())
                .forEach(id -> rows.add("{\"id\": " + id + ", \"name\": \"P" + id + "\"}"));
        return StubResponse.json("[" + String.join(", ", rows) + "]");
    }

    @Test
    void shouldPageByIdUntilAShortPage() {
        stub.handler(SearchReadAllTest::fiveRecords);

        List<OdooRecord> all = client.searchReadAll("res.partner", List.of(List.of("active", "=", true)),
                List.of("name"), 2, null);

        assertThat(all).extracting(OdooRecord::id).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(stub.requests()).hasSize(3);
        JsonNode last = stub.lastRequest().json();
        assertThat(last.get("order").asText()).isEqualTo("id");
        assertThat(last.get("domain").toString()).isEqualTo("[[\"active\",\"=\",true],[\"id\",\">\",4]]");
    }

    @Test
    void shouldSendLimitOffsetAndOrderWhenGiven() {
        stub.enqueue(StubResponse.json("[]"));

        client.searchRead("res.partner", List.of(), List.of("name"), 10, 20, "name desc, id", null);

        JsonNode sent = stub.lastRequest().json();
        assertThat(sent.get("limit").asInt()).isEqualTo(10);
        assertThat(sent.get("offset").asInt()).isEqualTo(20);
        assertThat(sent.get("order").asText()).isEqualTo("name desc, id");
    }
}
