package io.logisync.edi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CarrierInvoiceMappingTest {

    private final X12DocumentMapper mapper = new X12DocumentMapper(X12DocumentMapper.Settings.of(ZoneOffset.UTC)
            .withChargeCodes("CUS=CUSTOMS_CLEARANCE\n"));

    static String sample(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/edi", name), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private X12Document map(String x12) {
        return mapper.map(new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)), "catalyst-210.edi",
                "edi/maple-express", "maple-express");
    }

    @Test
    void shouldTurnTheReal210IntoACarrierInvoiceThatReconcilesToL3() {
        X12Document document = map(sample("catalyst-210.edi"));

        assertThat(document.refused()).isEmpty();
        assertThat(document.events()).hasSize(1);
        JsonNode event = document.events().get(0);
        assertThat(event.get("type").asText()).isEqualTo("logistics.carrier.invoice.received.v1");
        assertThat(event.get("id").asText()).matches("000001838-1838-18380001-[0-9a-f]{12}");
        assertThat(event.get("subject").asText()).isEqualTo("maple-express");
        assertThat(event.get("time").asText()).isEqualTo("2016-07-07T00:00:00Z");
        JsonNode data = event.get("data");
        assertThat(data.get("carrierInvoiceNumber").asText()).isEqualTo("09851270");
        assertThat(data.get("invoiceDate").asText()).isEqualTo("2016-07-07");
        assertThat(data.get("currency").asText()).isEqualTo("USD");
        // L1-04 are N2, two implied decimals: 363604 -> 3636.04, 1500 -> 15.00, 2627 -> 26.27, -301791 -> -3017.91
        assertThat(data.get("lines")).extracting(line -> line.get("loadRef").asText() + " "
                + line.get("chargeCode").asText() + " " + line.get("amount").asText() + " "
                + line.path("description").asText("-"))
                .containsExactly("75027674 LINEHAUL 3636.04 SKIDS PAPER", "75027674 CUSTOMS_CLEARANCE 15.00 -",
                        "75027674 FUEL 26.27 FUEL SUR CHG 00.72%", "75027674 DISCOUNT -3017.91 DISCOUNT");
        // 3636.04 + 15.00 + 26.27 - 3017.91 = 659.40 = L3-05 65940
        assertThat(data.get("total").asText()).isEqualTo("659.40");
    }

    @Test
    void shouldRefuseA210WhoseChargesDoNotAddUpToL3() {
        // the fuel line one cent higher: 3636.04 + 15.00 + 26.28 - 3017.91 = 659.41, but L3-05 still says 659.40
        X12Document document = map(sample("catalyst-210.edi").replace("L1*3*26.27*FR*2627", "L1*3*26.27*FR*2628"));

        assertThat(document.events()).isEmpty();
        assertThat(document.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.setControlNumber()).isEqualTo("18380001");
            assertThat(refused.notSupported()).isFalse();
            assertThat(refused.reason()).contains("add up to 659.41")
                    .contains("3636.04 + 15.00 + 26.28 - 3017.91").contains("L3-05 says 659.40");
        });
    }

    @Test
    void shouldRefuseAChargeCodeTheTableDoesNotKnow() {
        X12Document document = new X12DocumentMapper(X12DocumentMapper.Settings.of(ZoneOffset.UTC))
                .map(new ByteArrayInputStream(sample("catalyst-210.edi").getBytes(StandardCharsets.UTF_8)),
                        "catalyst-210.edi", "edi/maple-express", "maple-express");

        assertThat(document.refused()).singleElement().extracting(RefusedSet::reason).asString()
                .contains("L1 line 2").contains("L1-08 'CUS'").contains("chargeCodes");
    }

    @Test
    void shouldRefuseAChargeThatIsNotAnImpliedDecimal() {
        X12Document document = map(sample("catalyst-210.edi").replace("L1*2***1500", "L1*2***15.00"));

        assertThat(document.refused()).singleElement().extracting(RefusedSet::reason).asString()
                .contains("L1-04 (charge) '15.00' is not an amount with two implied decimals");
    }

    @Test
    void shouldTakeTheCurrencyOfAC3Segment() {
        X12Document document = map(sample("catalyst-210.edi").replace("G62*86*20160707~", "C3*CAD~G62*86*20160707~")
                .replace("SE*31*", "SE*32*"));

        assertThat(document.events()).singleElement()
                .satisfies(event -> assertThat(event.get("data").get("currency").asText()).isEqualTo("CAD"));
    }

    @Test
    void shouldRefuseASetOfAKindItDoesNotRead() {
        // the real 204's SE01 says 41 but its set has 38 segments; corrected here so that only its kind is at issue
        String x12 = sample("catalyst-204.edi").replace("SE*41*", "SE*38*");

        X12Document document = map(x12);

        assertThat(document.events()).isEmpty();
        assertThat(document.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.transactionSetId()).isEqualTo("204");
            assertThat(refused.notSupported()).isTrue();
        });
    }
}
