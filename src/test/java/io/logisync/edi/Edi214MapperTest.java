package io.logisync.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class Edi214MapperTest {

    private final Edi214Mapper mapper = new Edi214Mapper();

    private Edi214Result mapCanadaPost() {
        return mapper.map(X12Samples.stream(X12Samples.canadaPost()), X12Samples.CANADA_POST_FILE);
    }

    private static ObjectNode eventOfSet(Edi214Result result, String setControlNumber) {
        return result.events().stream()
                .filter(event -> event.get("id").asText().matches("000001644-000001644-" + setControlNumber
                        + "-[0-9a-f]{12}-000001"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void shouldAccountForEveryOneOfTheNineteenSets() {
        Edi214Result result = mapCanadaPost();

        Stream<String> fromEvents = result.events().stream().map(event -> event.get("id").asText().split("-")[2]);
        Stream<String> fromSkipped = result.skipped().stream().map(SkippedStatus::setControlNumber);
        assertThat(Stream.concat(fromEvents, fromSkipped)).doesNotHaveDuplicates().hasSize(19);
        assertThat(result.events()).hasSize(18);
    }

    @Test
    void shouldTurnD1IntoDeliveredMilestone() {
        ObjectNode event = eventOfSet(mapCanadaPost(), "000000004");

        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("logistics.milestone.recorded.v1");
        assertThat(event.get("source").asText()).isEqualTo("edi/cpc");
        assertThat(event.get("subject").asText()).isEqualTo("4343638098146166");
        assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
        // MT follows Denver's rules: 2019-11-02 is still daylight time (DST ended 2019-11-03), so -06:00.
        assertThat(event.get("time").asText()).isEqualTo("2019-11-02T16:48:00-06:00");
        JsonNode data = event.get("data");
        assertThat(data.get("loadRef").asText()).isEqualTo("4343638098146166");
        assertThat(data.get("code").asText()).isEqualTo("DELIVERED");
        assertThat(data.get("occurredAt").asText()).isEqualTo("2019-11-02T16:48:00-06:00");
        assertThat(data.get("sourceCode").asText()).isEqualTo("D1");
        assertThat(data.get("reasonCode").asText()).isEqualTo("NS");
        assertThat(data.get("location").toString())
                .isEqualTo("{\"city\":\"SWITCH\",\"region\":\"AB\",\"country\":\"CA\"}");
    }

    @Test
    void shouldHaveExactlyOneDeliveredMilestoneInTheSample() {
        assertThat(mapCanadaPost().events())
                .filteredOn(event -> event.get("data").get("code").asText().equals("DELIVERED"))
                .extracting(event -> event.get("subject").asText())
                .containsExactly("4343638098146166");
    }

    @Test
    void shouldReadEasternTimeAsStandardTimeAfterTheNovember2019Change() {
        // Set 18: 20191103 1728 ET; clocks in New York went back at 02:00 that morning, so EST, -05:00.
        ObjectNode event = eventOfSet(mapCanadaPost(), "000000018");

        assertThat(event.get("time").asText()).isEqualTo("2019-11-03T17:28:00-05:00");
        assertThat(event.get("data").get("code").asText()).isEqualTo("DISPATCHED");
    }

    @Test
    void shouldReadPacificTimeAsDaylightTimeOnTheDayBeforeTheChange() {
        // Set 2: AH 20191102 1625 PT, still PDT, -07:00; attempted delivery with reason AG.
        JsonNode data = eventOfSet(mapCanadaPost(), "000000002").get("data");

        assertThat(data.get("occurredAt").asText()).isEqualTo("2019-11-02T16:25:00-07:00");
        assertThat(data.get("code").asText()).isEqualTo("DELIVERY_FAILED");
        assertThat(data.get("reasonCode").asText()).isEqualTo("AG");
    }

    @Test
    void shouldReadCentralStandardTimeAsAFixedOffset() {
        // Set 5: AF 20191103 1509 CS; CS is -06:00 whatever the date.
        JsonNode data = eventOfSet(mapCanadaPost(), "000000005").get("data");

        assertThat(data.get("occurredAt").asText()).isEqualTo("2019-11-03T15:09:00-06:00");
        assertThat(data.get("code").asText()).isEqualTo("DEPARTED_PICKUP");
    }

    @Test
    void shouldReadMountainTimeAsStandardTimeAfterTheChange() {
        // Set 9: AF 20191103 1125 MT; Denver is on MST, -07:00, by 11:25 that day.
        assertThat(eventOfSet(mapCanadaPost(), "000000009").get("time").asText())
                .isEqualTo("2019-11-03T11:25:00-07:00");
    }

    @Test
    void shouldTakeBlankTimeCodeInTheDefaultZone() {
        // Set 1: XB 20191103 1534 with no AT7-07.
        assertThat(eventOfSet(mapCanadaPost(), "000000001").get("time").asText())
                .isEqualTo("2019-11-03T15:34:00Z");

        Edi214Mapper toronto = new Edi214Mapper(ZoneId.of("America/Toronto"));
        Edi214Result result = toronto.map(X12Samples.stream(X12Samples.canadaPost()), X12Samples.CANADA_POST_FILE);
        assertThat(eventOfSet(result, "000000001").get("time").asText()).isEqualTo("2019-11-03T15:34:00-05:00");
    }

    @Test
    void shouldGiveTheSameIdsWhenTheSameFileIsMappedTwice() {
        List<String> first = mapCanadaPost().events().stream().map(event -> event.get("id").asText()).toList();
        List<String> second = mapCanadaPost().events().stream().map(event -> event.get("id").asText()).toList();

        assertThat(first).doesNotHaveDuplicates().isEqualTo(second);
    }

    @Test
    void shouldReportCancellationAsSkippedNotAsEvent() {
        assertThat(mapCanadaPost().skipped())
                .extracting(SkippedStatus::setControlNumber, SkippedStatus::loadRef, SkippedStatus::statusCode)
                .containsExactly(tuple("000000003", "4343638931638575", "CA"));
        assertThat(mapCanadaPost().skipped().get(0).reason()).contains("not a milestone");
    }

    @Test
    void shouldReportAnUnmappedStatusCodeAsSkipped() {
        String x12 = X12Samples.canadaPost().replace("AT7*XB*NS***20191103*1534*", "AT7*SD*NS***20191103*1534*");

        Edi214Result result = mapper.map(X12Samples.stream(x12), "unmapped.edi");

        assertThat(result.events()).noneMatch(event -> event.get("subject").asText().equals("4343638097845589"));
        assertThat(result.skipped())
                .extracting(SkippedStatus::setControlNumber, SkippedStatus::lxNumber, SkippedStatus::statusCode)
                .contains(tuple("000000001", "000001", "SD"));
    }

    @Test
    void shouldParseTildeTerminatedCopyOfASetTheSameWay() {
        List<List<String>> sets = List.of(X12Samples.set("000000004"));
        String newlines = X12Samples.interchange("\n", sets);
        String tildes = X12Samples.interchange("~\r\n", sets);

        List<ObjectNode> fromNewlines = mapper.toEvents(X12Samples.stream(newlines), "newlines.edi");
        List<ObjectNode> fromTildes = mapper.toEvents(X12Samples.stream(tildes), "tildes.edi");

        assertThat(fromTildes).hasSize(1).isEqualTo(fromNewlines);
        assertThat(fromTildes.get(0).get("data").get("code").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void shouldUseTheSourceTheCallerGives() {
        List<ObjectNode> events =
                mapper.toEvents(X12Samples.stream(X12Samples.canadaPost()), "x.edi", "edi/canada-post");

        assertThat(events).allMatch(event -> event.get("source").asText().equals("edi/canada-post"));
    }

    @Test
    void shouldFallBackToGs02WhenIsa06IsBlank() {
        String x12 = X12Samples.canadaPost()
                .replace("*02*CPC            *", "*02*               *")
                .replace("GS*QM*CPC*", "GS*QM*Canada Post/CPC*");

        List<ObjectNode> events = mapper.toEvents(X12Samples.stream(x12), "gs02.edi");

        assertThat(events).allMatch(event -> event.get("source").asText().equals("edi/canada-post-cpc"));
    }

    @Test
    void shouldNumberSecondStatusOfALoopInItsId() {
        List<String> set = new ArrayList<>(X12Samples.set("000000004"));
        set.add(set.indexOf("L11**CI"), "AT7*X1*NS***20191102*1630*MT");
        set.set(set.size() - 1, "SE*15*000000004");

        String x12 = X12Samples.interchange("~", List.of(set));

        List<ObjectNode> events = mapper.toEvents(X12Samples.stream(x12), "two.edi");

        String digest = events.get(0).get("id").asText().split("-")[3];
        assertThat(digest).matches("[0-9a-f]{12}");
        assertThat(events)
                .extracting(event -> event.get("id").asText(), event -> event.get("data").get("code").asText())
                .containsExactly(tuple("000001644-000001644-000000004-" + digest + "-000001", "DELIVERED"),
                        tuple("000001644-000001644-000000004-" + digest + "-000001-2", "ARRIVED_DELIVERY"));
        assertThat(events.get(1).get("data").has("location")).isFalse();
    }
}
