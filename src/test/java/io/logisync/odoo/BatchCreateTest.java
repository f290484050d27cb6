package io.logisync.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logisync.odoo.support.StubOdoo;
import io.logisync.odoo.support.StubRequest;
import io.logisync.odoo.support.StubResponse;
import io.logisync.odoo.support.TestClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** createEach: one call when Odoo accepts all, bisection around the records it refuses. */
class BatchCreateTest {

    private static final String NAME_REQUIRED = "{\"name\": \"odoo.exceptions.ValidationError\", \"message\": "
            + "\"The operation cannot be completed: Contacts require a name\"}";

    private StubOdoo stub;
    private OdooClient client;
    private final AtomicLong nextId = new AtomicLong(100);

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

    /** Like Odoo: the whole call fails (and creates nothing) if any record lacks a name. */
    private StubResponse odooLikeCreate(StubRequest request) {
        var valsList = request.json().get("vals_list");
        for (var vals : valsList) {
            if (!vals.hasNonNull("name")) {
                return StubResponse.json(422, NAME_REQUIRED);
            }
        }
        List<String> ids = new ArrayList<>();
        valsList.forEach(vals -> ids.add(String.valueOf(nextId.getAndIncrement())));
        return StubResponse.json("[" + String.join(", ", ids) + "]");
    }

    @Test
    void shouldCreateAllInOneCallWhenOdooAcceptsThem() {
        stub.handler(this::odooLikeCreate);

        List<BatchResult> results = client.createEach("res.partner", partners(4), null);

        assertThat(results).extracting(BatchResult::id).containsExactly(100L, 101L, 102L, 103L);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void shouldCreateTheGoodRecordsAndReportTheBadIndex() {
        stub.handler(this::odooLikeCreate);
        List<Map<String, Object>> values = partners(7);
        values.set(5, Map.of("email", "noname@example.com"));

        List<BatchResult> results = client.createEach("res.partner", values, null);

        assertThat(results).hasSize(7);
        assertThat(results).extracting(BatchResult::index).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(results).filteredOn(BatchResult::isCreated).extracting(BatchResult::index)
                .containsExactly(0, 1, 2, 3, 4, 6);
        assertThat(results.get(5).error()).isInstanceOf(OdooValidationException.class)
                .hasMessageContaining("Contacts require a name");
        assertThat(results).filteredOn(BatchResult::isCreated).extracting(BatchResult::id).doesNotHaveDuplicates();
    }

    @Test
    void shouldReportEveryBadIndexWhenSeveralAreRefused() {
        stub.handler(this::odooLikeCreate);
        List<Map<String, Object>> values = partners(5);
        values.set(0, Map.of("email", "a@example.com"));
        values.set(4, Map.of("email", "b@example.com"));

        List<BatchResult> results = client.createEach("res.partner", values, null);

        assertThat(results).filteredOn(result -> !result.isCreated()).extracting(BatchResult::index)
                .containsExactly(0, 4);
    }

    @Test
    void shouldPropagateRetryableErrorsWhenNothingWasCreated() {
        stub.enqueue(StubResponse.html(503, "<h1>Service Unavailable</h1>"));

        assertThatThrownBy(() -> client.createEach("res.partner", partners(3), null))
                .isInstanceOf(OdooUnavailableException.class);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void shouldReportRetryableErrorPerIndexOnceSomeRecordsExist() {
        AtomicInteger calls = new AtomicInteger();
        stub.handler(request -> switch (calls.incrementAndGet()) {
            case 1 -> StubResponse.json(422, NAME_REQUIRED);
            case 2 -> odooLikeCreate(request);
            default -> StubResponse.html(503, "<h1>Service Unavailable</h1>");
        });

        List<BatchResult> results = client.createEach("res.partner", partners(4), null);

        // throwing here would lose ids 0 and 1 and make a retry duplicate them
        assertThat(results.get(0).isCreated()).isTrue();
        assertThat(results.get(1).isCreated()).isTrue();
        assertThat(results.get(2).error()).isInstanceOf(OdooUnavailableException.class);
        assertThat(results.get(3).error()).isInstanceOf(OdooUnavailableException.class);
        assertThat(stub.requests()).hasSize(3);
    }

    private static List<Map<String, Object>> partners(int count) {
        return new ArrayList<>(IntStream.range(0, count).mapToObj(i -> Map.<String, Object>of("name", "P" + i))
                .toList());
    }
}
