package io.logisync.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.Application;
import io.logisync.odoo.sim.OdooSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs a whole logisync (the real YAML routes, an H2 database, an inbox folder) against a fresh Odoo simulator. */
public final class LogisyncHarness implements AutoCloseable {

    public static final String TMS_KEY = "tms-test-key-0001";
    public static final String CARRIER_KEY = "carrier-test-key-0002";
    /** Credentials of the test's people: an operator, an admin and an approver, named as the audit shows them. */
    public static final String OPERATOR = "olivia-operator";
    public static final String OPERATOR_KEY = "operator-test-key-0003";
    public static final String ADMIN = "adam-admin";
    public static final String ADMIN_KEY = "admin-test-key-0000004";
    public static final String APPROVER = "april-approver";
    public static final String APPROVER_KEY = "approver-test-key-0005";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OdooSimulator odoo;
    private final Main main;
    private final Path workDir;
    private final int httpPort;
    private final int managementPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private final boolean ownsOdoo;

    private LogisyncHarness(OdooSimulator odoo, boolean ownsOdoo, Main main, Path workDir, int httpPort,
            int managementPort) {
        this.odoo = odoo;
        this.ownsOdoo = ownsOdoo;
        this.main = main;
        this.workDir = workDir;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    /** Starts logisync; extra arguments are {@code --property=value} overrides. */
    public static LogisyncHarness start(String... overrides) throws Exception {
        return start(OdooSimulator.start(0), true, overrides);
    }

    /**
     * Starts logisync with the batches of {@code prefix} ({@code logisync.invoicing} or {@code logisync.settlement})
     * closing only when {@code size} moves have joined (or after 20 s), so that a test sees whole batches, and Odoo's
     * replies awaited 300 ms at most; {@code overrides} come after and win.
     */
    public static LogisyncHarness startWithWholeBatches(String prefix, int size, String... overrides)
            throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--" + prefix + ".batch.size=" + size,
                "--" + prefix + ".batch.timeout-ms=20000", "--" + prefix + ".batch.eager=false",
                "--logisync.odoo.read-timeout-ms=300"));
        args.addAll(List.of(overrides));
        return start(args.toArray(String[]::new));
    }

    /** Starts a logisync against an Odoo simulator that others share and that stays open when this one closes. */
    public static LogisyncHarness startOn(OdooSimulator odoo, String... overrides) throws Exception {
        return start(odoo, false, overrides);
    }

    private static LogisyncHarness start(OdooSimulator odoo, boolean ownsOdoo, String... overrides)
            throws Exception {
        Path workDir = Files.createTempDirectory("logisync-test");
        int httpPort = freePort();
        int managementPort = freePort();
        List<String> args = new ArrayList<>(List.of(
                "--logisync.odoo.url=" + odoo.url(),
                "--logisync.odoo.database=" + odoo.database(),
                "--logisync.odoo.user=" + odoo.login(),
                "--logisync.odoo.api-key=" + odoo.apiKey(),
                "--logisync.db.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--logisync.inbox.dir=" + workDir.resolve("inbox"),
                "--logisync.carriers.dir=" + workDir.resolve("carriers"),
                "--logisync.inbox.poll-ms=100",
                "--logisync.inbox.settle-ms=100",
                "--logisync.ingress.api-keys=tms/main=" + TMS_KEY + ",carrier/acme-freight=" + CARRIER_KEY,
                "--logisync.security.credentials=" + OPERATOR + " operator " + OPERATOR_KEY + ";" + ADMIN
                        + " admin " + ADMIN_KEY + ";" + APPROVER + " approver sha256:"
                        + io.logisync.security.CredentialStore.sha256Hex(APPROVER_KEY),
                "--logisync.retry.max-redeliveries=2",
                "--logisync.retry.delay-ms=10",
                "--logisync.parking.sweep-delay-ms=3600000",
                "--camel.server.port=" + httpPort,
                "--camel.management.port=" + managementPort));
        args.addAll(List.of(overrides));
        Main main = Application.create(args.toArray(String[]::new));
        main.start();
        return new LogisyncHarness(odoo, ownsOdoo, main, workDir, httpPort, managementPort);
    }

    /** The body of a GET on the management server, e.g. {@code /observe/metrics}, as the operator. */
    public HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return management(path, basic(OPERATOR, OPERATOR_KEY));
    }

    /** A GET on the management server with the given Authorization header value (null for none). */
    public HttpResponse<String> management(String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(managementUrl() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request to logisync's HTTP API, e.g. {@code /api/v1/exceptions}, with a bearer key (null for none). */
    public HttpResponse<String> api(String method, String path, String body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTP Basic Authorization header value. */
    public static String basic(String name, String key) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((name + ":" + key)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The base URL of the HTTP server, e.g. for a browser. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public OdooSimulator odoo() {
        return odoo;
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    public <T> T bean(String name, Class<T> type) {
        return camel().getRegistry().lookupByNameAndType(name, type);
    }

    public JdbcTemplate db() {
        return new JdbcTemplate(bean("dataSource", DataSource.class));
    }

    public Path inbox() {
        return workDir.resolve("inbox");
    }

    /** The folder of the carriers' files ({@code logisync.carriers.dir}). */
    public Path carriers() {
        return workDir.resolve("carriers");
    }

    /** Posts a body to a path of the HTTP server with the given headers, as a carrier's webhook call would. */
    public HttpResponse<String> postTo(String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a body to the events endpoint with the given API key (null for none). */
    public HttpResponse<String> post(String body, String apiKey) throws IOException, InterruptedException {
        return post(body, apiKey, "application/cloudevents+json");
    }

    public HttpResponse<String> post(String body, String apiKey, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                + "/api/v1/events")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts raw bytes to the events endpoint as the TMS, e.g. a body that is not UTF-8. */
    public HttpResponse<String> postBytes(byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/events"))
                .header("Content-Type", "application/cloudevents+json").header("Authorization", "Bearer " + TMS_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts events as the TMS and returns the parsed answer. */
    public JsonNode send(Object events) throws IOException, InterruptedException {
        HttpResponse<String> response = post(MAPPER.writeValueAsString(events), TMS_KEY);
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200 but got " + response.statusCode() + ": " + response.body());
        }
        return MAPPER.readTree(response.body());
    }

    /** The records of an Odoo model in the simulator, as Odoo reads them. */
    public List<Map<String, Object>> records(String model) {
        return odoo.store().records(model);
    }

    /** The product lines of a move (its journal items with display_type product). */
    public List<Map<String, Object>> productLines(Map<String, Object> move) {
        long id = ((Number) move.get("id")).longValue();
        return records("account.move.line").stream().filter(l -> idOf(l.get("move_id")) == id
                && "product".equals(l.get("display_type"))).toList();
    }

    /** The id of the partner whose ref is this customer or carrier code. */
    public long partnerOf(String code) {
        return records("res.partner").stream().filter(p -> code.equals(p.get("ref")))
                .map(p -> ((Number) p.get("id")).longValue()).findFirst().orElseThrow();
    }

    /** The id of a load's analytic account, named by its load reference. */
    public long analyticAccount(String loadRef) {
        return records("account.analytic.account").stream().filter(a -> loadRef.equals(a.get("name")))
                .map(a -> ((Number) a.get("id")).longValue()).findFirst().orElseThrow();
    }

    /** The internal reference (default_code) of the product a many2one value names. */
    public String productCode(Object productRef) {
        long id = idOf(productRef);
        return records("product.product").stream().filter(p -> ((Number) p.get("id")).longValue() == id)
                .map(p -> (String) p.get("default_code")).findFirst().orElseThrow();
    }

    /** The id of a many2one value as Odoo reads it, [id, name]. */
    public static long idOf(Object many2one) {
        return ((Number) ((List<?>) many2one).get(0)).longValue();
    }

    @Override
    public void close() throws Exception {
        main.stop();
        if (ownsOdoo) {
            odoo.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
