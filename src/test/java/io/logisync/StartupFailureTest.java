package io.logisync;

import static org.assertj.core.api.Assertions.assertThat;

import io.logisync.support.LogCapture;
import io.logisync.support.LogisyncHarness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails on a setting ends the process: logisync's main runs in a JVM of its own (from this test JVM's
 * classpath, as ProcessKillTest starts it) with a bad setting, and must exit non-zero soon, saying which setting, and
 * leave the sandbox's port free. Settings that are mistyped are refused or named.
 */
class StartupFailureTest {

    /** Far above a failed start (a few seconds), far below a JVM left running. */
    private static final long EXIT_WITHIN_SECONDS = 60;

    @TempDir
    Path work;

    @Test
    void shouldExitNonZeroNamingTheSettingWhenAWebhookSecretIsTooShort() throws Exception {
        int sandboxPort = freePort();

        Run run = runMain(Map.of("LOGISYNC_SECURITY_WEBHOOK_SECRETS", "tms/main s3cret-webhook"), sandboxPort);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("ERROR logisync did not start: logisync.security.webhook-secrets")
                .contains("at least 16 characters").doesNotContain("\tat ").doesNotContain("s3cret-webhook");
        try (ServerSocket free = new ServerSocket()) {
            free.bind(new InetSocketAddress("127.0.0.1", sandboxPort));
        }
    }

    @Test
    void shouldRefuseToStartWhenABooleanSettingIsNeitherTrueNorFalse() throws Exception {
        Run run = runMain(Map.of(), freePort(), "--logisync.release.require-pod=maybe");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("logisync.release.require-pod must be true or false, but was 'maybe'")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseToStartWhenABatchSettingIsOutOfRangeNamingKeyAndValue() throws Exception {
        Run zero = runMain(Map.of(), freePort(), "--logisync.settlement.batch.concurrency=0");
        Run waits = runMain(Map.of(), freePort(), "--logisync.analytic.batch.quiet-ms=100",
                "--logisync.analytic.batch.max-wait-ms=10");
        // batching off (size 1): a bad gathering value is refused all the same, not kept for the day it is on
        Run word = runMain(Map.of("LOGISYNC_INVOICING_POD_ATTACH_QUIET_MS", "fast"), freePort(),
                "--logisync.invoicing.batch.size=1");
        Run huge = runMain(Map.of(), freePort(), "--logisync.invoicing.batch.timeout-ms=2147483647");

        assertThat(zero.exitCode()).isNotZero();
        assertThat(zero.output()).contains("logisync.settlement.batch.concurrency must be at least 1, but was '0'")
                .doesNotContain("\tat ");
        assertThat(waits.exitCode()).isNotZero();
        assertThat(waits.output()).contains("logisync.analytic.batch.max-wait-ms must be at least"
                + " logisync.analytic.batch.quiet-ms (100), but was '10'").doesNotContain("\tat ");
        assertThat(word.exitCode()).isNotZero();
        assertThat(word.output()).contains("logisync.invoicing.pod-attach.quiet-ms must be a whole number, but was"
                + " 'fast'").doesNotContain("\tat ");
        assertThat(huge.exitCode()).isNotZero();
        assertThat(huge.output()).contains("logisync.invoicing.batch.timeout-ms must be from 1 to 60000, but was"
                + " '2147483647'");
    }

    @Test
    void shouldRefuseToStartWhenAnHttpPortIsTakenOrNotANumberNamingTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            int sandboxPort = freePort();

            Run run = runMain(Map.of(), sandboxPort, "--camel.server.port=" + taken.getLocalPort());

            assertThat(run.exitCode()).isNotZero();
            assertThat(run.output()).contains("ERROR logisync did not start: camel.server.port: logisync cannot listen"
                    + " on 0.0.0.0:" + taken.getLocalPort()).doesNotContain("\tat ")
                    .doesNotContain("HttpServer started");
            // what had started (the sandbox) is stopped again
            try (ServerSocket free = new ServerSocket()) {
                free.bind(new InetSocketAddress("127.0.0.1", sandboxPort));
            }
        }
        Run word = runMain(Map.of(), freePort(), "--camel.management.port=abc");

