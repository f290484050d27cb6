package io.logisync.ops;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.Callback;

/**
 * Starts the Hawtio console (the {@code hawtio-default} war, in Jetty) on loopback, connected to a running
 * logisync's Jolokia on its management port. Opening the console's address adds the logisync connection to
 * Hawtio's Connect list and opens it; Hawtio then asks for the management credentials (an operator's name and key).
 *
 * <p>{@code mvn -Phawtio} runs it; the arguments are {@code --war=<path>}, {@code --jolokia=<url>} (default
 * {@code http://127.0.0.1:9876/observe/jolokia}), {@code --port=} (default 8090) and {@code --host=} (default
 * 127.0.0.1). The war is served by Maven Central, so nothing is built or downloaded by hand.
 */
public final class HawtioConsole {

    private final Server server;
    private final String host;

    private HawtioConsole(Server server, String host) {
        this.server = server;
        this.host = host;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        HawtioConsole console = start(Path.of(require(options, "war")), options.getOrDefault("jolokia",
                "http://127.0.0.1:9876/observe/jolokia"), options.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("port", "8090")));
        System.out.println("Hawtio console for " + options.getOrDefault("jolokia",
                "http://127.0.0.1:9876/observe/jolokia") + " at " + console.url() + " (Ctrl-C stops it)");
        console.server.join();
    }

    /** Starts the console; port 0 takes a free one. */
    public static HawtioConsole start(Path war, String jolokiaUrl, String host, int port) throws Exception {
        if (!Files.isRegularFile(war)) {
            throw new IllegalArgumentException("--war must name the hawtio-default war, but " + war
                    + " is not a file");
        }
        URI jolokia = URI.create(jolokiaUrl);
        if (jolokia.getHost() == null || jolokia.getPort() < 0) {
            throw new IllegalArgumentException("--jolokia must be a URL with host and port, such as"
                    + " http://127.0.0.1:9876/observe/jolokia, but was '" + jolokiaUrl + "'");
        }
        // the console runs on loopback for one operator; logisync's management port checks who they are
        System.setProperty("hawtio.authenticationEnabled", "false");
        System.setProperty("hawtio.proxyAllowlist", "localhost,127.0.0.1," + jolokia.getHost());
        System.setProperty("hawtio.localAddressProbing", "false");

        Server server = new Server(new InetSocketAddress(host, port));
        WebAppContext hawtio = new WebAppContext();
        hawtio.setContextPath("/hawtio");
        hawtio.setWar(war.toAbsolutePath().toString());
        hawtio.setTempDirectory(Files.createTempDirectory("hawtio-console").toFile());
        hawtio.setThrowUnavailableOnStartupException(true);
        ContextHandler connect = new ContextHandler(new ConnectPage(jolokia), "/");
        server.setHandler(new ContextHandlerCollection(hawtio, connect));
        server.start();
        return new HawtioConsole(server, host);
    }

    /** Where the console answers, e.g. {@code http://127.0.0.1:8090/}. */
    public String url() {
        return "http://" + host + ":" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/";
    }

    public void stop() throws Exception {
        server.stop();
    }

    /** Adds logisync to Hawtio's saved connections in the browser, then opens Hawtio on it. */
    private static final class ConnectPage extends Handler.Abstract {

        private final String page;

        ConnectPage(URI jolokia) {
            String connection = "{\"id\":\"logisync\",\"name\":\"logisync\",\"scheme\":\"" + jolokia.getScheme()
                    + "\",\"host\":\"" + jolokia.getHost() + "\",\"port\":" + jolokia.getPort() + ",\"path\":\""
                    + jolokia.getPath() + "\"}";
            this.page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>logisync in Hawtio</title>"
                    + "</head><body><p>Opening Hawtio on logisync...</p><script>\n"
                    + "const saved = JSON.parse(localStorage.getItem('connect.connections') || '{}');\n"
                    + "saved.logisync = " + connection + ";\n"
                    + "localStorage.setItem('connect.connections', JSON.stringify(saved));\n"
                    + "location.replace('/hawtio/?con=logisync');\n</script></body></html>";
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!"/".equals(Request.getPathInContext(request))) {
                Response.writeError(request, response, callback, 404);
                return true;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            Content.Sink.write(response, true, page, callback);
            return true;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> answer = new LinkedHashMap<>();
        for (String arg : args) {
            int split = arg.indexOf('=');
            if (!arg.startsWith("--") || split < 0) {
                throw new IllegalArgumentException("arguments read --name=value, but one was '" + arg + "'");
            }
            answer.put(arg.substring(2, split), arg.substring(split + 1));
        }
        return answer;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
