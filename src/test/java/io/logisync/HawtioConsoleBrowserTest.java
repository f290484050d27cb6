package io.logisync;

import static io.logisync.support.Events.array;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logisync.odoo.sim.Fault;
import io.logisync.ops.HawtioConsole;
import io.logisync.support.Browser;
import io.logisync.support.LogisyncHarness;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;

/**
 * The Hawtio console as an operator starts it: the launcher, in a process of its own, connects a real Chromium to a
 * running logisync's Jolokia, where the operator logs in with the management credentials and finds the routes.
 */
class HawtioConsoleBrowserTest {

    private LogisyncHarness logisync;
    private Process console;
    private Browser browser;

    @BeforeEach
    void start() throws Exception {
        logisync = LogisyncHarness.start();
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        logisync.send(array(shipment("s-1", "L-1", "NOBODY", charge("LINEHAUL", "1", "100.00"))));
    }

    @AfterEach
    void stop(TestInfo test) throws Exception {
        if (browser != null) {
            // the page as the test left it, passed or failed
            browser.screenshot("hawtio-end-of-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            browser.close();
        }
        if (console != null) {
            console.destroy();
            console.waitFor();
        }
        logisync.close();
    }

    @Test
    void shouldShowTheLogisyncRoutesAndTheirStatisticsInHawtio() throws Exception {
        String consoleUrl = startConsole(logisync.managementUrl() + "/observe/jolokia");
        browser = Browser.start();

        browser.open(consoleUrl);
        browser.find(By.id("connect-login-form-username")).sendKeys(LogisyncHarness.OPERATOR);
        browser.find(By.id("connect-login-form-password")).sendKeys(LogisyncHarness.OPERATOR_KEY);
        browser.screenshot("hawtio-login");
        browser.find(By.xpath("//button[normalize-space()='Log in']")).click();
        browser.waitForText("invoice-delivered-shipment");
        browser.screenshot("hawtio-camel-context");

        assertThat(browser.text()).contains("http-ingress", "accept-event-once", "upsert-customer-partner",
                "replay-exception", "list-exceptions");

        browser.find(By.xpath("//*[normalize-space()='routes' and not(*)]")).click();
        browser.waitForText("Completed");
        browser.screenshot("hawtio-routes");

        assertThat(browser.text()).contains("invoice-delivered-shipment", "InFlight", "Failed", "Completed");

        // messages in flight: the Exchanges tab lists what is being processed now
        // messages in flight: a customer whose creation Odoo takes 15 s to answer shows on the Exchanges tab
        logisync.odoo().faults().inject(Fault.slow(Duration.ofSeconds(15)).on("res.partner", "create").times(1));
        CompletableFuture<?> slow = CompletableFuture.runAsync(() -> send(customer("c-2", "SLOW", "Slow Co")));
        await().atMost(Duration.ofSeconds(10)).until(() -> logisync.camel().getInflightRepository().size() > 0);
        browser.find(By.xpath("//*[(self::a or self::button) and normalize-space()='Exchanges']")).click();
        browser.waitForText("to-odoo-upsert-customer");
        browser.screenshot("hawtio-exchanges");

        assertThat(browser.text()).contains("Inflight Exchanges", "upsert-customer-partner");
        slow.join();
    }

    @Test
    void shouldRefuseTheConsoleWhenTheOperatorsKeyIsWrong() throws Exception {
        String consoleUrl = startConsole(logisync.managementUrl() + "/observe/jolokia");
        browser = Browser.start();

        browser.open(consoleUrl);
        browser.find(By.id("connect-login-form-username")).sendKeys(LogisyncHarness.OPERATOR);
        browser.find(By.id("connect-login-form-password")).sendKeys("not-the-operators-key");
        browser.find(By.xpath("//button[normalize-space()='Log in']")).click();
        browser.waitForText("Incorrect");
        browser.screenshot("hawtio-login-refused");

        assertThat(browser.text()).doesNotContain("invoice-delivered-shipment");
    }

    private void send(Object event) {
        try {
            logisync.send(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the console as an operator does, in its own JVM, and waits until it answers. */
    private String startConsole(String jolokiaUrl) throws Exception {
        String war = System.getProperty("hawtio.war");
        assertThat(war).as("the hawtio-default war's path, from the build").isNotBlank();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("hawtio-console", ".log");
        console = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HawtioConsole.class.getName(), "--war=" + war,
                "--jolokia=" + jolokiaUrl, "--port=" + port).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        String url = "http://127.0.0.1:" + port + "/";
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create(url + "hawtio/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        assertThat(console.isAlive()).as(String.join("\n", Files.readAllLines(log))).isTrue();
        return url;
    }

}
