package io.logisync.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The credentials logisync accepts, each a name, its roles and the SHA-256 hash of its key; keys themselves are
 * never kept. They come from the environment and, optionally, from a file (a mounted Kubernetes Secret) that is
 * read again when it changes, so a key is rotated by editing the Secret.
 *
 * <p>One entry a line, or entries separated by {@code ;}: {@code <name> <role>[,<role>...] <key>}, where the key is
 * {@code sha256:<64 hex digits>} or, less safely, the key itself. Lines starting with {@code #} are comments.
 * For example {@code anna operator sha256:5e88...} or {@code tms ingest:tms/main sha256:9f86...}.
 */
public final class CredentialStore {

    /** Plain keys shorter than this are refused: credentials are random keys, not passwords a person remembers. */
    public static final int MIN_KEY_LENGTH = 16;

    private static final Pattern HASHED = Pattern.compile("sha256:[0-9a-fA-F]{64}");

    /** One accepted key: who holds it, with which roles, kept as the hash of the key. */
    record Entry(Principal principal, byte[] hash) {
    }

    private final List<Entry> fixed;
    private final WatchedSecretFile<List<Entry>> file;

    private CredentialStore(List<Entry> fixed, WatchedSecretFile<List<Entry>> file) {
        this.fixed = fixed;
        this.file = file;
    }

    /**
     * Builds the store from the configured entries, the legacy {@code source=key} ingest keys, and a file that may
     * be null.
     */
    public static CredentialStore of(String entries, String ingestKeys, Path credentialsFile) {
        List<Entry> fixed = new ArrayList<>(parse(entries, "logisync.security.credentials"));
        fixed.addAll(parseIngestKeys(ingestKeys));
        WatchedSecretFile<List<Entry>> watched = credentialsFile == null ? null : new WatchedSecretFile<>(
                credentialsFile, "logisync.security.credentials-file",
                text -> parse(text, "logisync.security.credentials-file"));
        return new CredentialStore(List.copyOf(fixed), watched);
    }

    /** The principal whose key this is, if any. */
    public Optional<Principal> byKey(String presentedKey) {
        return find(null, presentedKey);
    }

    /** The principal of that name whose key this is, as HTTP Basic credentials present them. */
    public Optional<Principal> byNameAndKey(String name, String presentedKey) {
        return find(name, presentedKey);
    }

    /** The sources some credential may send events for ({@code ingest:<source>}), as configured now. */
    public java.util.Set<String> ingestSources() {
        java.util.Set<String> answer = new java.util.TreeSet<>();
        entries().forEach(entry -> answer.addAll(entry.principal().ingestSources()));
        return answer;
    }

    public boolean isEmpty() {
        return entries().isEmpty();
    }

    /** The hex SHA-256 of a text, as keys are given in configuration ({@code sha256:<hex>}). */
    public static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }

    private Optional<Principal> find(String name, String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey.trim());
        Principal answer = null;
        // compare against every entry in constant time, so timing tells nothing about near misses
        for (Entry entry : entries()) {
            boolean matches = MessageDigest.isEqual(presented, entry.hash());
            if (matches && (name == null || name.equals(entry.principal().name()))) {
                answer = entry.principal();
            }
        }
        return Optional.ofNullable(answer);
    }

    private List<Entry> entries() {
        if (file == null) {
            return fixed;
        }
        List<Entry> answer = new ArrayList<>(fixed);
        answer.addAll(file.current());
        return answer;
    }

    static List<Entry> parse(String text, String where) {
        List<Entry> answer = new ArrayList<>();
        for (SecretEntries.Entry entry : SecretEntries.read(text)) {
            String[] parts = entry.fields();
            String at = where + " entry " + entry.number();
            if (parts.length != 3) {
                throw new IllegalArgumentException(at + " must read '<name> <roles> <key>', but has " + parts.length
                        + " part(s)" + (parts.length > 0 ? " (name '" + parts[0] + "')" : ""));
            }
            Set<String> roles = new LinkedHashSet<>();
            for (String role : parts[1].split(",")) {
                roles.add(Roles.check(role.strip(), at + " (" + parts[0] + ")"));
            }
            answer.add(new Entry(new Principal(parts[0], roles), hashOf(parts[2], at + " (" + parts[0] + ")",
                    MIN_KEY_LENGTH)));
        }
        return answer;
    }

    private static List<Entry> parseIngestKeys(String configured) {
        List<Entry> answer = new ArrayList<>();
        if (configured == null || configured.isBlank()) {
            return answer;
        }
        for (String raw : configured.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int split = entry.lastIndexOf('=');
            if (split <= 0 || split == entry.length() - 1) {
                throw new IllegalArgumentException("logisync.ingress.api-keys: an entry must read source=key,"
                        + " but one entry has no source or no key");
            }
            String source = entry.substring(0, split).strip();
            answer.add(new Entry(new Principal(source, Set.of(Roles.INGEST_PREFIX + source)),
                    hashOf(entry.substring(split + 1).strip(), "logisync.ingress.api-keys (" + source + ")",
                    MIN_KEY_LENGTH)));
        }
        return answer;
    }

    private static byte[] hashOf(String key, String where, int minLength) {
        if (key.regionMatches(true, 0, "sha256:", 0, 7)) {
            if (!HASHED.matcher(key).matches()) {
                throw new IllegalArgumentException(where + ": a hashed key must be sha256: and 64 hex digits");
            }
            return HexFormat.of().parseHex(key.substring(7).toLowerCase(Locale.ROOT));
        }
        if (key.length() < minLength) {
            throw new IllegalArgumentException(where + ": a key must be at least " + minLength
                    + " characters, but was " + key.length());
        }
        return sha256(key);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
