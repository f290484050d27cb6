package io.logisync.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies webhooks signed with a secret shared with their source: the header {@code X-Logisync-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256>} signs the text {@code <t>.<body>}, and is taken only within a time window
 * around now, so a captured request cannot be replayed later. A source may have several secrets while one is rotated.
 *
 * <p>Secrets, unlike keys, must be kept as they are, since the signature is computed from them: one entry a line,
 * or entries separated by {@code ;}, {@code <source> <secret>}.
 */
public final class WebhookSignatures {

    public static final String SOURCE_HEADER = "X-Logisync-Source";
    public static final String SIGNATURE_HEADER = "X-Logisync-Signature";

    private final Map<String, List<byte[]>> fixed;
    private final WatchedSecretFile<Map<String, List<byte[]>>> file;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookSignatures(String entries, Path secretsFile, Duration tolerance, Clock clock) {
        this.fixed = parse(entries, "logisync.security.webhook-secrets");
        String property = "logisync.security.webhook-secrets-file";
        this.file = secretsFile == null ? null
                : new WatchedSecretFile<>(secretsFile, property, text -> parse(text, property));
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** True when some source has a signing secret. */
    public boolean isConfigured() {
        return !fixed.isEmpty() || file != null && !file.current().isEmpty();
    }

    /** True when the source has a signing secret, as configured now. */
    public boolean hasSecret(String source) {
        return !secretsOf(source).isEmpty();
    }

    /** Checks the signature of a body from a source; throws 401 naming what is wrong, never the secret. */
    public void verify(String source, String header, byte[] body) {
        List<byte[]> secrets = secretsOf(source);
        if (secrets.isEmpty()) {
            throw AccessDeniedException.unauthenticated("source '" + source + "' has no webhook secret; sign with a"
                    + " configured source or send an API key");
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && "t".equals(pair[0])) {
                timestamp = pair[1];
            } else if (pair.length == 2 && "v1".equals(pair[0])) {
                signatures.add(pair[1].toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw AccessDeniedException.unauthenticated(SIGNATURE_HEADER + " must read t=<unix seconds>,v1=<hex>");
        }
        long signedAt;
        try {
            signedAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw AccessDeniedException.unauthenticated(SIGNATURE_HEADER + ": t must be unix seconds, but was '"
                    + timestamp + "'");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - signedAt);
        if (skew > tolerance.toSeconds()) {
            throw AccessDeniedException.unauthenticated("the signature was made " + skew + " s away from now; the"
                    + " window is " + tolerance.toSeconds() + " s");
        }
        boolean matched = false;
        for (byte[] secret : secrets) {
            byte[] expected = HexFormat.of().formatHex(hmac(secret, timestamp, body))
                    .getBytes(StandardCharsets.US_ASCII);
            for (String signature : signatures) {
                matched |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (!matched) {
            throw AccessDeniedException.unauthenticated("the signature does not match the body for source '"
                    + source + "'");
        }
    }

    /** The signature header value for a body, as a sender computes it. */
    public static String sign(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(
                hmac(secret.getBytes(StandardCharsets.UTF_8), Long.toString(unixSeconds), body));
    }

    private List<byte[]> secretsOf(String source) {
        List<byte[]> answer = new ArrayList<>(fixed.getOrDefault(source, List.of()));
        if (file != null) {
            answer.addAll(file.current().getOrDefault(source, List.of()));
        }
        return answer;
    }

    private static byte[] hmac(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body == null ? new byte[0] : body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    static Map<String, List<byte[]>> parse(String text, String where) {
        Map<String, List<byte[]>> answer = new LinkedHashMap<>();
        for (SecretEntries.Entry entry : SecretEntries.read(text)) {
            String[] parts = entry.fields();
            if (parts.length != 2 || parts[1].length() < CredentialStore.MIN_KEY_LENGTH) {
                throw new IllegalArgumentException(where + " entry " + entry.number() + " must read '<source> <secret>'"
                        + " with a secret of at least " + CredentialStore.MIN_KEY_LENGTH + " characters"
                        + (parts.length > 0 ? " (source '" + parts[0] + "')" : ""));
            }
            answer.computeIfAbsent(parts[0], s -> new ArrayList<>()).add(parts[1].getBytes(StandardCharsets.UTF_8));
        }
        return answer;
    }
}
