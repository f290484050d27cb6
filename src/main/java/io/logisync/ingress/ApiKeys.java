package io.logisync.ingress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * The API keys that may send events, one or more per source, kept only as SHA-256 hashes.
 *
 * <p>Configured as {@code source=key} pairs separated by commas, where a key may be given already hashed as
 * {@code sha256:<hex>}, e.g. {@code tms/main=sha256:9f86...,carrier/acme=s3cr3t}.
 */
public class ApiKeys implements SenderCheck {

    private final Map<String, String> sourceByHash = new LinkedHashMap<>();

    public ApiKeys(String configured) {
        if (configured == null || configured.isBlank()) {
            return;
        }
        for (String entry : configured.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int split = trimmed.lastIndexOf('=');
            if (split <= 0 || split == trimmed.length() - 1) {
                throw new IllegalArgumentException("logisync.ingress.api-keys: an entry must read source=key,"
                        + " but one entry has no source or no key");
            }
            String source = trimmed.substring(0, split).trim();
            String key = trimmed.substring(split + 1).trim();
            String hash = key.startsWith("sha256:") ? key.substring(7).toLowerCase() : sha256(key);
            sourceByHash.put(hash, source);
        }
    }

    /** The source the key belongs to, if the key is known. */
    public Optional<String> sourceOf(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey.trim()).getBytes(StandardCharsets.US_ASCII);
        String answer = null;
        // compare against every key in constant time, so timing tells nothing about near misses
        for (Map.Entry<String, String> entry : sourceByHash.entrySet()) {
            if (MessageDigest.isEqual(presented, entry.getKey().getBytes(StandardCharsets.US_ASCII))) {
                answer = entry.getValue();
            }
        }
        return Optional.ofNullable(answer);
    }

    /** The source of the request's key (Authorization: Bearer, or X-API-Key); 401 when there is none or it is wrong. */
    @Override
    public Set<String> sourcesOf(Exchange exchange) {
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
        String key = exchange.getMessage().getHeader("X-API-Key", String.class);
        if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7);
        }
        Optional<String> source = sourceOf(key);
        if (source.isEmpty()) {
            throw new IngressRejectedException(401, key == null
                    ? "an API key is required (Authorization: Bearer <key>, or X-API-Key)"
                    : "the API key is not valid");
        }
        return Set.of(source.get());
    }

    public boolean isEmpty() {
        return sourceByHash.isEmpty();
    }

    public static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
