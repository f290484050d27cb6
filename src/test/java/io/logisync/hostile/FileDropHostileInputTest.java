package io.logisync.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logisync.support.Events;
import io.logisync.support.LogisyncHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.camel.ServiceStatus;

/**
 * Hostile files on the inbox (routes/ingress.camel.yaml, inbox-file-drop) and on the carrier-edi-source Kamelet
 * (routes/carriers/maple-express.pipe.yaml): each file is taken whole, or set aside (inbox/error, .parked) beside a
 * reason file that says what is wrong; neither route stops, and a good file dropped afterwards is still taken.
 */
class FileDropHostileInputTest {

    private static LogisyncHarness logisync;
    private static final AtomicInteger FILES = new AtomicInteger();

    @BeforeContainer
    static void start() throws Exception {
        logisync = LogisyncHarness.start();
        Files.createDirectories(inbound());
    }

    @AfterContainer
    static void stop() throws Exception {
        logisync.close();
    }

    @Property(tries = 40)
    void shouldTakeAnInboxFileWholeOrSetItAsideWithItsReason(@ForAll("inboxFiles") InboxFile file)
            throws Exception {
        String name = "hostile-" + FILES.incrementAndGet();
        drop(logisync.inbox(), name + "." + file.extension(), file.content());

        Path done = logisync.inbox().resolve("done");
        Path error = logisync.inbox().resolve("error");
        await().atMost(Duration.ofSeconds(20)).until(() -> named(done, name).size() + named(error, name).size() > 0
                && !Files.exists(logisync.inbox().resolve(name + "." + file.extension())));
        List<Path> setAside = named(error, name);
        if (!setAside.isEmpty()) {
            assertThat(setAside).anySatisfy(f -> assertThat(f.toString()).endsWith(".reason.txt"));
            Path reason = setAside.stream().filter(f -> f.toString().endsWith(".reason.txt")).findFirst().get();
            assertThat(Files.readString(reason)).contains(name).hasSizeGreaterThan(name.length() + 30);
        }
        assertThat(logisync.camel().getRouteController().getRouteStatus("inbox-file-drop"))
                .isEqualTo(ServiceStatus.Started);
    }

    @Property(tries = 3)
    void shouldTakeACarrierEdiFileWholeOrParkItWithItsReason(
            @ForAll("brokenX12") @Size(min = 4, max = 8) List<String> contents) throws Exception {
        int batch = FILES.incrementAndGet();
        for (int i = 0; i < contents.size(); i++) {
            drop(inbound(), "hostile-" + batch + "-" + i + ".edi", contents.get(i).getBytes(StandardCharsets.ISO_8859_1));
        }
        String good = "good-" + batch + ".edi";
        drop(inbound(), good, HostileX12.status214().getBytes(StandardCharsets.ISO_8859_1));

        Path done = inbound().resolve(".done");
        Path parked = inbound().resolve(".parked");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Stream<Path> waiting = Files.list(inbound())) {
                return waiting.noneMatch(Files::isRegularFile);
            }
        });
        for (int i = 0; i < contents.size(); i++) {
            String name = "hostile-" + batch + "-" + i;
            List<Path> settled = Stream.concat(named(done, name).stream(), named(parked, name).stream()).toList();
            assertThat(settled).as("where %s went", name).isNotEmpty();
            if (!named(parked, name).isEmpty()) {
                assertThat(named(parked, name)).as("reason beside parked %s", name)
                        .anySatisfy(f -> assertThat(f.toString()).endsWith(".reason.txt"));
            }
        }
        // the real 214 dropped after the broken ones is still taken whole
        assertThat(named(done, "good-" + batch)).hasSize(1);
        assertThat(logisync.camel().getRouteController().getRouteStatus("maple-express"))
                .isEqualTo(ServiceStatus.Started);
    }

    /** A file's content and the extension it is dropped under. */
    record InboxFile(String extension, byte[] content) {
    }

    @Provide
    Arbitrary<InboxFile> inboxFiles() {
        String valid = Events.array(Events.shipment("s-F", "L-F", "ACME", Events.charge("LINEHAUL", "1", "640.00")))
                .toString();
        Arbitrary<InboxFile> json = Arbitraries.integers().between(0, valid.length() - 1)
                .map(end -> new InboxFile("json", valid.substring(0, end).getBytes(StandardCharsets.UTF_8)));
        Arbitrary<InboxFile> ndjson = Arbitraries.strings().ofMaxLength(300).list().ofMaxSize(5)
                .map(lines -> new InboxFile("ndjson", String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        Arbitrary<InboxFile> notUtf8 = Arbitraries.of(new byte[] {'[', (byte) 0xC3, ']'},
                new byte[] {(byte) 0xFE, (byte) 0xFF, '{', '}'}, new byte[] {'{', '"', (byte) 0x80, '"', '}'})
                .map(bytes -> new InboxFile("json", bytes));
        Arbitrary<InboxFile> edi = HostileX12.broken()
                .map(x12 -> new InboxFile("edi", x12.getBytes(StandardCharsets.ISO_8859_1)));
        return Arbitraries.oneOf(json, ndjson, notUtf8, edi);
    }

    @Provide
    Arbitrary<List<String>> brokenX12() {
        return HostileX12.broken().list();
    }

    private static Path inbound() {
        return logisync.carriers().resolve("maple-express/inbound");
    }

    /** Writes the file under another name first, so it is read only once it is whole. */
    private static void drop(Path folder, String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path partial = folder.resolve(name + ".part");
        Files.write(partial, content);
        Files.move(partial, folder.resolve(name));
    }

    private static List<Path> named(Path folder, String prefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix + "-")
                    || f.getFileName().toString().startsWith(prefix + ".")).toList();
        }
    }
}
