package io.logisync.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Edi214SyntaxTest {

    private final Edi214Mapper mapper = new Edi214Mapper();
    private final String sample = X12Samples.canadaPost();

    private void map(String x12) {
        mapper.map(X12Samples.stream(x12), "broken.edi");
    }

    @Test
    void shouldNameTheSetWhoseSegmentCountIsWrong() {
        String x12 = sample.replace("MS1*SWITCH*AB*CA\nL11**CI\n", "MS1*SWITCH*AB*CA\n");

        assertThatThrownBy(() -> map(x12))
                .isInstanceOf(EdiSyntaxException.class)
                .hasMessageContaining("broken.edi")
                .hasMessageContaining("SE01 says 14 segments but set 000000004 has 13");
    }

    @Test
    void shouldNameTheMissingIea() {
        String x12 = sample.replace("IEA*00001*000001644\n", "");

        assertThatThrownBy(() -> map(x12))
                .isInstanceOf(EdiSyntaxException.class)
                .hasMessageContaining("interchange 000001644 has no IEA trailer")
                .hasMessageContaining("after segment GE at position 251");
    }

    @Test
    void shouldNameTheGroupWhoseSetCountIsWrong() {
        assertThatThrownBy(() -> map(sample.replace("GE*000019*", "GE*000018*")))
                .isInstanceOf(EdiSyntaxException.class)
                .hasMessageContaining("GE01 says 18 sets but group 000001644 has 19");
    }

    @Test
    void shouldNameTheInterchangeWhoseGroupCountIsWrong() {
        assertThatThrownBy(() -> map(sample.replace("IEA*00001*", "IEA*00002*")))
                .isInstanceOf(EdiSyntaxException.class)
                .hasMessageContaining("IEA01 says 2 groups but interchange 000001644 has 1");
    }

    @Test
    void shouldRejectTrailerThatDoesNotRepeatTheHeaderControlNumber() {
        assertThatThrownBy(() -> map(sample.replace("SE*0000000013*000000002", "SE*0000000013*000000099")))
                .isInstanceOf(EdiSyntaxException.class)
                .hasMessageContaining("SE02 '000000099' does not match ST02 '000000002'");
    }

    @Test
    void shouldRejectFileWithoutIsa() {
        assertThatThrownBy(() -> map(sample.substring(sample.indexOf("GS*"))))
                .isInstanceOf(EdiSyntaxException.class)
                .hasMessageContaining("does not start with an ISA")
                .hasMessageContaining("GS*QM*CPC");
    }

    @Test
    void shouldRejectIsaOfTheWrongLength() {
        String x12 = sample.replaceFirst("\\*CPC            \\*", "*CPC           *");

        assertThatThrownBy(() -> map(x12))
                .isInstanceOf(EdiSyntaxException.class)
                .hasMessageContaining("ISA06 is 14 characters wide but X12 fixes it at 15");
    }

    @Test
    void shouldRejectAnUnknownSegmentTerminator() {
        assertThatThrownBy(() -> map(sample.replace('\n', 'A')))
                .isInstanceOf(EdiSyntaxException.class)
                .hasMessageContaining("unknown segment terminator 'A'");
    }

    @Test
    void shouldRejectSetThatIsNotA214() {
        assertThatThrownBy(() -> map(sample.replace("ST*214*000000002", "ST*210*000000002")))
                .isInstanceOf(UnsupportedTransactionSetException.class)
                .hasMessageContaining("set 000000002 is a 210 (ST01), not a 214");
    }

    @Test
    void shouldRejectEmptyFile() {
        assertThatThrownBy(() -> map(""))
                .isInstanceOf(EdiSyntaxException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void shouldRejectSetWithoutSe() {
        assertThatThrownBy(() -> map(sample.replace("SE*0000000013*000000002\n", "")))
                .isInstanceOf(EdiSyntaxException.class)
                .hasMessageContaining("set 000000002 has no SE trailer before the next ST");
    }

    @Test
    void shouldNameTheLastSetWhenItsSeIsMissing() {
        assertThatThrownBy(() -> map(sample.replace("SE*0000000013*000000019\n", "")))
                .isInstanceOf(EdiSyntaxException.class)
                .hasMessageContaining("set 000000019 has no SE trailer before GE");
    }

    @Test
    void shouldNameAMissingGe() {
        assertThatThrownBy(() -> map(sample.replace("GE*000019*000001644\n", "")))
                .isInstanceOf(EdiSyntaxException.class)
                .hasMessageContaining("segment GE is missing before IEA");
    }

    @Test
    void shouldAcceptLastSegmentWithoutItsTerminator() {
        assertThat(mapper.toEvents(X12Samples.stream(sample.strip()), "no-final-newline.edi")).hasSize(18);
    }

    @Test
    void shouldReadLatin1AccentsInsteadOfFailingTheFile() {
        byte[] latin1 = sample.replace("MS1*SWITCH*AB*CA", "MS1*MONTRÉAL*QC*CA").getBytes(StandardCharsets.ISO_8859_1);

        List<ObjectNode> events = mapper.toEvents(new ByteArrayInputStream(latin1), "latin1.edi");

        assertThat(events)
                .anyMatch(event -> event.get("data").get("location").get("city").asText().equals("MONTRÉAL"));
    }
}
