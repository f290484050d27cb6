package io.logisync.carrier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * A folder where carrier messages that could not become events are kept as received, each beside a
 * {@code .reason.txt} saying why, so that nothing a carrier sent is lost.
 */
public final class ParkedFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS")
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;

    public ParkedFiles(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /** Keeps the content under a new name built from the time and {@code hint}; returns the name. */
    public String park(byte[] content, String hint, String extension, String reason) {
        String safeHint = hint == null ? "" : hint.replaceAll("[^A-Za-z0-9._-]+", "-");
        String name = STAMP.format(clock.instant()) + "-" + (safeHint.isEmpty() ? UUID.randomUUID() : safeHint)
                + "." + extension;
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(name);
            if (Files.exists(file)) {
                name = name.replace("." + extension, "-" + UUID.randomUUID() + "." + extension);
                file = directory.resolve(name);
            }
            Files.write(file, content);
            Files.writeString(directory.resolve(name + ".reason.txt"), reason + "\n", StandardCharsets.UTF_8);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("could not park a carrier message in " + directory, e);
        }
    }
}
