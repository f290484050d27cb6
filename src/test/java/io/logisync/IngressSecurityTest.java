package io.logisync;

import static io.logisync.support.Events.MAPPER;
import static io.logisync.support.Events.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.logisync.security.CredentialStore;
import io.logisync.security.WebhookSignatures;
import io.logisync.support.LogisyncHarness;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The door of routes/ingress.camel.yaml as attackers and operators meet it: signatures, rate limits, rotation, TLS. */
class IngressSecurityTest {

    private static final String ACME_SECRET = "acme-webhook-secret-0001";

    @TempDir
    Path secrets;

    private LogisyncHarness logisync;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        if (logisync != null) {
            logisync.close();
        }
    }

    @Test
    void shouldTakeASignedWebhookOnlyWithinItsTimeWindow() throws Exception {
        logisync = LogisyncHarness.start("--logisync.security.webhook-secrets=carrier/acme-freight " + ACME_SECRET);
        byte[] fresh = body("w-1", "ACME1");
        byte[] stale = body("w-2", "ACME2");
        byte[] tampered = body("w-3", "ACME3");
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> signed = postSigned(fresh, WebhookSignatures.sign(ACME_SECRET, now, fresh));
        // ten minutes old: outside the five-minute window, though correctly signed
        HttpResponse<String> late = postSigned(stale, WebhookSignatures.sign(ACME_SECRET, now - 600, stale));
        HttpResponse<String> changed = postSigned(tampered, WebhookSignatures.sign(ACME_SECRET, now, fresh));
        HttpResponse<String> wrongSecret = postSigned(tampered, WebhookSignatures.sign("another-secret-0000000",
                now, tampered));

        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(MAPPER.readTree(signed.body()).at("/results/0/status").asText()).isEqualTo("accepted");
        assertThat(late.statusCode()).isEqualTo(401);
        assertThat(MAPPER.readTree(late.body()).get("message").asText()).contains("away from now")
                .contains("the window is 300 s");
        assertThat(changed.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(logisync.records("res.partner")).extracting(p -> p.get("ref")).contains("ACME1")
                .doesNotContain("ACME2", "ACME3");
    }

    @Test
    void shouldAnswerAFloodFromOneSourceWith429WhileAnotherSourceIsServed() throws Exception {
        // three requests a minute per sender: the fourth within the minute is refused
        logisync = LogisyncHarness.start("--logisync.ingress.rate-limit=3",
                "--logisync.ingress.rate-limit-period-ms=60000");
        List<Integer> flood = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = logisync.post(customer("f-" + i, "FLOOD" + i, "Flood " + i).toString(),
                    LogisyncHarness.TMS_KEY);
            flood.add(response.statusCode());
            if (response.statusCode() == 429) {
                refused = response;
            }
        }

        HttpResponse<String> other = logisync.post(customer("o-1", "OTHER", "Other Co").put("source",
                "carrier/acme-freight").toString(), LogisyncHarness.CARRIER_KEY);

        assertThat(flood).containsExactly(200, 200, 200, 429, 429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(MAPPER.readTree(refused.body()).get("message").asText()).contains("tms/main");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        assertThat(logisync.records("res.partner")).extracting(p -> p.get("ref")).contains("OTHER")
                .doesNotContain("FLOOD3", "FLOOD4");
    }

    @Test
    void shouldTakeARotatedKeyAtOnceAndRefuseTheOldOne() throws Exception {
        Path file = secrets.resolve("credentials");
        String oldKey = "tms-old-key-000000001";
        String newKey = "tms-new-key-000000002";
        writeSecret(file, "tms ingest:tms/main sha256:" + CredentialStore.sha256Hex(oldKey) + "\n");
        logisync = LogisyncHarness.start("--logisync.security.credentials-file=" + file);
        assertThat(logisync.post(customer("r-1", "ROT1", "Rotation One").toString(), oldKey).statusCode())
                .isEqualTo(200);

        // as Kubernetes updates a mounted Secret: the new content replaces the file at once
        writeSecret(file, "tms ingest:tms/main sha256:" + CredentialStore.sha256Hex(newKey) + "\n");

        assertThat(logisync.post(customer("r-2", "ROT2", "Rotation Two").toString(), newKey).statusCode())
                .isEqualTo(200);
        assertThat(logisync.post(customer("r-3", "ROT3", "Rotation Three").toString(), oldKey).statusCode())
                .isEqualTo(401);
        assertThat(logisync.records("res.partner")).extracting(p -> p.get("ref")).contains("ROT1", "ROT2")
                .doesNotContain("ROT3");
    }

    @Test
    void shouldServeTheIngressOverTlsWhenConfigured() throws Exception {
        Path keystore = secrets.resolve("logisync.p12");
        String password = "keystore-pass-000001";
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "logisync", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password).redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        logisync = LogisyncHarness.start("--camel.ssl.enabled=true", "--camel.ssl.key-store=file:" + keystore,
                "--camel.ssl.keystore-password=" + password, "--camel.ssl.key-store-type=PKCS12",
                "--camel.server.use-global-ssl-context-parameters=true");
        HttpClient tls = HttpClient.newBuilder().sslContext(trusting(keystore, password)).build();

        HttpResponse<String> response = tls.send(HttpRequest.newBuilder(URI.create(logisync.url()
                .replace("http:", "https:") + "/api/v1/events")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + LogisyncHarness.TMS_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(customer("t-1", "TLS", "Tls Co").toString())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(logisync.records("res.partner")).extracting(p -> p.get("ref")).contains("TLS");
    }

    private HttpResponse<String> postSigned(byte[] body, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(logisync.url() + "/api/v1/events"))
                .header("Content-Type", "application/cloudevents+json")
                .header(WebhookSignatures.SOURCE_HEADER, "carrier/acme-freight")
                .header(WebhookSignatures.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] body(String id, String code) {
        return customer(id, code, "Carrier customer " + code).put("source", "carrier/acme-freight").toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void writeSecret(Path file, String content) throws Exception {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static SSLContext trusting(Path keystore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext answer = SSLContext.getInstance("TLS");
        answer.init(null, trust.getTrustManagers(), null);
        return answer;
    }
}
