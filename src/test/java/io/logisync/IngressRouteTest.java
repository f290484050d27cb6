package io.logisync;

import static io.logisync.support.Events.MAPPER;
import static io.logisync.support.Events.array;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.support.LogisyncHarness;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngressRouteTest {

    private static LogisyncHarness logisync;

    @BeforeAll
    static void start() throws Exception {
        logisync = LogisyncHarness.start("--logisync.ingress.max-body-bytes=20000", "--camel.server.max-body-size=20000");
    }

    @AfterAll
    static void stop() throws Exception {
        logisync.close();
    }

    private int parkedBefore;
    private int processedBefore;

    @BeforeEach
    void rememberWhatIsStored() {
        logisync.odoo().clearCalls();
        parkedBefore = count("parked_message");
        processedBefore = count("camel_messageprocessed");
    }

    @Test
    void shouldRejectAnInvalidEventWith400NamingTheFieldAndTheRule() throws Exception {
        ObjectNode event = shipment("bad-1", "L-300", "ACME", charge("LINEHAUL", "1", "10.00"));
        ((ObjectNode) event.get("data").get("charges").get(0)).remove("quantity");

        HttpResponse<String> response = logisync.post(event.toString(), LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.get("message").asText()).contains("$.data.charges[0]").contains("quantity")
                .contains("rule: required");
        assertThat(body.at("/results/0/status").asText()).isEqualTo("rejected");
        assertNothingStored();
    }

    @Test
    void shouldRejectATimeWithoutAnOffset() throws Exception {
        ObjectNode event = customer("bad-2", "ACME", "Acme");
        event.put("time", "2026-11-02T14:05:00");

        HttpResponse<String> response = logisync.post(event.toString(), LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body()).get("message").asText())
                .contains("$.time: \"2026-11-02T14:05:00\" must be an RFC 3339 time with an offset")
                .contains("rule: pattern");
        assertNothingStored();
    }

    @Test
    void shouldRejectACodeWithSpacesAroundItAndANameWithNothingToRead() throws Exception {
        ObjectNode padded = customer("bad-4", " ACME ", "Acme");
        ObjectNode blank = customer("bad-5", "BLANK", "   ");

        JsonNode answer = MAPPER.readTree(logisync.post(array(padded, blank).toString(), LogisyncHarness.TMS_KEY)
                .body());

        assertThat(answer.at("/results/0/errors/0").asText())
                .startsWith("$.data.code: \" ACME \" must be a code with no space at its start or end")
                .endsWith("(rule: pattern)");
        assertThat(answer.at("/results/1/errors/0").asText()).startsWith("$.data.name: \"   \" must hold a visible");
        assertNothingStored();
    }

    @Test
    void shouldRejectControlCharactersInNamesAndCodesNamingTheField() throws Exception {
        ObjectNode bell = customer("ctl-1", "BELL", "Bell\u0007Co");
        ObjectNode nul = customer("ctl-2", "NUL", "A\u0000B");
        ObjectNode del = customer("ctl-3", "DEL", "Del\u007fCo");
        ObjectNode tab = customer("ctl-4", "TAB", "Tab\tCo");
        ObjectNode carrier = io.logisync.support.Events.carrier("ctl-5", "BELLFR", "Bell\u0007Freight");
        ObjectNode code = customer("ctl-6", "AC\u0007ME", "Acme");
        ObjectNode loadRef = shipment("ctl-7", "L-309\n", "ACME", charge("LINEHAUL", "1", "10.00"));
        ObjectNode decidedBy = io.logisync.support.Events.approved("ctl-8", "ACC-1", "L-309", "Olivia\u0000");

        HttpResponse<String> response = logisync.post(array(bell, nul, del, tab, carrier, code, loadRef, decidedBy)
                .toString(), LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode answer = MAPPER.readTree(response.body());
        List<String> fields = List.of("$.data.name", "$.data.name", "$.data.name", "$.data.name", "$.data.name",
                "$.data.code", "$.data.loadRef", "$.data.decidedBy");
        for (int i = 0; i < fields.size(); i++) {
            assertThat(answer.at("/results/" + i + "/status").asText()).as(answer.toString()).isEqualTo("rejected");
            assertThat(answer.at("/results/" + i + "/errors").toString()).as("event %d", i)
                    .contains(fields.get(i) + ": ").contains("no control characters").contains("rule: pattern");
        }
        // the value is echoed JSON-escaped, never as the raw control character
        assertThat(response.body()).doesNotContain("\u0007").doesNotContain("\u0000");
        assertThat(answer.at("/results/0/errors/0").asText()).startsWith("$.data.name: \"Bell\\u0007Co\" must hold");
        assertNothingStored();
    }

    @Test
    void shouldRejectAnEventIdThatIsBlankOrHoldsControlCharactersAndASubjectOtherThanItsCode() throws Exception {
        ObjectNode lineBreak = customer("id-1\nINFO forged line", "ACME", "Acme");
        ObjectNode blank = customer("   ", "ACME", "Acme");
        ObjectNode padded = customer(" id-3", "ACME", "Acme");
        ObjectNode subject = customer("id-4", "ACME", "Acme");
        subject.put("subject", "AC\u0007ME");

        HttpResponse<String> response = logisync.post(array(lineBreak, blank, padded, subject).toString(),
                LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode answer = MAPPER.readTree(response.body());
        for (int i = 0; i < 3; i++) {
            assertThat(answer.at("/results/" + i + "/status").asText()).as(answer.toString()).isEqualTo("rejected");
            assertThat(answer.at("/results/" + i + "/errors/0").asText()).as("event %d", i)
                    .startsWith("$.id: ").contains("no control characters").endsWith("(rule: pattern)");
        }
        // a subject must name the event's own code or load, which have no control characters themselves
        assertThat(answer.at("/results/3/status").asText()).isEqualTo("rejected");
        assertThat(answer.at("/results/3/errors/0").asText()).startsWith("$.subject: ").contains("ACME");
        assertThat(response.body()).doesNotContain("\n").doesNotContain("\u0007");
        assertNothingStored();
    }

    @Test
    void shouldKeepLineBreaksInFreeTextSuchAsAChargeDescription() throws Exception {
        logisync.send(customer("ctl-c", "ACME", "Acme Retail Inc."));
        ObjectNode event = shipment("ctl-10", "L-310", "ACME", java.util.Map.of("chargeCode", "LINEHAUL",
                "quantity", "1", "rate", "10.00", "description", "Chicago to Detroit\nliftgate at delivery"));

        JsonNode answer = logisync.send(event);

        assertThat(answer.at("/results/0/status").asText()).as(answer.toString()).isEqualTo("accepted");
    }

    @Test
    void shouldRejectACountryThatIsNoIsoCodeWhereverAnEventCarriesOne() throws Exception {
        ObjectNode customer = customer("zz-1", "ZZCO", "Nowhere Co");
        ((ObjectNode) customer.at("/data/address")).put("country", "ZZ");
        ObjectNode shipment = shipment("zz-2", "L-311", "ACME", charge("LINEHAUL", "1", "10.00"));
        ((ObjectNode) shipment.at("/data/stops/1")).put("country", "ZZ");
        ObjectNode milestone = io.logisync.support.Events.delivered("zz-3", "L-311", "2026-11-02T15:40:00Z");
        ((ObjectNode) milestone.get("data")).set("location", MAPPER.createObjectNode().put("city", "Detroit")
                .put("country", "ZZ"));
        ObjectNode carrier = io.logisync.support.Events.carrier("zz-4", "ZZFR", "Nowhere Freight");
        ((ObjectNode) carrier.at("/data/address")).put("country", "ZZ");

        HttpResponse<String> response = logisync.post(array(customer, shipment, milestone, carrier).toString(),
                LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode answer = MAPPER.readTree(response.body());
        List<String> fields = List.of("$.data.address.country", "$.data.stops[1].country",
                "$.data.location.country", "$.data.address.country");
        for (int i = 0; i < fields.size(); i++) {
            assertThat(answer.at("/results/" + i + "/errors").toString()).as("event %d", i)
                    .contains(fields.get(i) + ": 'ZZ' is not an ISO 3166-1 alpha-2 country code");
        }
        assertNothingStored();
    }

    @Test
    void shouldEchoOnlyTheStartOfAnOverlongValueInTheAnswer() throws Exception {
        String longId = "x".repeat(5_000);
        ObjectNode overlongId = customer(longId, "LONG", "Long Co");
        ObjectNode overlongType = customer("long-2", "LONG", "Long Co").put("type",
                "logistics." + "a".repeat(5_000) + ".upserted.v1");
        ObjectNode overlongKey = customer("long-3", "LONG", "Long Co");
        ((ObjectNode) overlongKey.get("data")).put("k".repeat(5_000), 1);

        HttpResponse<String> response = logisync.post(array(overlongId, overlongType, overlongKey).toString(),
                LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body().length()).as(response.body()).isLessThan(3_000);
        JsonNode answer = MAPPER.readTree(response.body());
        assertThat(answer.at("/results/0/id").asText()).isEqualTo("x".repeat(200) + "… (5000 characters)");
        assertThat(answer.at("/results/0/errors/0").asText())
                .isEqualTo("$.id: must be at most 200 characters long (rule: maxLength)");
        assertThat(answer.at("/results/1/id").asText()).isEqualTo("long-2");
        assertThat(answer.at("/results/1/errors/0").asText()).startsWith("$.type: 'logistics.aaa")
                .contains("… (5022 characters)' is not an event type this logisync accepts");
        assertThat(answer.at("/results/2/errors/0").asText()).startsWith("$.data: property 'kkk")
                .contains("… (5000 characters)' is not defined in the schema");
        assertNothingStored();
    }

    @Test
    void shouldAcceptTheLowerCaseTAndZThatRfc3339Allows() throws Exception {
        JsonNode answer = MAPPER.readTree(logisync.post(io.logisync.support.Events.delivered("m-lower", "L-302",
                "2026-11-02t15:40:00z").toString(), LogisyncHarness.TMS_KEY).body());

        assertThat(answer.at("/results/0/status").asText()).isEqualTo("accepted");
    }

    @Test
    void shouldRejectAMilestoneInTheFutureAndAProofOfDeliverySignedBeforeShipmentsExisted() throws Exception {
        ObjectNode future = io.logisync.support.Events.delivered("m-future", "L-303",
                java.time.OffsetDateTime.now().plusDays(2).toString());
        ObjectNode ancient = io.logisync.support.Events.pod("p-ancient", "L-303");
        ((ObjectNode) ancient.get("data")).put("signedAt", "0001-01-01T00:00:00Z");

        JsonNode answer = MAPPER.readTree(logisync.post(array(future, ancient).toString(), LogisyncHarness.TMS_KEY)
                .body());

        assertThat(answer.at("/results/0/errors/0").asText()).startsWith("$.data.occurredAt:")
                .contains("lies in the future");
        assertThat(answer.at("/results/1/errors/0").asText()).startsWith("$.data.signedAt:")
                .contains("rule: plausible time");
        assertNothingStored();
    }

    @Test
    void shouldRefuseAWrongKeyWith401() throws Exception {
        HttpResponse<String> response = logisync.post(customer("c-1", "ACME", "Acme").toString(), "not-a-key");
        // a right key beside a wrong one is refused all the same
        HttpResponse<String> both = logisync.postTo("/api/v1/events", customer("c-2", "ACME", "Acme").toString(),
                java.util.Map.of("X-API-Key", LogisyncHarness.TMS_KEY, "Authorization", "Bearer not-a-key"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(MAPPER.readTree(response.body()).get("message").asText()).contains("API key");
        assertThat(both.statusCode()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void shouldRefuseAMissingKeyWith401() throws Exception {
        HttpResponse<String> response = logisync.post(customer("c-1", "ACME", "Acme").toString(), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void shouldRefuseAnOversizeBodyWith413() throws Exception {
        ArrayNode events = MAPPER.createArrayNode();
        for (int i = 0; i < 100; i++) {
            events.add(customer("big-" + i, "C-" + i, "Customer with a long enough name number " + i));
        }

        HttpResponse<String> response = logisync.post(events.toString(), LogisyncHarness.TMS_KEY);
        HttpResponse<String> overServerLimit = logisync.post("[" + "1,".repeat(20_000) + "1]", LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(MAPPER.readTree(response.body()).get("error").asText()).isEqualTo("payload too large");
        // over the server's own limit the body is never read, and the answer is still JSON naming the setting
        assertThat(overServerLimit.statusCode()).isEqualTo(413);
        assertThat(overServerLimit.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(MAPPER.readTree(overServerLimit.body()).get("message").asText()).contains("20000 bytes")
                .contains("camel.server.max-body-size");
        assertNothingStored();
    }

    @Test
    void shouldRejectANumberQuantityPastSixDecimalsAndACurrencyThatIsNoIsoCode() throws Exception {
        ObjectNode fine = shipment("bad-10", "L-308", "ACME", java.util.Map.of("chargeCode", "LINEHAUL",
                "quantity", new java.math.BigDecimal("1.0000004"), "rate", "100.00"));
        ObjectNode zzz = shipment("bad-11", "L-309", "ACME", charge("LINEHAUL", "1", "100.00"));
        ((ObjectNode) zzz.get("data")).put("currency", "ZZZ");

        JsonNode answer = MAPPER.readTree(logisync.post(array(fine, zzz).toString(), LogisyncHarness.TMS_KEY)
                .body());

        assertThat(answer.at("/results/0/errors/0").asText()).contains("$.data.charges[0].quantity: 1.0000004")
                .contains("six decimals");
        assertThat(answer.at("/results/1/errors/0").asText()).contains("$.data.currency: 'ZZZ'")
                .contains("ISO 4217");
        assertNothingStored();
    }

    @Test
    void shouldTakeExtensionAttributesOnlyAsCloudEventsHasThem() throws Exception {
        ObjectNode badName = customer("ext-1", "ACME", "Acme");
        badName.put("Bad Name!", "x");
        ObjectNode nested = customer("ext-2", "ACME", "Acme");
        nested.putObject("partition").put("a", 1);
        ObjectNode plain = customer("ext-3", "ACME", "Acme");
        plain.put("partitionkey", "acme").put("sequence", 7);

        JsonNode answer = MAPPER.readTree(logisync.post(array(badName, nested, plain).toString(),
                LogisyncHarness.TMS_KEY).body());

        assertThat(answer.at("/results/0/errors").toString()).contains("Bad Name!");
        assertThat(answer.at("/results/1/errors").toString()).contains("partition");
        assertThat(answer.at("/results/2/status").asText()).isEqualTo("accepted");
    }

    @Test
    void shouldRefuseBytesThatUtf8DoesNotAllowRatherThanReadThemAsOtherCharacters() throws Exception {
        String event = customer("utf-1", "ACME", "AcXXme").toString();
        int at = event.indexOf("XX");
        // an overlong '/', an encoded surrogate (CESU-8), a code point past U+10FFFF: each a lenient reader's character
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.write(event.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(bad);
            body.write(event.substring(at + 2).getBytes(java.nio.charset.StandardCharsets.UTF_8));

            HttpResponse<String> response = logisync.postBytes(body.toByteArray());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(MAPPER.readTree(response.body()).get("message").asText()).contains("not valid UTF-8")
                    .contains("byte " + (at + 1));
        }
        assertNothingStored();
    }

    @Test
    void shouldAnswerInJsonWhatNoRouteTakesAndEchoNoRequestHeaderBack() throws Exception {
        HttpResponse<String> text = logisync.post("code=ACME", LogisyncHarness.TMS_KEY, "text/plain");
        HttpResponse<String> put = logisync.api("PUT", "/api/v1/events", "{}", LogisyncHarness.TMS_KEY);
        HttpResponse<String> nowhere = logisync.api("GET", "/api/v1/event", null, LogisyncHarness.TMS_KEY);
        HttpResponse<String> echoed = logisync.postTo("/api/v1/events?probe=query-value",
                customer("c-echo", "ACME", "Acme").toString(), java.util.Map.of("Authorization", "Bearer "
                        + LogisyncHarness.TMS_KEY, "X-Probe", "header-value", "LogisyncSingleEvent", "true"));

        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(MAPPER.readTree(text.body()).get("message").asText()).contains("'text/plain'")
                .contains("/api/v1/events");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(MAPPER.readTree(put.body()).get("message").asText()).contains("PUT");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(MAPPER.readTree(nowhere.body()).get("message").asText()).contains("GET /api/v1/event");
        assertThat(echoed.statusCode()).as(echoed.body()).isEqualTo(200);
        assertThat(echoed.headers().map().keySet()).map(name -> name.toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("x-probe", "probe", "logisyncsingleevent", "authorization");
        assertThat(echoed.headers().map().toString()).doesNotContain("header-value").doesNotContain("query-value");
    }

    @Test
    void shouldRefuseMalformedJsonWith400() throws Exception {
        HttpResponse<String> response = logisync.post("[{\"specversion\": \"1.0\",", LogisyncHarness.TMS_KEY);
        HttpResponse<String> notANumber = logisync.post("{\"specversion\": \"1.0\",\n \"amount\": NaN}",
                LogisyncHarness.TMS_KEY);
        HttpResponse<String> deep = logisync.post("[".repeat(1200) + "]".repeat(1200), LogisyncHarness.TMS_KEY);
        HttpResponse<String> comment = logisync.post("{\"specversion\": \"1.0\" // a note\n}",
                LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body()).get("message").asText()).contains("not valid JSON")
                .contains("line 1, column");
        // the parser's words, without its Java settings: the sender can act on neither
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(notANumber.body()).get("message").asText()).contains("'NaN'")
                .contains("not a JSON value").contains("line 2").doesNotContain("`").doesNotContain("Feature");
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(deep.body()).get("message").asText()).contains("nesting depth")
                .doesNotContain("`").doesNotContain("StreamReadConstraints").doesNotContain("REDACTED");
        assertThat(MAPPER.readTree(comment.body()).get("message").asText()).contains("JSON does not allow it")
                .doesNotContain("ALLOW_COMMENTS").doesNotContain("parser");
        assertNothingStored();
    }

    @Test
    void shouldRefuseAnEventThatGivesOneKeyTwiceInsteadOfKeepingTheLast() throws Exception {
        String twice = customer("c-1", "ACME", "Acme").toString().replaceFirst("\\{", "{\"id\":\"c-0\",");

        HttpResponse<String> response = logisync.post(twice, LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body()).get("message").asText())
                .contains("gives the key 'id' twice").contains("line 1");
        assertNothingStored();
    }

    @Test
    void shouldRefuseABodyHoldingTwoEventsBackToBackInsteadOfTakingTheFirst() throws Exception {
        String two = customer("c-1", "ACME", "Acme").toString() + "\n" + customer("c-2", "BETA", "Beta");

        HttpResponse<String> response = logisync.post(two, LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body()).get("message").asText())
                .contains("more than one JSON value").contains("line 2");
        assertNothingStored();
    }

    @Test
    void shouldRefuseAnEventFollowedByGarbage() throws Exception {
        HttpResponse<String> response = logisync.post(customer("c-1", "ACME", "Acme") + " garbage",
                LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertNothingStored();
    }

    @Test
    void shouldRefuseABodyThatIsNotJsonWith415() throws Exception {
        HttpResponse<String> response = logisync.post("code=ACME", LogisyncHarness.TMS_KEY, "text/plain");

        assertThat(response.statusCode()).isEqualTo(415);
        assertNothingStored();
    }

    @Test
    void shouldRefuseAFormEncodedBodyWith415() throws Exception {
        HttpResponse<String> response = logisync.post(customer("c-1", "ACME", "Acme").toString(),
                LogisyncHarness.TMS_KEY, "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(415);
        assertNothingStored();
    }

    @Test
    void shouldRejectADateThatIsNotOnTheCalendar() throws Exception {
        ObjectNode event = io.logisync.support.Events.delivered("bad-3", "L-301", "2026-02-30T10:00:00-06:00");

        HttpResponse<String> response = logisync.post(event.toString(), LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body()).get("message").asText()).contains("$.data.occurredAt")
                .contains("2026-02-30").contains("rule: calendar");
        assertNothingStored();
    }

    @Test
    void shouldRejectASubjectThatIsNotTheLoadReference() throws Exception {
        ObjectNode event = shipment("bad-4", "L-302", "ACME", charge("LINEHAUL", "1", "10.00"));
        event.put("subject", "L-999");

        HttpResponse<String> response = logisync.post(event.toString(), LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body()).get("message").asText()).contains("$.subject")
                .contains("L-302");
        assertNothingStored();
    }

    @Test
    void shouldRejectChargesThatDisagreeOrAddUpBelowZero() throws Exception {
        ObjectNode disagree = shipment("bad-5", "L-303", "ACME", java.util.Map.of("chargeCode", "LINEHAUL",
                "quantity", 2, "rate", "100.00", "amount", "150.00"));
        ObjectNode negative = shipment("bad-6", "L-304", "ACME", java.util.Map.of("chargeCode", "LINEHAUL",
                "quantity", 1, "amount", "-50.00"));
        ObjectNode negativeRate = shipment("bad-7", "L-305", "ACME", charge("LINEHAUL", "1", "-100.00"));

        JsonNode answer = MAPPER.readTree(logisync.post(array(disagree, negative, negativeRate).toString(),
                LogisyncHarness.TMS_KEY).body());

        assertThat(answer.at("/results/0/errors/0").asText()).contains("$.data.charges[0].amount")
                .contains("200.00");
        assertThat(answer.at("/results/1/errors/0").asText()).contains("$.data.charges").contains("-50.00");
        assertThat(answer.at("/results/2/errors/0").asText()).contains("$.data.charges[0].rate");
        assertNothingStored();
    }

    @Test
    void shouldRejectAQuantityTimesRateBeyondWhatAnInvoiceCanBill() throws Exception {
        ObjectNode huge = shipment("bad-8", "L-306", "ACME", charge("LINEHAUL", "999999999", "999999999999.99"));
        ObjectNode summed = shipment("bad-9", "L-307", "ACME", charge("LINEHAUL", "1", "999999999999.00"),
                charge("FUEL", "1", "999999999999.00"));

        JsonNode answer = MAPPER.readTree(logisync.post(array(huge, summed).toString(), LogisyncHarness.TMS_KEY)
                .body());

        assertThat(answer.at("/results/0/errors/0").asText()).contains("$.data.charges[0]")
                .contains("999999998999990000000.01");
        assertThat(answer.at("/results/1/errors").toString()).contains("$.data.charges: add up to 1999999999998.00")
                .doesNotContain("charges[0]").doesNotContain("charges[1]");
        assertNothingStored();
    }

    private static ObjectNode bill(String id, String currency, String total, String... amounts) {
        List<java.util.Map<String, String>> lines = java.util.Arrays.stream(amounts)
                .map(amount -> java.util.Map.of("loadRef", "L-310", "chargeCode", "LINEHAUL", "amount", amount))
                .toList();
        ObjectNode event = io.logisync.support.Events.event(id, "carrier.invoice.received", "MAPLE-EXPRESS",
                java.util.Map.of("carrierCode", "MAPLE-EXPRESS", "carrierInvoiceNumber", id, "invoiceDate",
                        "2026-11-02", "currency", currency, "lines", lines, "total", total));
        event.put("source", "carrier/acme-freight");
        return event;
    }

    @Test
    void shouldRejectMoneyWithMoreDecimalsThanItsCurrency() throws Exception {
        ObjectNode thousandths = bill("mills-1", "USD", "1000.009", "500.005", "500.004");
        ObjectNode halfCents = bill("mills-2", "USD", "0.015", "0.005", "0.005", "0.005");
        ObjectNode yen = bill("mills-3", "JPY", "1000.5", "1000.5");
        ObjectNode assigned = io.logisync.support.Events.event("mills-4", "shipment.assigned", "L-311",
                java.util.Map.of("loadRef", "L-311", "carrierCode", "MAPLE-EXPRESS", "agreedCost",
                        java.util.Map.of("amount", "812.125", "currency", "CAD")));
        assigned.put("source", "carrier/acme-freight");

        HttpResponse<String> response = logisync.post(array(thousandths, halfCents, yen, assigned).toString(),
                LogisyncHarness.CARRIER_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode answer = MAPPER.readTree(response.body());
        assertThat(answer.at("/results/0/errors").toString()).contains("$.data.lines[0].amount: 500.005")
                .contains("$.data.lines[1].amount: 500.004").contains("$.data.total: 1000.009").contains("USD has (2)");
        assertThat(answer.at("/results/1/errors").toString()).contains("$.data.lines[2].amount: 0.005")
                .contains("$.data.total: 0.015").doesNotContain("0.02").doesNotContain("0.03");
        assertThat(answer.at("/results/2/errors").toString()).contains("$.data.total: 1000.5").contains("JPY has (0)");
        assertThat(answer.at("/results/3/errors").toString()).contains("$.data.agreedCost.amount: 812.125")
                .contains("CAD has (2)");
        assertNothingStored();
    }

    @Test
    void shouldKeepTheRatesPrecisionAndMoneyInTheCurrencysOwnMinorUnits() throws Exception {
        ObjectNode dinars = bill("mills-5", "KWD", "12.345", "12.345");
        ObjectNode precise = shipment("mills-6", "L-312", "ACME", charge("FUEL", "1.5", "0.123456"));

        JsonNode dinarsAnswer = MAPPER.readTree(logisync.post(dinars.toString(), LogisyncHarness.CARRIER_KEY).body());
        JsonNode preciseAnswer = MAPPER.readTree(logisync.post(precise.toString(), LogisyncHarness.TMS_KEY).body());

        // the Kuwaiti dinar has three decimals; a rate may have six, its rated total is rounded when billed
        assertThat(dinarsAnswer.at("/results/0/status").asText()).as(dinarsAnswer.toString()).isEqualTo("accepted");
        assertThat(preciseAnswer.at("/results/0/status").asText()).as(preciseAnswer.toString())
                .isEqualTo("accepted");
    }

    @Test
    void shouldTakeTheSameEventSentConcurrentlyOnce() throws Exception {
        String body = customer("race-1", "RACE", "Race Co").toString();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> logisync.post(body, LogisyncHarness.TMS_KEY)));
            }
            List<String> statuses = new java.util.ArrayList<>();
            for (var response : sent) {
                statuses.add(MAPPER.readTree(response.get().body()).at("/results/0/status").asText());
            }

            assertThat(statuses).containsOnlyOnce("accepted").containsOnly("accepted", "duplicate");
            assertThat(logisync.records("res.partner")).filteredOn(p -> "RACE".equals(p.get("ref"))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRejectAnEventFromASourceTheKeyDoesNotSpeakFor() throws Exception {
        HttpResponse<String> response = logisync.post(customer("c-9", "ACME", "Acme").toString(),
                LogisyncHarness.CARRIER_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body()).get("message").asText()).contains("$.source");
        assertNothingStored();
    }

    @Test
    void shouldAnswerEachEventOfABatch() throws Exception {
        logisync.send(customer("batch-0", "BATCH", "Batch Co"));
        ObjectNode invalid = customer("batch-2", "BATCH-2", "Batch Two");
        ((ObjectNode) invalid.get("data")).put("email", "not an email");

        JsonNode answer = logisync.send(array(customer("batch-0", "BATCH", "Batch Co"),
                customer("batch-1", "BATCH-1", "Batch One"), invalid));

        assertThat(answer.at("/results/0/status").asText()).isEqualTo("duplicate");
        assertThat(answer.at("/results/1/status").asText()).isEqualTo("accepted");
        assertThat(answer.at("/results/1/outcome").asText()).isEqualTo("applied");
        assertThat(answer.at("/results/2/status").asText()).isEqualTo("rejected");
        assertThat(answer.at("/results/2/errors/0").asText()).contains("$.data.email").contains("rule: pattern");
        assertThat(logisync.records("res.partner")).extracting(p -> p.get("ref")).doesNotContain("BATCH-2");
    }

    private void assertNothingStored() {
        assertThat(count("parked_message")).isEqualTo(parkedBefore);
        assertThat(count("camel_messageprocessed")).isEqualTo(processedBefore);
        assertThat(logisync.odoo().calls()).isEmpty();
    }

    private static int count(String table) {
        return logisync.db().queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
