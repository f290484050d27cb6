package io.logisync.odoo.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.odoo.Commands;
import io.logisync.odoo.Many2one;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooRecord;
import io.logisync.odoo.OdooValues;
import io.logisync.odoo.support.StubOdoo;
import io.logisync.odoo.support.StubResponse;
import io.logisync.odoo.support.TestClients;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How values travel: what the client writes into request bodies and how it decodes replies, on both transports. */
class WireValuesTest {

    private static final long BIG_ID = 3_000_000_123L;

    private enum MoveType { out_invoice }

    private StubOdoo stub;

    @BeforeEach
    void start() {
        stub = StubOdoo.start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void shouldWriteNullAsFalseNeverEmptyString() {
        try (OdooClient client = TestClients.json2(stub)) {
            stub.enqueue(StubResponse.json("true"));
            Map<String, Object> vals = new HashMap<>();
            vals.put("phone", null);

            client.write("res.partner", List.of(60L), vals, null);

            assertThat(stub.lastRequest().body()).contains("\"phone\":false").doesNotContain("null")
                    .doesNotContain("\"\"");
        }
    }

    @Test
    void shouldEncodeDecimalsDatesDatetimesAndEnums() {
        try (OdooClient client = TestClients.json2(stub)) {
            stub.enqueue(StubResponse.json("true"));
            Map<String, Object> vals = new java.util.LinkedHashMap<>();
            vals.put("price_unit", new BigDecimal("40.50"));
            vals.put("big", new BigDecimal("1E+3"));
            vals.put("invoice_date", LocalDate.of(2026, 12, 31));
            vals.put("pickup_at", OffsetDateTime.of(2026, 12, 3, 10, 15, 30, 999_000_000, ZoneOffset.ofHours(2)));
            vals.put("drop_at", OdooValues.parseOffsetDateTime("2026-12-31T22:30:00-0600"));
            vals.put("seen_at", Instant.parse("2026-12-03T08:00:00Z"));
            vals.put("zoned_at", ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, ZoneId.of("America/Chicago")));
            vals.put("move_type", MoveType.out_invoice);
            vals.put("partner_id", new Many2one(60, "Wire Co"));

            client.write("account.move", List.of(56L), vals, null);

            JsonNode sent = stub.lastRequest().json().get("vals");
            assertThat(stub.lastRequest().body()).contains("\"price_unit\":40.50").contains("\"big\":1000");
            assertThat(sent.get("price_unit").isNumber()).isTrue();
            assertThat(sent.get("invoice_date").asText()).isEqualTo("2026-12-31");
            assertThat(sent.get("pickup_at").asText()).isEqualTo("2026-12-03 08:15:30");
            assertThat(sent.get("drop_at").asText()).isEqualTo("2027-01-01 04:30:00");
            assertThat(sent.get("seen_at").asText()).isEqualTo("2026-12-03 08:00:00");
            assertThat(sent.get("zoned_at").asText()).isEqualTo("2026-07-01 17:00:00");
            assertThat(sent.get("move_type").asText()).isEqualTo("out_invoice");
            assertThat(sent.get("partner_id").asLong()).isEqualTo(60L);
        }
    }

