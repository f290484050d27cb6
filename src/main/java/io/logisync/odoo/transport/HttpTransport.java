package io.logisync.odoo.transport;

import io.logisync.odoo.OdooSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to one Odoo base URL over a pooled {@link HttpClient}, with the connect and read timeouts of the
 * settings; every I/O failure leaves as a typed Odoo exception. Bodies are never logged: they may hold the secret.
 */
public final class HttpTransport {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final String USER_AGENT = "logisync-odoo-client/1";

    private final String baseUrl;
    private final Duration readTimeout;
    private final HttpClient http;

    public HttpTransport(OdooSettings settings) {
        this.baseUrl = settings.url();
        this.readTimeout = settings.readTimeout();
        // HTTP/1.1 because Odoo's werkzeug server does not speak h2c and the upgrade attempt only costs time
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** POSTs a JSON body to {@code path} (starting with {@code /}) and returns the reply, whatever its status. */
    public WireResponse postJson(String path, Map<String, String> headers, byte[] body, Call call) {
        return post(path, "application/json", headers, body, call);
    }

    /** POSTs a body of the given media type (also sent as {@code Accept}), e.g. {@code text/xml} for XML-RPC. */
    public WireResponse post(String path, String mediaType, Map<String, String> headers, byte[] body, Call call) {
        HttpRequest.Builder request = request(path)
                .setHeader("Accept", mediaType)
                .header("Content-Type", mediaType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build(), call);
    }

    /** GETs {@code path} and returns the reply, whatever its status. */
    public WireResponse get(String path, Call call) {
        return send(request(path).GET().build(), call);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
    }

    private WireResponse send(HttpRequest request, Call call) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(
                    StandardCharsets.UTF_8));
            LOG.debug("Odoo {}.{} answered HTTP {} in {} ms", call.model(), call.method(), response.statusCode(),
                    elapsedMillis(started));
            return new WireResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            LOG.debug("Odoo {}.{} failed after {} ms: {}", call.model(), call.method(), elapsedMillis(started),
                    e.toString());
            throw ReplyFailures.ioFailure(call, baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ReplyFailures.interrupted(call, baseUrl, e);
        }
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
