package io.logisync.edi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The 214 as the X12 standard defines it: each AT7 code's meaning, time codes, versions and terminators. */
class Edi214StandardTest {

    private final X12DocumentMapper mapper = new X12DocumentMapper(X12DocumentMapper.Settings.of(ZoneOffset.UTC));

    /** The real sample's set 4 (a D1 status, MT time) with its AT7 replaced. */
    private X12Document withAt7(String at7) {
        String x12 = X12Samples.canadaPost().replace("AT7*D1*NS***20191102*1648*MT", at7);
        return mapper.map(X12Samples.stream(x12), "set4.edi", "edi/maple-express", "maple-express");
    }

    private static JsonNode eventOfSet4(X12Document document) {
        return document.events().stream()
                .filter(event -> event.get("subject").asText().equals("4343638098146166")).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "AT7-01 {0} is {1}")
    @CsvSource({
        // element 1650 meanings: shipment acknowledged, arrived at / loading dock of pickup, departed pickup
        "XB, DISPATCHED", "X3, ARRIVED_PICKUP", "X8, ARRIVED_PICKUP", "AF, DEPARTED_PICKUP",
        // en route to delivery, arrived at terminal, departed terminal
        "X6, IN_TRANSIT", "X4, IN_TRANSIT", "P1, IN_TRANSIT",
        // arrived at / loading dock of delivery, completed unloading at delivery
        "X1, ARRIVED_DELIVERY", "X5, ARRIVED_DELIVERY", "D1, DELIVERED",
        // attempted delivery, delivery not completed, returned to shipper, refused by consignee
        "AH, DELIVERY_FAILED", "AP, DELIVERY_FAILED", "A3, DELIVERY_FAILED", "A7, DELIVERY_FAILED"})
    void shouldMapEachStatusCodeByItsStandardMeaning(String code, String milestone) {
        X12Document document = withAt7("AT7*" + code + "*NS***20191102*1648*MT");

        JsonNode data = eventOfSet4(document).get("data");
        assertThat(data.get("code").asText()).isEqualTo(milestone);
        assertThat(data.get("sourceCode").asText()).isEqualTo(code);
    }

    @ParameterizedTest(name = "AT7-01 {0} is no milestone")
    @ValueSource(strings = {"CA", "AG", "X2", "CP"})
    void shouldKnowCancellationsEstimatesAndLoadingAsNoMilestone(String code) {
        X12Document document = withAt7("AT7*" + code + "*NS***20191102*1648*MT");

        assertThat(document.events()).noneMatch(event -> event.get("subject").asText().equals("4343638098146166"));
        assertThat(document.skipped()).anySatisfy(skipped -> {
            assertThat(skipped.statusCode()).isEqualTo(code);
            assertThat(skipped.unusable()).isFalse();
        });
    }

    @ParameterizedTest(name = "time code {0}: 1648 on 2019-11-02 is {1}")
    @CsvSource({
        // Eastern, Central, Pacific follow daylight saving by the date: still summer time on 2 November 2019
        "ET, 2019-11-02T16:48:00-04:00", "CT, 2019-11-02T16:48:00-05:00", "PT, 2019-11-02T16:48:00-07:00",
        // ES is Eastern standard time all year, CD Central daylight time all year, UT universal time
        "ES, 2019-11-02T16:48:00-05:00", "CD, 2019-11-02T16:48:00-05:00", "UT, 2019-11-02T16:48:00Z",
        // 13..24 count ISO zones M12..M01: 19 is UTC-6; 27 is UTC+05:30
        "19, 2019-11-02T16:48:00-06:00", "27, 2019-11-02T16:48:00+05:30"})
    void shouldHonourTheTimeCodeOfTheStatus(String timeCode, String expected) {
        JsonNode event = eventOfSet4(withAt7("AT7*D1*NS***20191102*1648*" + timeCode));

        assertThat(event.get("data").get("occurredAt").asText()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "terminator {0}")
    @ValueSource(strings = {"~", "~\n", "~\r\n", "\n", "\r\n"})
    void shouldReadSegmentTerminatorsWithOrWithoutLineBreaks(String terminator) {
        String x12 = X12Samples.interchange(terminator, List.of(X12Samples.set("000000004"),
                X12Samples.set("000000005")));

        X12Document document = mapper.map(X12Samples.stream(x12), "t.edi", "edi/maple-express", "maple-express");

        assertThat(document.events()).extracting(event -> event.get("data").get("code").asText())
                .containsExactly("DELIVERED", "DEPARTED_PICKUP");
    }

    @ParameterizedTest(name = "version {0}")
    @CsvSource({"00401, 004010, U", "00501, 005010, ^"})
    void shouldReadVersions4010And5010(String isaVersion, String gsVersion, String isa11) {
        String x12 = X12Samples.canadaPost()
                .replace("*U*00401*000001644*0*P*>", "*" + isa11 + "*" + isaVersion + "*000001644*0*P*>")
                .replace("*X*004010", "*X*" + gsVersion);

        X12Document document = mapper.map(X12Samples.stream(x12), "v.edi", "edi/maple-express", "maple-express");

        // 19 sets in one group, all but set 3's cancellation a milestone
        assertThat(document.events()).hasSize(18);
        assertThat(document.problems()).isEmpty();
    }
}
