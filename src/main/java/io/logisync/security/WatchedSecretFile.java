package io.logisync.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file of secrets, such as a Kubernetes Secret mounted as a volume, read again as soon as it changes, so keys
 * rotate without a restart. A file that cannot be read or parsed after a change keeps the last good content in
 * force; at start it fails the start.
 *
 * @param <T> what the file's text is parsed into
 */
public final class WatchedSecretFile<T> {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedSecretFile.class);

    private final Path file;
    private final String property;
    private final Function<String, T> parser;
    private volatile Loaded<T> loaded;

    private record Stamp(long modifiedNanos, long size, Object fileKey) {
    }

    private record Loaded<T>(Stamp stamp, T value) {
    }

    /** Reads the file now; {@code property} names the setting that points at it, for messages. */
    public WatchedSecretFile(Path file, String property, Function<String, T> parser) {
        this.file = file;
        this.property = property;
        this.parser = parser;
        try {
            Stamp stamp = stamp();
            this.loaded = new Loaded<>(stamp, parser.apply(read()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(property + ": " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The content in force: the file as it is now, when it changed since it was last read and parses. */
    public T current() {
        Loaded<T> known = loaded;
        Stamp now;
        try {
            now = stamp();
        } catch (IOException e) {
            return known.value();
        }
        if (now.equals(known.stamp())) {
            return known.value();
        }
        synchronized (this) {
            if (!now.equals(loaded.stamp())) {
                try {
                    loaded = new Loaded<>(now, parser.apply(read()));
                    LOG.info("{} re-read from {}: the changed secrets are in force", property, file);
                } catch (IOException | RuntimeException e) {
                    // the message of a parse failure names the entry, never its secret
                    LOG.warn("{}: {} changed but cannot be used ({}); the previous secrets stay in force", property,
                            file, e.getMessage());
                    loaded = new Loaded<>(now, loaded.value());
                }
            }
            return loaded.value();
        }
    }

    private String read() throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private Stamp stamp() throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(attributes.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                + attributes.lastModifiedTime().toInstant().getNano(), attributes.size(),
                Objects.requireNonNullElse(attributes.fileKey(), ""));
    }
}
