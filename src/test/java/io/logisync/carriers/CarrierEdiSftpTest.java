package io.logisync.carriers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logisync.support.LogisyncHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** carrier-edi-source reading a carrier's SFTP server, through a Pipe, against an SFTP server in the test. */
class CarrierEdiSftpTest {

    private static final String PIPE = """
            apiVersion: camel.apache.org/v1
            kind: Pipe
            metadata:
              name: harbor-freight-lines
            spec:
              source:
                ref:
                  kind: Kamelet
                  apiVersion: camel.apache.org/v1
                  name: carrier-edi-source
                properties:
                  carrier: harbor-freight-lines
                  protocol: sftp
                  directory: "RAW(127.0.0.1:%1$d/outbound)"
                  acknowledgementDirectory: "RAW(127.0.0.1:%1$d/inbound)"
                  username: logisync
                  password: "RAW({{logisync.carriers.harbor-freight-lines.sftp-password}})"
                  strictHostKeyChecking: "no"
                  pollDelay: 200
                  settleMillis: 200
              sink:
                ref:
                  kind: Kamelet
                  apiVersion: camel.apache.org/v1
                  name: logisync-ingress-sink
                properties:
                  source: "RAW(edi/harbor-freight-lines)"
            """;

    @TempDir
    Path folder;

    private SshServer sftp;
    private Path serverRoot;
    private LogisyncHarness logisync;

    @BeforeEach
    void startServer() throws IOException {
        serverRoot = Files.createDirectories(folder.resolve("sftp-root"));
        Files.createDirectories(serverRoot.resolve("outbound"));
        Files.createDirectories(serverRoot.resolve("inbound"));
        sftp = SshServer.setUpDefaultServer();
        sftp.setHost("127.0.0.1");
        sftp.setPort(0);
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(folder.resolve("host.key"));
        hostKey.setAlgorithm(KeyPairProvider.SSH_RSA.replace("ssh-", "").toUpperCase());
        sftp.setKeyPairProvider(hostKey);
        sftp.setPasswordAuthenticator((user, password, session) -> "logisync".equals(user)
                && "sftp-test-password".equals(password));
        sftp.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sftp.setFileSystemFactory(new VirtualFileSystemFactory(serverRoot));
        sftp.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (logisync != null) {
            logisync.close();
        }
        sftp.stop(true);
    }

    private List<Path> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldReadTheCarriersFilesOverSftpAndWriteThe997Back() throws Exception {
        Path carriers = Files.createDirectories(folder.resolve("carriers"));
        Files.writeString(carriers.resolve("harbor-freight-lines.pipe.yaml"), PIPE.formatted(sftp.getPort()));
        Files.copy(Path.of("src/test/resources/edi/canadapost-214.edi"), serverRoot.resolve("outbound/cp.edi"));

        logisync = LogisyncHarness.start(
                "--camel.main.routes-include-pattern=file:routes/*.camel.yaml,file:" + carriers + "/*.yaml",
                "--logisync.carriers.harbor-freight-lines.sftp-password=sftp-test-password");

        await().atMost(Duration.ofSeconds(40)).until(() -> Files.isDirectory(serverRoot.resolve("outbound/.done"))
                && files(serverRoot.resolve("outbound/.done")).size() == 1 && files(serverRoot.resolve("inbound"))
                        .size() == 1);
        String ack = Files.readString(files(serverRoot.resolve("inbound")).get(0));
        assertThat(ack).startsWith("ISA*").contains("AK1*QM*000001644~").contains("AK9*A*19*19*19~");
        // 19 sets, 18 milestones (set 3's cancellation is none); events come from the Pipe's source
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM shipment_milestone", Integer.class))
                .isEqualTo(18);
        assertThat(logisync.db().queryForList("SELECT messageId FROM camel_messageprocessed", String.class))
                .hasSize(18).allMatch(key -> key.startsWith("edi/harbor-freight-lines "));
    }
}
