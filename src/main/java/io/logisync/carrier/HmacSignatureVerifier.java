package io.logisync.carrier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an HMAC-SHA256 signature over a request body and its timestamp, and that the timestamp is within a time
 * window of now, so that a captured request cannot be replayed later. Thread-safe.
 *
 * <p>The signed content is a template over {@code {timestamp}} and {@code {body}}, e.g. {@code {timestamp}.{body}}
 * or {@code v1:{timestamp}:{body}}; the timestamp is Unix seconds. The signature header may carry several
 * signatures separated by commas or spaces (a sender rotating its secret); one valid signature is enough.
 */
public final class HmacSignatureVerifier {

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;
    private final String signedContent;
    private final String signaturePrefix;
    private final boolean base64Signature;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * @param secret the shared secret's bytes
     * @param signedContent the template of what is signed; must contain {@code {timestamp}} and {@code {body}}
     * @param signaturePrefix what precedes each signature in the header, e.g. {@code v1=}, or ""
     * @param base64Signature true when signatures are Base64, false for lower- or upper-case hex
     * @param tolerance how far the timestamp may be from now, either way
     */
    public HmacSignatureVerifier(byte[] secret, String signedContent, String signaturePrefix, boolean base64Signature,
            Duration tolerance, Clock clock) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("the HMAC secret must not be empty");
        }
        if (!signedContent.contains("{timestamp}") || !signedContent.contains("{body}")) {
            throw new IllegalArgumentException("the signed content must contain {timestamp} and {body}, but was '"
                    + signedContent + "'");
        }
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("the time window must be greater than 0, but was " + tolerance);
        }
        this.secret = secret.clone();
        this.signedContent = signedContent;
        this.signaturePrefix = Objects.requireNonNull(signaturePrefix, "signaturePrefix");
        this.base64Signature = base64Signature;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** Refuses (401) a request whose timestamp is missing or outside the window, or that no signature matches. */
    public void verify(byte[] body, String timestamp, String signatures) {
        if (timestamp == null || timestamp.isBlank()) {
            throw new WebhookRefusedException(401, "the request carries no signature timestamp");
        }
        String seconds = timestamp.strip();
        if (!seconds.matches("\\d{1,12}")) {
            throw new WebhookRefusedException(401, "the signature timestamp must be Unix seconds, but was '"
                    + abbreviate(seconds) + "'");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(seconds));
        if (skew > tolerance.toSeconds()) {
            throw new WebhookRefusedException(401, "the signature timestamp is " + skew + " s from now; the window is "
                    + tolerance.toSeconds() + " s");
        }
        if (signatures == null || signatures.isBlank()) {
            throw new WebhookRefusedException(401, "the request carries no signature");
        }
        byte[] expected = mac(content(body, seconds));
        boolean valid = false;
        for (String candidate : signatures.strip().split("[,\\s]+")) {
            byte[] presented = decode(candidate);
            // every candidate is compared in constant time, so timing says nothing about a near miss
            valid |= presented != null && MessageDigest.isEqual(expected, presented);
        }
        if (!valid) {
            throw new WebhookRefusedException(401, "the signature does not match the body and timestamp");
        }
    }

    /** The signature header value a sender would put on this body at this time, e.g. for tests and tooling. */
    public String sign(byte[] body, long epochSecond) {
        byte[] mac = mac(content(body, String.valueOf(epochSecond)));
        return signaturePrefix + (base64Signature ? Base64.getEncoder().encodeToString(mac)
                : HexFormat.of().formatHex(mac));
    }

    private byte[] content(byte[] body, String seconds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + signedContent.length() + 16);
        String withTime = signedContent.replace("{timestamp}", seconds);
        int at = withTime.indexOf("{body}");
        out.writeBytes(withTime.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        out.writeBytes(withTime.substring(at + "{body}".length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private byte[] mac(byte[] content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    private byte[] decode(String candidate) {
        if (!candidate.startsWith(signaturePrefix)) {
            return null;
        }
        String value = candidate.substring(signaturePrefix.length());
        try {
            return base64Signature ? Base64.getDecoder().decode(value) : HexFormat.of().parseHex(value.toLowerCase());
        } catch (IllegalArgumentException notEncoded) {
            return null;
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "...";
    }
}
