package io.logisync.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.support.Events;
import io.logisync.support.LogisyncHarness;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input on the HTTP ingress (routes/ingress.camel.yaml, http-ingress): broken JSON, wrong types, huge values,
 * deep nesting, bytes that are not UTF-8, numbers out of range, times with and without offsets. Each request gets
 * 200 with each event's outcome, or a refusal (400, 413) whose message names what is wrong; never a 5xx. A refused
 * event leaves nothing behind: no shipment row, no parked message, nothing in Odoo.
 */
class HttpIngressHostileInputTest {

    private static LogisyncHarness logisync;
    private static final AtomicInteger LOADS = new AtomicInteger();

    @BeforeContainer
    static void start() throws Exception {
        // rate limiting off: the properties send requests as fast as they are answered
        logisync = LogisyncHarness.start("--logisync.ingress.max-body-bytes=262144", "--logisync.ingress.rate-limit=0");
        logisync.send(Events.customer("c-ACME", "ACME", "Acme Retail Inc."));
    }

    @AfterContainer
    static void stop() throws Exception {
        logisync.close();
    }

    @Property(tries = 150)
    void shouldRefuseBrokenJsonWithA400NamingTheProblem(@ForAll("brokenJson") byte[] body) throws Exception {
        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).as(response.body()).isIn(200, 400);
        JsonNode answer = Events.MAPPER.readTree(response.body());
        if (response.statusCode() == 400) {
            assertThat(answer.path("message").asText()).isNotBlank();
        }
        assertNothingLeftOfRefused(answer);
    }

    @Property(tries = 150)
    void shouldAnswerEachEventWithAWrongValueByNamingTheField(@ForAll("wrongValues") ObjectNode event)
            throws Exception {
        HttpResponse<String> response = post(event.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isIn(200, 400, 413);
        JsonNode answer = Events.MAPPER.readTree(response.body());
        if (response.statusCode() == 413) {
            assertThat(answer.path("message").asText()).contains("limit");
            return;
        }
        JsonNode result = answer.at("/results/0");
        if ("rejected".equals(result.path("status").asText())) {
            assertThat(result.path("errors")).isNotEmpty().allSatisfy(e -> assertThat(e.asText()).startsWith("$"));
        } else {
            // shrinking sends an event again: the second time it is a duplicate
            assertThat(result.path("status").asText()).isIn("accepted", "duplicate");
        }
        assertNothingLeftOfRefused(answer);
    }

    @Property(tries = 100)
    void shouldTakeATimeWithAnOffsetAndRefuseOneWithout(@ForAll("occurrences") String occurredAt) throws Exception {
        String load = nextLoad();
        ObjectNode event = Events.delivered("m-" + load, load, occurredAt);

        HttpResponse<String> response = post(event.toString().getBytes(StandardCharsets.UTF_8));

        JsonNode result = Events.MAPPER.readTree(response.body()).at("/results/0");
        boolean hasOffset = occurredAt.matches(".*(Z|z|[+-]\\d{2}:?\\d{2})$");
        if (hasOffset) {
            // 2020 to 2025, on the calendar: a time of the past with its offset is taken
            assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("accepted");
        } else {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(result.path("errors").toString()).contains("$.data.occurredAt");
        }
    }

    @Provide
    Arbitrary<byte[]> brokenJson() {
        byte[] valid = Events.shipment("s-broken", "L-BROKEN", "ACME", Events.charge("LINEHAUL", "1", "640.00"))
                .toString().getBytes(StandardCharsets.UTF_8);
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, valid.length - 1)
                .map(end -> java.util.Arrays.copyOf(valid, end));
        // bytes that are not UTF-8 (a lone continuation byte, an overlong form, a surrogate) inside a string
        Arbitrary<byte[]> notUtf8 = Arbitraries.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF}).map(bad -> {
                    String text = new String(valid, StandardCharsets.UTF_8);
                    int at = text.indexOf("L-BROKEN") + 2;
                    byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
                    byte[] tail = text.substring(at).getBytes(StandardCharsets.UTF_8);
                    byte[] answer = new byte[head.length + bad.length + tail.length];
                    System.arraycopy(head, 0, answer, 0, head.length);
                    System.arraycopy(bad, 0, answer, head.length, bad.length);
                    System.arraycopy(tail, 0, answer, head.length + bad.length, tail.length);
                    return answer;
                });
        Arbitrary<byte[]> deep = Arbitraries.integers().between(500, 5000).map(depth -> ("{\"specversion\":\"1.0\","
                + "\"data\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> garbage = Arbitraries.strings().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> notObjects = Arbitraries.of("[]", "null", "42", "\"event\"", "true", "[1,2]", "{} {}",
                "[{}]", "{\"a\":1,\"a\":2}").map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(truncated, notUtf8, deep, garbage, notObjects);
    }

    @Provide
    Arbitrary<ObjectNode> wrongValues() {
        List<String> paths = List.of("/id", "/subject", "/time", "/type", "/data/loadRef", "/data/customerCode",
                "/data/currency", "/data/stops", "/data/stops/0/sequence", "/data/stops/0/country",
                "/data/stops/0/appointmentFrom", "/data/charges", "/data/charges/0/quantity",
                "/data/charges/0/rate", "/data/charges/0/chargeCode", "/data/charges/0/description");
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.of("", " ", "\u0000", "1e400", "-1", "NaN", "2026-02-30", "2026-11-02T25:00:00Z")
                        .map(Events.MAPPER.getNodeFactory()::textNode),
                Arbitraries.strings().ofMinLength(65).ofMaxLength(300_000).map(Events.MAPPER.getNodeFactory()::textNode),
                Arbitraries.of("1e400", "-1e400", "1e-400", "9223372036854775808", "-9223372036854775809",
                        "123456789012345678901234567890.5", "0", "-0.0", "3.14159265358979323846264338327950288")
                        .map(n -> Events.MAPPER.getNodeFactory().numberNode(new java.math.BigDecimal(n))),
                Arbitraries.of(Events.MAPPER.getNodeFactory().nullNode(),
                        Events.MAPPER.getNodeFactory().booleanNode(true), Events.MAPPER.createObjectNode(),
                        Events.MAPPER.createArrayNode()),
                Arbitraries.integers().between(1, 3000).map(n -> {
                    var array = Events.MAPPER.createArrayNode();
                    for (int i = 0; i < n; i++) {
                        array.add(Events.MAPPER.valueToTree(Map.of("chargeCode", "LINEHAUL", "quantity", "1",
                                "rate", "1.00")));
                    }
                    return array;
                }));
        return Combinators.combine(Arbitraries.of(paths), values).as((path, value) -> {
            String load = nextLoad();
            ObjectNode event = Events.shipment("s-" + load, load, "ACME", Events.charge("LINEHAUL", "1", "640.00"));
            set(event, path, value);
            return event;
        });
    }

    @Provide
    Arbitrary<String> occurrences() {
        Arbitrary<String> local = Combinators.combine(Arbitraries.integers().between(2020, 2025),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28),
                Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59))
                .as((y, mo, d, h, mi) -> String.format("%04d-%02d-%02dT%02d:%02d:00", y, mo, d, h, mi));
        Arbitrary<String> offset = Arbitraries.of("", "Z", "z", "+00:00", "-06:00", "+05:30", "-0600", "+1400",
                "-12:00", " UTC", "[America/Chicago]");
        return Combinators.combine(local, offset).as((time, zone) -> time + zone);
    }

    /** A refused event (or request) left nothing: its load has no shipment row, nothing parked, nothing in Odoo. */
    private static void assertNothingLeftOfRefused(JsonNode answer) {
        for (JsonNode result : answer.path("results")) {
            if (!"rejected".equals(result.path("status").asText()) || result.path("id").isNull()) {
                continue;
            }
            String load = result.path("id").asText().replaceFirst("^[smp]-", "");
            assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM shipment WHERE load_ref = ?",
                    Integer.class, load)).as("shipment rows of refused load %s", load).isZero();
            assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message WHERE event_id = ?",
                    Integer.class, result.path("id").asText())).isZero();
        }
        assertThat(logisync.records("account.move")).as("nothing of these events reaches Odoo").isEmpty();
    }

    private static void set(ObjectNode event, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = event.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static String nextLoad() {
        return "L-H" + LOADS.incrementAndGet();
    }

    private static HttpResponse<String> post(byte[] body) throws Exception {
        return logisync.postBytes(body);
    }
}
