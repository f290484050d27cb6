package io.logisync.faults;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.tools.Server;

/** logisync's H2 database in server mode on a loopback port, so a test can take it away and bring it back. */
final class H2Server implements AutoCloseable {

    private final Path baseDir;
    private final int port;
    private Server server;

    private H2Server(Path baseDir, int port) {
        this.baseDir = baseDir;
        this.port = port;
    }

    static H2Server start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        H2Server answer = new H2Server(Files.createTempDirectory("logisync-h2"), port);
        answer.up();
        return answer;
    }

    /** The JDBC URL of logisync's database on this server. */
    String url() {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/logisync";
    }

    /** Stops listening and drops every open connection, as a database server that went away. */
    void down() {
        server.stop();
    }

    /** Listens again on the same port, over the same database files. */
    void up() throws SQLException {
        server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", baseDir.toString(),
                "-ifNotExists").start();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }
}