    @Test
    void shouldRefuseLocalDateTimeBecauseItsZoneIsAGuess() {
        assertThatThrownBy(() -> OdooJson.write(Map.of("at", LocalDateTime.of(2026, 1, 1, 0, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LocalDateTime");
    }

    @Test
    void shouldSendX2manyCommandsAsNestedLists() {
        try (OdooClient client = TestClients.json2(stub)) {
            stub.enqueue(StubResponse.json("true"));

            client.write("account.move", List.of(56L), Map.of("invoice_line_ids", Commands.of(
                    Commands.create(Map.of("name", "extra")), Commands.update(7, Map.of("quantity", 2)),
                    Commands.delete(8), Commands.unlink(9), Commands.link(10), Commands.clear(),
                    Commands.set(List.of(1L, 2L)))), null);

            assertThat(stub.lastRequest().json().get("vals").get("invoice_line_ids").toString()).isEqualTo(
                    "[[0,0,{\"name\":\"extra\"}],[1,7,{\"quantity\":2}],[2,8],[3,9],[4,10],[5],[6,0,[1,2]]]");
        }
    }

    @Test
    void shouldDecodeIntegersAsLongAndFloatsAsBigDecimal() {
        try (OdooClient client = TestClients.json2(stub)) {
            stub.enqueue(StubResponse.json("[{\"id\": 56, \"amount_total\": 305.33, \"amount_tax\": 0.0, "
                    + "\"partner_id\": [60, \"Wire Co\"], \"invoice_date\": \"2026-12-03\", "
                    + "\"write_date\": \"2026-12-03 19:29:09\", \"invoice_line_ids\": [150, 151], \"ref\": false}]"));

            OdooRecord record = client.read("account.move", List.of(56L), List.of("amount_total"), null).get(0);

            assertThat(record.raw().get("id")).isInstanceOf(Long.class);
            assertThat(record.raw().get("amount_total")).isEqualTo(new BigDecimal("305.33"));
            assertThat(record.getDecimal("amount_tax")).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(record.getMany2one("partner_id")).isEqualTo(new Many2one(60, "Wire Co"));
            assertThat(record.getIds("invoice_line_ids")).containsExactly(150L, 151L);
            assertThat(record.getString("ref")).isNull();
            assertThat(OdooValues.parseDate(record.raw().get("invoice_date"))).isEqualTo(LocalDate.of(2026, 12, 3));
            assertThat(OdooValues.parseDatetime(record.raw().get("write_date")))
                    .isEqualTo(Instant.parse("2026-12-03T19:29:09Z"));
        }
    }

    @Test
    void shouldRoundTripIdAboveTwoToThe31OnJson2() {
        try (OdooClient client = TestClients.json2(stub)) {
            stub.enqueue(StubResponse.json("[" + BIG_ID + "]"));
            stub.enqueue(StubResponse.json("[{\"id\": " + BIG_ID + ", \"parent_id\": [" + (BIG_ID + 1) + ", \"P\"]}]"));

            List<Long> ids = client.create("res.partner", List.of(Map.of("name", "big")), null);
            OdooRecord record = client.read("res.partner", ids, List.of("parent_id"), null).get(0);

            assertThat(ids).containsExactly(BIG_ID);
            assertThat(stub.lastRequest().json().get("ids").get(0).asLong()).isEqualTo(BIG_ID);
            assertThat(record.id()).isEqualTo(BIG_ID);
            assertThat(record.getMany2one("parent_id").id()).isEqualTo(BIG_ID + 1);
        }
    }

    @Test
    void shouldRoundTripIdAboveTwoToThe31OnJsonRpc() {
        try (OdooClient client = TestClients.jsonRpc(stub)) {
            stub.enqueue(StubResponse.rpcResult(String.valueOf(BIG_ID + 7)));
            stub.enqueue(StubResponse.rpcResult("[" + BIG_ID + "]"));
            stub.enqueue(StubResponse.rpcResult("[{\"id\": " + BIG_ID + ", \"name\": \"big\"}]"));

            List<Long> ids = client.create("res.partner", List.of(Map.of("name", "big")), null);
            OdooRecord record = client.read("res.partner", ids, List.of("name"), null).get(0);

            assertThat(ids).containsExactly(BIG_ID);
            JsonNode args = stub.lastRequest().json().get("params").get("args");
            assertThat(args.get(1).asLong()).isEqualTo(BIG_ID + 7);
            assertThat(args.get(5).get(0).get(0).asLong()).isEqualTo(BIG_ID);
            assertThat(record.id()).isEqualTo(BIG_ID);
        }
    }
}
