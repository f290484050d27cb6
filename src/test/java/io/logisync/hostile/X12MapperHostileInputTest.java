package io.logisync.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.logisync.edi.EdiSyntaxException;
import io.logisync.edi.X12Document;
import io.logisync.edi.X12DocumentMapper;
import io.logisync.ingress.EventValidator;
import io.logisync.runtime.LogisyncConfiguration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The X12 mapper that the inbox and the carrier-edi-source Kamelet share, fed broken files: each is read, with what
 * could not be taken listed as problems, or refused by a syntax error naming the segment and the rule. Nothing else
 * escapes it, and every event it makes is one the door can check.
 */
class X12MapperHostileInputTest {

    private final X12DocumentMapper mapper = new X12DocumentMapper(X12DocumentMapper.Settings.of(ZoneId.of("UTC")));
    private final EventValidator validator = new EventValidator(LogisyncConfiguration.EVENT_TYPES);

    @Property(tries = 400)
    void shouldReadABrokenFileOrRefuseItNamingTheRule(@ForAll("brokenX12") String x12) {
        X12Document document;
        try {
            document = mapper.map(new ByteArrayInputStream(x12.getBytes(StandardCharsets.ISO_8859_1)), "hostile.edi",
                    "edi/hostile", "HOSTILE");
        } catch (EdiSyntaxException refused) {
            assertThat(refused.getMessage()).contains("hostile.edi");
            return;
        }
        assertThat(document.problems()).allSatisfy(problem -> assertThat(problem).isNotBlank());
        // the door checks each event: it is valid or its problems are named, never a crash
        document.events().forEach(event -> assertThat(validator.validate(event)).allSatisfy(problem ->
                assertThat(problem).startsWith("$")));
    }

    @Provide
    Arbitrary<String> brokenX12() {
        return HostileX12.broken();
    }
}
