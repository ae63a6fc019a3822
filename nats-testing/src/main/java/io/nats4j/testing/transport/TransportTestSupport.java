package io.nats4j.testing.transport;

import static org.junit.jupiter.api.Assertions.fail;

import io.nats4j.protocol.spi.Transport;
import io.nats4j.protocol.spi.TransportOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;

/**
 * Helpers for testing a {@link Transport} directly, without a client: options with short timeouts,
 * writing and reading NATS text, the CONNECT/PING handshake, payload patterns and condition waits.
 * Transport-neutral (only the SPI); used by {@link AbstractTransportSuite} and by transports' own tests.
 *
 * <p>Pitfalls: the read helpers fail the test (JUnit {@code fail}) at the end of the stream; they are
 * meant for servers that answer, not for probing whether a stream ended.
 */
public final class TransportTestSupport {

    private TransportTestSupport() {
    }

    /**
     * Plain options with 5 s connect and write timeouts, hostname verification on.
     *
     * @param extensions transport-specific option records (for example a {@code TcpOptions})
     * @return the options
     */
    public static TransportOptions plain(Object... extensions) {
        return new TransportOptions(Duration.ofSeconds(5), Duration.ofSeconds(5), Optional.empty(),
                false, false, true, Optional.empty(), List.of(extensions));
    }

    /**
     * TLS options: the context given, TLS required, hostname verification on, 5 s timeouts.
     *
     * @param context the client TLS context
     * @param extensions transport-specific option records
     * @return the options
     */
    public static TransportOptions tls(SSLContext context, Object... extensions) {
        return new TransportOptions(Duration.ofSeconds(5), Duration.ofSeconds(5), Optional.of(context),
                true, false, true, Optional.empty(), List.of(extensions));
    }

    /**
     * A copy of {@code o} with other timeouts.
     *
     * @param o the options
     * @param connect the connect timeout
     * @param write the write timeout
     * @return the copy
     */
    public static TransportOptions withTimeouts(TransportOptions o, Duration connect, Duration write) {
        return new TransportOptions(connect, write, o.sslContext(), o.tlsRequired(), o.tlsHandshakeFirst(),
                o.hostnameVerification(), o.tlsHostname(), o.extensions());
    }

    /**
     * A copy of {@code o} with TLS required and the TLS handshake done first.
     *
     * @param o the options
     * @return the copy
     */
    public static TransportOptions handshakeFirst(TransportOptions o) {
        return new TransportOptions(o.connectTimeout(), o.writeTimeout(), o.sslContext(), true, true,
                o.hostnameVerification(), o.tlsHostname(), o.extensions());
    }

    /**
     * A copy of {@code o} with hostname verification on or off and a verification host name.
     *
     * @param o the options
     * @param verify whether to verify the certificate's host name
     * @param tlsHostname the name to verify against instead of the URL's host
     * @return the copy
     */
    public static TransportOptions hostname(TransportOptions o, boolean verify, Optional<String> tlsHostname) {
        return new TransportOptions(o.connectTimeout(), o.writeTimeout(), o.sslContext(), o.tlsRequired(),
                o.tlsHandshakeFirst(), verify, tlsHostname, o.extensions());
    }

    /**
     * A copy of {@code o} with these extensions instead of its own.
     *
     * @param o the options
     * @param extensions transport-specific option records
     * @return the copy
     */
    public static TransportOptions extensions(TransportOptions o, Object... extensions) {
        return new TransportOptions(o.connectTimeout(), o.writeTimeout(), o.sslContext(), o.tlsRequired(),
                o.tlsHandshakeFirst(), o.hostnameVerification(), o.tlsHostname(), List.of(extensions));
    }

    /**
     * Writes ASCII text and checks that the transport took all of it.
     *
     * @param t the transport
     * @param text the text, with its line ends
     * @throws IOException when the write fails
     */
    public static void write(Transport t, String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        t.write(b);
        if (b.hasRemaining()) {
            fail("write returned with " + b.remaining() + " bytes left");
        }
    }

    /**
     * Reads until the bytes read end with {@code suffix}; fails the test at the end of the stream.
     *
     * @param t the transport
     * @param suffix what the wanted bytes end with
     * @param bufferSize the size of each read (1 reads byte by byte)
     * @return every byte read
     * @throws IOException when a read fails
     */
    public static byte[] readUntil(Transport t, String suffix, int bufferSize) throws IOException {
        byte[] end = suffix.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(bufferSize);
        for (;;) {
            buf.clear();
            int n = t.read(buf);
            if (n < 0) {
                fail("stream ended before '" + suffix.trim() + "'; got " + out.size() + " bytes");
            }
            if (n == 0) {
                fail("read returned 0");
            }
            out.write(buf.array(), 0, n);
            if (endsWith(out, end)) {
                return out.toByteArray();
            }
        }
    }

    /**
     * Reads one line, byte by byte, with its line end.
     *
     * @param t the transport
     * @return the line
     * @throws IOException when a read fails
     */
    public static String readLine(Transport t) throws IOException {
        return new String(readUntil(t, "\r\n", 1), StandardCharsets.US_ASCII);
    }

    private static boolean endsWith(ByteArrayOutputStream out, byte[] end) {
        if (out.size() < end.length) {
            return false;
        }
        byte[] all = out.toByteArray();
        return Arrays.equals(all, all.length - end.length, all.length, end, 0, end.length);
    }

    /**
     * Sends CONNECT and PING and waits for the PONG, proving the stream works both ways; call after
     * INFO (and any TLS upgrade).
     *
     * @param t the transport
     * @throws IOException when the transport fails
     */
    public static void connectAndPing(Transport t) throws IOException {
        write(t, "CONNECT {\"verbose\":false,\"pedantic\":false,\"protocol\":1}\r\nPING\r\n");
        String reply = new String(readUntil(t, "PONG\r\n", 4096), StandardCharsets.US_ASCII);
        if (reply.startsWith("-ERR")) {
            fail("server answered " + reply.trim());
        }
    }

    /**
     * A payload whose bytes depend on their position, so a lost or shifted byte is caught.
     *
     * @param size the length
     * @return the bytes
     */
    public static byte[] pattern(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + (i >>> 8));
        }
        return b;
    }

    /**
     * Waits for a condition, failing the test after {@code timeout}; polls, never sleeps blindly.
     *
     * @param what the condition, for the failure message
     * @param timeout the longest wait
     * @param condition the condition
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting for " + what);
            }
            LockSupport.parkNanos(2_000_000); // poll interval, not a wait for the condition itself
        }
    }

    /**
     * Whether the thread is parked or inside a native call (a socket or selector wait).
     *
     * @param thread the thread
     * @return true when it waits
     */
    public static boolean isBlocked(Thread thread) {
        Thread.State s = thread.getState();
        if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED) {
            return true;
        }
        StackTraceElement[] stack = thread.getStackTrace();
        return stack.length > 0 && stack[0].isNativeMethod();
    }
}
