package io.logisync.edi;

import static io.logisync.edi.CarrierInvoiceMappingTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class FunctionalAcknowledgementTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 2, 15, 4, 0, 0, ZoneOffset.UTC);

    private final X12DocumentMapper mapper = new X12DocumentMapper(X12DocumentMapper.Settings.of(ZoneOffset.UTC)
            .withChargeCodes("CUS=CUSTOMS_CLEARANCE\n"));
    private final AtomicLong counter = new AtomicLong(40);
    private final LongSupplier controlNumbers = counter::incrementAndGet;

    private X12Document map(String x12) {
        return mapper.map(new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)), "in.edi", "edi/maple",
                "maple");
    }

    private static List<String> segments(String x12) {
        return List.of(x12.strip().split("~\\s*"));
    }

    @Test
    void shouldAcceptTheReal210AndAddressTheAnswerBackToItsSender() {
        String ack = FunctionalAcknowledgement.of(map(sample("catalyst-210.edi")), controlNumbers, NOW);

        // ISA06/ISA08 and GS02/GS03 swapped; ISA13 and GS06 are our own numbers 41 and 42; AK1 names the IM group
        // 1838 and AK2 its set 18380001; ST, AK1, AK2, AK5, AK9 and SE make 6 segments; ISA16 is the sender's ':'
        assertThat(segments(ack)).containsExactly(
                "ISA*00*          *00*          *ZZ*MGCTLYST       *02*SCAC           *261102*1504*U*00401*000000041"
                        + "*0*T*:",
                "GS*FA*MGCTLYST*SCAC*20261102*1504*42*X*004010",
                "ST*997*0001",
                "AK1*IM*1838",
                "AK2*210*18380001",
                "AK5*A",
                "AK9*A*1*1*1",
                "SE*6*0001",
                "GE*1*42",
                "IEA*1*000000041");
    }

    @Test
    void shouldRejectTheReal204WhoseSegmentCountIsWrong() {
        // the real 204 declares SE01 41 but carries 38 segments: AK5 code 4, the group rejected (AK9 R, 0 accepted)
        EdiSyntaxException broken = org.junit.jupiter.api.Assertions.assertThrows(EdiSyntaxException.class,
                () -> map(sample("catalyst-204.edi")));

        String ack = FunctionalAcknowledgement.rejecting(broken, controlNumbers, NOW);

        assertThat(broken.getMessage()).contains("SE01 says 41 segments but set 178780001 has 38");
        assertThat(segments(ack)).contains("GS*FA*NPME*MGCTLYST*20261102*1504*42*X*004010", "AK1*SM*17878",
                "AK2*204*178780001", "AK5*R*4", "AK9*R*1*1*0", "SE*6*0001");
    }

    @Test
    void shouldRejectAGroupWhoseTrailerDisagreesWithItsHeader() {
        // GE02 must repeat GS06: code 4 of element 716 on the group; each set is rejected with the group
        String x12 = sample("canadapost-214.edi").replace("GE*000019*000001644", "GE*000019*000001645");

        EdiSyntaxException broken = org.junit.jupiter.api.Assertions.assertThrows(EdiSyntaxException.class,
                () -> map(x12));
        String ack = FunctionalAcknowledgement.rejecting(broken, controlNumbers, NOW);

        assertThat(segments(ack)).contains("AK1*QM*000001644", "AK2*214*000000019", "AK9*R*19*19*0*4")
                .doesNotContain("AK5*A");
    }

    @Test
    void shouldAnswerAnInterchangeTrailerThatDisagreesWithItsHeaderWithATa1Code001() {
        // IEA02 must repeat ISA13: the 997 has no code for an interchange fault; TA1-05 001 is the standard's
        String x12 = sample("canadapost-214.edi").replace("IEA*00001*000001644", "IEA*00001*000001645");

        EdiSyntaxException broken = org.junit.jupiter.api.Assertions.assertThrows(EdiSyntaxException.class,
                () -> map(x12));
        String ack = FunctionalAcknowledgement.rejecting(broken, controlNumbers, NOW);

        List<String> segments = segments(ack);
        assertThat(segments.get(1)).isEqualTo("TA1*000001644*191103*1800*R*001");
        assertThat(segments).contains("AK2*214*000000019", "AK9*R*19*19*0").doesNotContain("AK5*A");
    }

    @Test
    void shouldRejectA210WhoseChargeIsNotAnN2ElementNamingTheSegmentAndElement() {
        // L1-04 is element 58, type N2: digits with two implied decimals, so '3636.045' holds a character it cannot
        X12Document document = map(sample("catalyst-210.edi").replace("L1*1*46.09*PH*363604", "L1*1*46.09*PH*3636.045"));

        String ack = FunctionalAcknowledgement.of(document, controlNumbers, NOW);

        assertThat(document.events()).isEmpty();
        // ST 1, B3 2, G62 3, three N1/N3/N4 loops 4-12, LX 13, L5 14, L0 15, the L1 16
        assertThat(segments(ack)).containsSubsequence("AK2*210*18380001", "AK3*L1*16**8", "AK4*4*58*6*3636.045",
                "AK5*R*5", "AK9*R*1*1*0", "SE*8*0001");
    }

    @Test
    void shouldRejectASetOfAKindLogisyncDoesNotRead() {
        String x12 = sample("catalyst-204.edi").replace("SE*41*", "SE*38*");

        String ack = FunctionalAcknowledgement.of(map(x12), controlNumbers, NOW);

        assertThat(segments(ack)).contains("AK2*204*178780001", "AK5*R*1", "AK9*R*1*1*0");
    }

    @Test
    void shouldAcknowledgeVersion5010WithItsVersionInAk1() {
        String x12 = sample("canadapost-214.edi")
                .replace("*U*00401*000001644*0*P*>", "*^*00501*000001644*0*P*>")
                .replace("*X*004010", "*X*005010");

        String ack = FunctionalAcknowledgement.of(map(x12), controlNumbers, NOW);

        assertThat(segments(ack)).contains("AK1*QM*000001644*005010", "AK9*A*19*19*19")
                .anySatisfy(isa -> assertThat(isa).startsWith("ISA*").contains("*^*00501*000000041*"));
    }

    @Test
    void shouldNotAddressA997WhenNoGroupWasRead() {
        EdiSyntaxException broken = org.junit.jupiter.api.Assertions.assertThrows(EdiSyntaxException.class,
                () -> map("ST*214*0001~SE*1*0001~"));

        assertThat(broken.isAcknowledgeable()).isFalse();
        assertThatThrownBy(() -> FunctionalAcknowledgement.rejecting(broken, controlNumbers, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be addressed");
    }
}
