package io.logisync.odoo.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A tiny HTTP server standing in for Odoo in tests: answers with queued or recorded responses and keeps every request
 * it received. Resolution order: a handler, then a fixed answer for the path, then the queue.
 */
public final class StubOdoo implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Deque<StubResponse> queue = new ArrayDeque<>();
    private final Map<String, StubResponse> byPath = new ConcurrentHashMap<>();
    private final List<StubRequest> requests = new ArrayList<>();
    private volatile Function<StubRequest, StubResponse> handler;

    private StubOdoo() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static StubOdoo start() {
        try {
            return new StubOdoo();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the stub server", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public StubOdoo enqueue(StubResponse response) {
        synchronized (queue) {
            queue.add(response);
        }
        return this;
    }

    public StubOdoo onPath(String path, StubResponse response) {
        byPath.put(path, response);
        return this;
    }

    public StubOdoo handler(Function<StubRequest, StubResponse> function) {
        this.handler = function;
        return this;
    }

    public List<StubRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public StubRequest lastRequest() {
        List<StubRequest> all = requests();
        if (all.isEmpty()) {
            throw new AssertionError("The stub received no request");
        }
        return all.get(all.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            StubRequest request = new StubRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    headers, body);
            synchronized (requests) {
                requests.add(request);
            }
            StubResponse response = answer(request);
            if (response.delayMillis() > 0) {
                Thread.sleep(response.delayMillis());
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: expected in timeout tests
        }
    }

    private StubResponse answer(StubRequest request) {
        Function<StubRequest, StubResponse> function = handler;
        if (function != null) {
            return function.apply(request);
        }
        StubResponse fixed = byPath.get(request.path());
        if (fixed != null) {
            return fixed;
        }
        synchronized (queue) {
            StubResponse next = queue.poll();
            return next != null ? next : StubResponse.html(599, "stub: nothing queued for " + request.path());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
