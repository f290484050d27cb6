package io.logisync.carriers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs webhook calls the way the example carrier's platform does, computed here with the JDK alone. */
final class WebhookCalls {

    /** The example carrier's secret as its platform shows it, Base64. */
    static final String SECRET = Base64.getEncoder().encodeToString("ridgeline-test-secret-0001"
            .getBytes(StandardCharsets.UTF_8));

    private WebhookCalls() {
    }

    static String fixture(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/webhooks/ridgeline-trucking", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The headers of a call signed at {@code epochSecond}: HMAC-SHA256 of "v1:<time>:<body>", hex, after "v1=". */
    static Map<String, String> signed(String body, long epochSecond) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET), "HmacSHA256"));
            byte[] signature = mac.doFinal(("v1:" + epochSecond + ":" + body).getBytes(StandardCharsets.UTF_8));
            return Map.of("X-Samsara-Timestamp", String.valueOf(epochSecond),
                    "X-Samsara-Signature", "v1=" + HexFormat.of().formatHex(signature));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> signedNow(String body) {
        return signed(body, System.currentTimeMillis() / 1000);
    }
}
