package io.logisync.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class At7StatusTableTest {

    private static InputStream properties(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldMapTheStandardCodesOfTheBundledTable() {
        At7StatusTable table = At7StatusTable.bundled();

        assertThat(table.milestoneFor("D1")).hasValue("DELIVERED");
        assertThat(table.milestoneFor("X3")).hasValue("ARRIVED_PICKUP");
        assertThat(table.milestoneFor("AF")).hasValue("DEPARTED_PICKUP");
        assertThat(table.milestoneFor("X1")).hasValue("ARRIVED_DELIVERY");
        assertThat(table.milestoneFor("X6")).hasValue("IN_TRANSIT");
        assertThat(table.milestoneFor("XB")).hasValue("DISPATCHED");
        assertThat(table.milestoneFor("AH")).hasValue("DELIVERY_FAILED");
        assertThat(table.milestoneFor("AP")).hasValue("DELIVERY_FAILED");
        assertThat(table.milestoneFor("A3")).hasValue("DELIVERY_FAILED");
    }

    @Test
    void shouldKnowCancellationAndEstimatesAsNoMilestone() {
        At7StatusTable table = At7StatusTable.bundled();

        assertThat(table.knows("CA")).isTrue();
        assertThat(table.milestoneFor("CA")).isEmpty();
        assertThat(table.milestoneFor("AG")).isEmpty();
        assertThat(table.knows("SD")).isFalse();
    }

    @Test
    void shouldRejectAMilestoneThatIsNotCanonical() {
        assertThatThrownBy(() -> At7StatusTable.load(properties("D1=DELIVERD\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("D1 maps to 'DELIVERD'");
    }

    @Test
    void shouldMapACodeAnEngineerAddedToTheTable() throws Exception {
        At7StatusTable table = At7StatusTable.load(properties("# SD Shipment Delayed\nSD=IN_TRANSIT\n"));
        String x12 = X12Samples.canadaPost().replace("AT7*XB*NS***20191103*1534*", "AT7*SD*NS***20191103*1534*");

        Edi214Result result = new Edi214Mapper(ZoneOffset.UTC, table).map(X12Samples.stream(x12), "delayed.edi");

        assertThat(result.events()).hasSize(1);
        assertThat(result.events().get(0).get("data").get("code").asText()).isEqualTo("IN_TRANSIT");
    }
}