        assertThat(word.exitCode()).isNotZero();
        assertThat(word.output()).contains("logisync did not start: camel.management.port must be a whole number,"
                + " but was 'abc'");
    }

    @Test
    void shouldRefuseToStartOnACountATimeZoneOrAnOdooUrlThatCannotWorkNamingTheSetting() throws Exception {
        Run threads = runMain(Map.of(), freePort(), "--logisync.http.worker-threads=0");
        Run forever = runMain(Map.of("LOGISYNC_RETRY_MAX_REDELIVERIES", "-1"), freePort());
        Run zone = runMain(Map.of(), freePort(), "--logisync.edi.default-time-zone=Mars/Olympus");
        Run url = runMain(Map.of(), freePort(), "--logisync.odoo.url=erp.example.com");
        Run pool = runMain(Map.of(), freePort(), "--logisync.db.pool-size=99999999999");

        assertThat(threads.exitCode()).isNotZero();
        assertThat(threads.output()).contains("logisync.http.worker-threads must be at least 1, but was '0'");
        assertThat(forever.exitCode()).isNotZero();
        assertThat(forever.output()).contains("logisync.retry.max-redeliveries must be at least 0, but was '-1'");
        assertThat(zone.exitCode()).isNotZero();
        assertThat(zone.output()).contains("logisync.edi.default-time-zone must be a time zone such as UTC")
                .contains("'Mars/Olympus'").doesNotContain("\tat ");
        assertThat(url.exitCode()).isNotZero();
        assertThat(url.output()).contains("logisync.odoo.url").contains("must be http(s)://host[:port][/path],"
                + " but was 'erp.example.com'").doesNotContain("null://null").doesNotContain("\tat ");
        assertThat(pool.exitCode()).isNotZero();
        assertThat(pool.output()).contains("logisync.db.pool-size must be at least 1, but was '99999999999'");
        Run camelTypo = runMain(Map.of(), freePort(), "--camel.server.prot=1234");
        assertThat(camelTypo.exitCode()).isNotZero();
        assertThat(camelTypo.output()).contains("logisync did not start:").contains("prot")
                .doesNotContain("\tat ");
        Run cron = runMain(Map.of(), freePort(), "--logisync.reconciliation.cron=nonsense");
        assertThat(cron.exitCode()).isNotZero();
        assertThat(cron.output()).contains("logisync.reconciliation.cron must be a Quartz cron")
                .contains("'nonsense'").doesNotContain("\tat ");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            Run sandbox = runMain(Map.of(), taken.getLocalPort());
            assertThat(sandbox.exitCode()).isNotZero();
            assertThat(sandbox.output()).contains("logisync did not start: logisync.sandbox.port: the Odoo sandbox"
                    + " cannot listen on port " + taken.getLocalPort()).doesNotContain("\tat ");
        }
    }

    @Test
    void shouldReadBooleanSettingsInAnyCaseAndWarnOfAKeyNothingReads() throws Exception {
        try (LogCapture settings = LogCapture.of("io.logisync.runtime.Settings");
                LogisyncHarness logisync = LogisyncHarness.start("--logisync.release.require-pod=TRUE",
                        "--logisync.releese.require-delivered=false")) {
            assertThat(settings.messages()).singleElement().asString()
                    .contains("logisync.releese.require-delivered (closest known: logisync.release.require-delivered)")
                    .doesNotContain("logisync.release.require-pod").doesNotContain("logisync.odoo.url");
        }
    }

    private record Run(int exitCode, String output) {
    }

    private Run runMain(Map<String, String> environment, int sandboxPort, String... arguments) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", classpath, "io.logisync.Application",
                "--logisync.sandbox.port=" + sandboxPort,
                "--logisync.sandbox.db-url=jdbc:h2:mem:" + UUID.randomUUID(),
                "--logisync.inbox.dir=" + work.resolve("inbox"),
                "--camel.server.port=" + freePort(), "--camel.management.port=" + freePort()));
        command.addAll(List.of(arguments));
        Path log = work.resolve("logisync.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of(System.getProperty("user.dir"))
                .toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LOGISYNC_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            boolean exited = process.waitFor(EXIT_WITHIN_SECONDS, TimeUnit.SECONDS);
            assertThat(exited).as("logisync exited within %d s; its log:%n%s", EXIT_WITHIN_SECONDS,
                    Files.readString(log)).isTrue();
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
