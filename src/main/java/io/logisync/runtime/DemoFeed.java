package io.logisync.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies the bundled samples into the inbox at start, in name order, so a first run has real input to show. */
public final class DemoFeed {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFeed.class);

    private final Path samples;
    private final Path inbox;
    private final List<String> files;

    public DemoFeed(String samplesDir, String inboxDir, List<String> files) {
        this.samples = Path.of(samplesDir);
        this.inbox = Path.of(inboxDir);
        this.files = List.copyOf(files);
    }

    /** Copies the listed sample files into the inbox, numbered so that the inbox takes them in the listed order. */
    public void copyIntoInbox() {
        try {
            Files.createDirectories(inbox);
            int number = 1;
            for (String name : files) {
                Path file = samples.resolve(name.trim());
                if (!Files.isRegularFile(file)) {
                    LOG.warn("Demo sample {} does not exist; it was not fed", file.toAbsolutePath());
                    continue;
                }
                String target = String.format("%02d-%s", number++, file.getFileName());
                // write under a name the inbox ignores first, so it never reads a half-copied file
                Path partial = inbox.resolve("." + target + ".part");
                Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, inbox.resolve(target), StandardCopyOption.ATOMIC_MOVE);
            }
            LOG.info("Fed {} sample file(s) from {} into {}", number - 1, samples.toAbsolutePath(),
                    inbox.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot feed the samples into " + inbox, e);
        }
    }
}
