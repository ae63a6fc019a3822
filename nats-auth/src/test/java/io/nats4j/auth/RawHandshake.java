package io.nats4j.auth;

import io.nats4j.protocol.ServerInfo;
import io.nats4j.protocol.spi.Authenticator;
import io.nats4j.protocol.spi.ConnectAuth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The NATS handshake over a raw socket (the client module is not ready yet): reads INFO, asks the
 * authenticator for the CONNECT fields, sends {@code CONNECT} + {@code PING}, and returns the
 * server's verdict line: {@code PONG} on success, {@code -ERR ...} on refusal.
 */
final class RawHandshake {
    private RawHandshake() {
    }

    /** The server's answer and the CONNECT fields that were sent. */
    record Result(String verdict, ConnectAuth sent) {
        boolean accepted() {
            return verdict.equals("PONG");
        }
    }

    static Result connect(int port, Authenticator authenticator) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000); // a read that blocks this long fails the test instead of hanging
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();

            String infoLine = readLine(in);
            if (!infoLine.startsWith("INFO ")) {
                throw new IOException("expected INFO, got: " + infoLine);
            }
            byte[] json = infoLine.substring(5).getBytes(StandardCharsets.UTF_8);
            ServerInfo info = ServerInfo.parse(json, 0, json.length);
            ConnectAuth auth = authenticator.authenticate(info);

            StringBuilder connect = new StringBuilder("CONNECT {\"verbose\":false,\"pedantic\":false,")
                    .append("\"tls_required\":false,\"name\":\"nats-auth-it\",\"lang\":\"java\",")
                    .append("\"version\":\"0.1.0\",\"protocol\":1,\"headers\":true");
            field(connect, "user", auth.user());
            field(connect, "pass", auth.password());
            field(connect, "auth_token", auth.token());
            field(connect, "jwt", auth.jwt());
            field(connect, "nkey", auth.nkey());
            field(connect, "sig", auth.signature());
            connect.append("}\r\nPING\r\n");
            out.write(connect.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();

            while (true) {
                String line = readLine(in);
                if (line.equals("PONG") || line.startsWith("-ERR")) {
                    return new Result(line, auth);
                }
                if (line.equals("PING")) {
                    out.write("PONG\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                // +OK, INFO updates: keep reading
            }
        }
    }

    private static void field(StringBuilder sb, String name, Optional<String> value) {
        value.ifPresent(v -> sb.append(",\"").append(name).append("\":\"")
                .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        throw new IOException("connection closed by the server after: " + line.toString(StandardCharsets.UTF_8));
    }
}
