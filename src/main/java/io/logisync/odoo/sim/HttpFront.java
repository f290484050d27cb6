package io.logisync.odoo.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The loopback HTTP server: routes each path to its protocol front and keeps the call log. */
final class HttpFront implements AutoCloseable, Downtime.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
    private static final String CSRF_PAGE = "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n"
            + "<h1>Bad Request</h1>\n<p>Session expired (invalid CSRF token)</p>\n";

    private final ExecutorService executor;
    private final Json2Front json2;
    private final JsonRpcFront jsonRpc;
    private final XmlRpcFront xmlRpc;
    private final CallLog calls = new CallLog();
    private final Downtime downtime = new Downtime(this);
    private final int port;
    private HttpServer server;
    private boolean closed;

    HttpFront(int port, ExternalApi api) throws IOException {
        this.json2 = new Json2Front(api);
        this.jsonRpc = new JsonRpcFront(api);
        this.xmlRpc = new XmlRpcFront(api);
        AtomicInteger threads = new AtomicInteger();
        // a thread per call in progress: the latency model's workers (when limited) decide how many Odoo works on at
        // once, not a pool of HTTP threads in front of it (16 of them queued a benchmark's 64 senders' calls)
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "odoo-sim-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.server = listen(port);
        } catch (IOException e) {
            executor.shutdownNow();
            throw e;
        }
        // a downtime reopens the same port, so the one picked for port 0 is kept
        this.port = server.getAddress().getPort();
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), onPort), 64);
        created.setExecutor(executor);
        created.createContext("/", this::handle);
        created.start();
        return created;
    }

    int port() {
        return port;
    }

    Downtime downtime() {
        return downtime;
    }

    /** Closes the listening socket (and open connections): new connections are refused. */
    @Override
    public synchronized void stopListening() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens on the same port again, unless the simulator was closed meanwhile. */
    @Override
    public synchronized void startListening() throws IOException {
        if (server == null && !closed) {
            server = listen(port);
        }
    }

    List<SimulatorCall> calls() {
        return calls.snapshot();
    }

    void clearCalls() {
        calls.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        // a client answered may read the call log at once: its reply is known to the log before it is written
        long[] ticket = {0};
        HttpReply.beforeReply(() -> ticket[0] = calls.replying());
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            calls.add(downtime.answers503() ? Downtime.answer(exchange) : route(exchange, body));
        } catch (InjectedFailure injected) {
            calls.add(injected.answer(exchange));
        } catch (IOException e) {
            // the client left before its reply was written (e.g. its read timeout on a slow call); log it all the same
            CallTrace unanswered = CallTrace.current();
            if (unanswered != null) {
                calls.add(unanswered.finish(0, null));
            }
            throw e;
        } catch (RuntimeException e) {
            // a simulator bug: answer like Odoo's last-resort handler rather than dropping the connection
            LOG.error("odoo simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "builtins.Exception");
            body.put("message", String.valueOf(e));
            body.put("arguments", List.of(String.valueOf(e)));
            body.put("context", Map.of());
            body.put("debug", String.valueOf(e));
            HttpReply.json(exchange, 500, body);
        } finally {
            HttpReply.clearBeforeReply();
            if (ticket[0] != 0) {
                calls.replied(ticket[0]);
            }
            CallTrace.release();
            exchange.close();
        }
    }

    private SimulatorCall route(HttpExchange exchange, byte[] body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/jsonrpc")) {
            return jsonRpc.serve(exchange, body);
        }
        if (path.equals("/json/2") || path.startsWith("/json/2/")) {
            return json2.serve(exchange, body);
        }
        if (XmlRpcFront.serves(path)) {
            return xmlRpc.serve(exchange, body);
        }
        CallTrace trace = new CallTrace("http");
        if (path.equals("/web/version")) {
            trace.target(null, "version");
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                HttpReply.html(exchange, 400, CSRF_PAGE);
                return trace.finish(400, null);
            }
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("version_info", ExternalApi.VERSION_INFO);
            version.put("version", ExternalApi.SERVER_VERSION);
            HttpReply.json(exchange, 200, version);
            return trace.finish(200, null);
        }
        // Known gap: the legacy /xmlrpc/<service> route (faultCode as text) is not served, only /xmlrpc/2/<service>
        HttpReply.html(exchange, 404, HttpReply.NOT_FOUND_PAGE);
        return trace.finish(404, null);
    }

    @Override
    public void close() {
        // the downtime's timer reopens the port under its own lock, so it is stopped before this one is taken
        downtime.close();
        synchronized (this) {
            closed = true;
            stopListening();
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
