package io.logisync.carrier;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HmacSignatureVerifierTest {

    private static final byte[] BODY = "{\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_793_000_000L), ZoneOffset.UTC);

    private final HmacSignatureVerifier verifier = new HmacSignatureVerifier(
            "key".getBytes(StandardCharsets.UTF_8), "{timestamp}.{body}", "v1=", false, Duration.ofMinutes(5), NOW);

    // HMAC-SHA256, key "key", over 1793000000.{"eventId":"e-1"}, from
    // printf %s '1793000000.{"eventId":"e-1"}' | openssl dgst -sha256 -hmac key
    private static final String SIGNATURE = "v1=dfc96ea0351eb35581011eaa845e253b72f1bab300a79744b0e4c673a5b3e506";

    @Test
    void shouldAcceptTheSignatureOfTheBodyAndTimestamp() {
        assertThatCode(() -> verifier.verify(BODY, "1793000000", SIGNATURE)).doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptOneGoodSignatureAmongSeveralWhileTheSecretRotates() {
        assertThatCode(() -> verifier.verify(BODY, "1793000000", "v1=00ff, " + SIGNATURE))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseABodyChangedAfterSigning() {
        byte[] changed = "{\"eventId\":\"e-2\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verify(changed, "1793000000", SIGNATURE))
                .isInstanceOf(WebhookRefusedException.class).hasMessageContaining("does not match");
    }

    @Test
    void shouldRefuseATimestampOutsideTheWindow() {
        // 301 s before now is one second past the 300 s window
        assertThatThrownBy(() -> verifier.verify(BODY, "1792999699", SIGNATURE))
                .isInstanceOf(WebhookRefusedException.class)
                .hasMessage("the signature timestamp is 301 s from now; the window is 300 s");
    }

    @Test
    void shouldRefuseATimestampThatIsNotUnixSeconds() {
        assertThatThrownBy(() -> verifier.verify(BODY, "2026-11-02T10:00:00Z", SIGNATURE))
                .isInstanceOf(WebhookRefusedException.class).hasMessageContaining("must be Unix seconds");
    }

    @Test
    void shouldRefuseASignatureWithoutItsPrefix() {
        assertThatThrownBy(() -> verifier.verify(BODY, "1793000000", SIGNATURE.substring(3)))
                .isInstanceOf(WebhookRefusedException.class).hasMessageContaining("does not match");
    }

    @Test
    void shouldRefuseASignedContentWithoutTheTimestamp() {
        assertThatThrownBy(() -> new HmacSignatureVerifier(new byte[] {1}, "{body}", "", false, Duration.ofMinutes(5),
                NOW)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{timestamp} and {body}");
    }
}
