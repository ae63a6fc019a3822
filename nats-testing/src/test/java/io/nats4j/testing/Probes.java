package io.nats4j.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Small raw-socket helpers for the fixture's own tests. */
final class Probes {
    private Probes() {
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        s.setSoTimeout(5000);
        return s;
    }

    /** Reads one line (without CRLF); null at EOF. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = buf.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            buf.write(b);
        }
        return buf.size() == 0 ? null : buf.toString(StandardCharsets.UTF_8);
    }

    /** Connects, reads the first line, closes; returns the line. */
    static String firstLine(int port) throws IOException {
        try (Socket s = connect(port)) {
            return readLine(s.getInputStream());
        }
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(2000);
            String line = readLine(s.getInputStream());
            return line != null && line.startsWith("INFO ");
        } catch (IOException e) {
            return false;
        }
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) {
        if (!Fixtures.await(timeout, condition)) {
            fail("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
        }
    }
}
