package io.nats4j.testing.transport;

import static io.nats4j.testing.transport.TransportTestSupport.await;
import static io.nats4j.testing.transport.TransportTestSupport.connectAndPing;
import static io.nats4j.testing.transport.TransportTestSupport.isBlocked;
import static io.nats4j.testing.transport.TransportTestSupport.pattern;
import static io.nats4j.testing.transport.TransportTestSupport.readLine;
import static io.nats4j.testing.transport.TransportTestSupport.readUntil;
import static io.nats4j.testing.transport.TransportTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.nats4j.protocol.spi.Transport;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.NatsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link Transport} must keep, as JUnit 5 tests run against a real
 * {@code nats-server} (and a scripted {@link FakeServer} for a peer reset and a peer that stops
 * reading): connect and talk, reads of any size down to one byte, a 1 MiB gathering write, direct
 * buffers, reader and writer threads at once, {@code close()} unblocking a reader, the server going
 * away, a reset, and the write deadline.
 *
 * <p>nats4j runs it for {@code nats://}, {@code tls://}, {@code ws://}, {@code wss://} and
 * compressed {@code ws://}. A third-party transport runs it by subclassing it in its own tests (with
 * {@code nats-testing} and JUnit Jupiter on the test path), saying how to start a server its
 * transport reaches, how to open a transport, and what to do after the server's INFO:
 *
 * <pre>{@code
 * class MyTransportTest extends AbstractTransportSuite {
 *     private final MyTransportProvider provider = new MyTransportProvider();
 *     protected NatsServer startServer() { return NatsServer.start(); }
 *     protected Transport open(NatsServer server) throws IOException {
 *         return provider.open(NatsUri.parse(server.url()), TransportTestSupport.plain());
 *     }
 *     protected boolean secure() { return false; }
 *     protected FakeServer startFake(FakeServer.Script script) { return FakeServer.start(script); }
 *     protected Transport openFake(FakeServer fake, Duration writeTimeout, boolean smallBuffers)
 *             throws IOException {
 *         return provider.open(NatsUri.parse(fake.url()), TransportTestSupport.withTimeouts(
 *                 TransportTestSupport.plain(), Duration.ofSeconds(5), writeTimeout));
 *     }
 * }
 * }</pre>
 *
 * <p>One shared server serves most tests (started once per class: the suite has {@code PER_CLASS}
 * lifecycle); each test has a 30 s timeout. Pitfalls: on the module path the subclass's package must
 * be open to {@code org.junit.platform.commons}, as for any JUnit test, and this module needs
 * {@code io.nats4j.protocol} in the module graph (it reads it {@code static}), which a transport
 * brings anyway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class AbstractTransportSuite {

    private NatsServer shared;

    /** For subclasses. */
    protected AbstractTransportSuite() {
    }

    /**
     * Starts a server this transport can reach; called once for the shared server and again by the
     * tests that need a server of their own.
     *
     * @return the running server
     */
    protected abstract NatsServer startServer();

    /**
     * Opens a transport to {@code server}, before any byte is read.
     *
     * @param server a server from {@link #startServer()}
     * @return the open transport
     * @throws IOException when it cannot be opened
     */
    protected abstract Transport open(NatsServer server) throws IOException;

    /**
     * The port the transport connects to on {@code server}; by default the client port.
     *
     * @param server a server from {@link #startServer()}
     * @return the port {@link Transport#remoteAddress()} must show
     */
    protected int port(NatsServer server) {
        return server.port();
    }

    /**
     * Called once the INFO line has been read (a TLS upgrade for TLS-after-INFO transports); by
     * default nothing.
     *
     * @param transport the transport
     * @throws IOException when the step fails
     */
    protected void afterInfo(Transport transport) throws IOException {
    }

    /**
     * Whether the transport should be secure once {@link #afterInfo} returned.
     *
     * @return true for TLS
     */
    protected abstract boolean secure();

    /**
     * Starts a scripted fake server speaking this transport's framing (TLS first for TLS, the
     * WebSocket upgrade first for WebSocket), for example {@link FakeServer#start}.
     *
     * @param script the fake's behaviour
     * @return the running fake
     */
    protected abstract FakeServer startFake(FakeServer.Script script);

    /**
     * Opens a transport to a fake server from {@link #startFake}.
     *
     * @param fake the fake
     * @param writeTimeout the write deadline to use
     * @param smallBuffers the test is about to fill the socket: a transport that can shrink its
     *     socket buffers should, so the test fills them sooner (optional)
     * @return the open transport
     * @throws IOException when it cannot be opened
     */
    protected abstract Transport openFake(FakeServer fake, Duration writeTimeout, boolean smallBuffers)
            throws IOException;

    /** Starts the shared server. */
    @BeforeAll
    public void startShared() {
        shared = startServer();
    }

    /** Stops the shared server. */
    @AfterAll
    public void stopShared() {

        if (shared != null) {
            shared.close();
        }
    }

    /** Opens to the shared server and goes past INFO and CONNECT/PING/PONG. */
    private Transport ready() throws IOException {
        Transport t = open(shared);
        try {
            readLine(t);
            afterInfo(t);
            connectAndPing(t);
            return t;
        } catch (IOException | RuntimeException | Error e) {
            t.close();
            throw e;
        }
    }

    /**
     * INFO arrives whole, the stream works both ways, {@link Transport#isSecure()} and the peer address are right.
     *
     * @throws Exception when the transport fails
     */
    @Test
    public void readsInfoAndTalks() throws Exception {
        try (Transport t = open(shared)) {
            String info = readLine(t);
            assertTrue(info.startsWith("INFO {"), info);
            assertTrue(info.endsWith("\r\n") && info.trim().endsWith("}"), info);
            afterInfo(t);
            assertEquals(secure(), t.isSecure());
            assertEquals(port(shared), t.remoteAddress().getPort());
            assertTrue(t.remoteAddress().getAddress().isLoopbackAddress());
            connectAndPing(t);
            connectAndPing(t);
        }
    }

    /**
     * Every byte can be read with a one-byte buffer, the INFO and a 5000-byte message included.
     *
     * @throws Exception when the transport fails
     */
    @Test
    public void partialReadsOneByteAtATime() throws Exception {
        try (Transport t = open(shared)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ByteArrayOutputStream info = new ByteArrayOutputStream();
            while (info.size() < 2 || !info.toString(StandardCharsets.US_ASCII).endsWith("\r\n")) {
                one.clear();
                assertEquals(1, t.read(one));
                info.write(one.get(0));
            }
            assertTrue(info.toString(StandardCharsets.US_ASCII).startsWith("INFO {"));
            afterInfo(t);

            byte[] payload = pattern(5000); // several TLS records
            write(t, "CONNECT {\"verbose\":false}\r\nSUB p 1\r\nPUB p " + payload.length + "\r\n");
            t.write(ByteBuffer.wrap(payload), ByteBuffer.wrap("\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII)));

            byte[] header = "MSG p 1 5000\r\n".getBytes(StandardCharsets.US_ASCII);
            byte[] trailer = "\r\nPONG\r\n".getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.writeBytes(header);
            expected.writeBytes(payload);
            expected.writeBytes(trailer);
            byte[] want = expected.toByteArray();
            byte[] got = new byte[want.length];
            for (int i = 0; i < got.length; i++) {
                one.clear();
                assertEquals(1, t.read(one), "read #" + i);
                got[i] = one.get(0);
            }
            assertArrayEquals(want, got);
        }
    }

    /**
     * A 1 MiB publish written as three buffers in one call comes back whole.
     *
     * @throws Exception when the transport fails
     */
    @Test
    public void bigGatheringWriteAndBigRead() throws Exception {
        try (Transport t = ready()) {
            int size = 1024 * 1024; // the server's default max_payload
            byte[] payload = pattern(size);
            write(t, "SUB big 1\r\n");
            ByteBuffer head = ByteBuffer.wrap(("PUB big " + size + "\r\n").getBytes(StandardCharsets.US_ASCII));
            ByteBuffer body = ByteBuffer.wrap(payload);
            ByteBuffer tail = ByteBuffer.wrap("\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            t.write(head, body, tail);
            assertFalse(head.hasRemaining() || body.hasRemaining() || tail.hasRemaining());

            byte[] got = readUntil(t, "PONG\r\n", 64 * 1024);
            String header = "MSG big 1 " + size + "\r\n";
            String text = new String(got, 0, header.length(), StandardCharsets.US_ASCII);
            assertEquals(header, text);
            assertEquals(header.length() + size + "\r\nPONG\r\n".length(), got.length);
            assertArrayEquals(payload, Arrays.copyOfRange(got, header.length(), header.length() + size));
        }
    }

    /**
     * Reads honour a direct buffer's position.
     *
     * @throws Exception when the transport fails
     */
    @Test
    public void readIntoDirectBufferAndAtOffset() throws Exception {
        try (Transport t = ready()) {
            write(t, "PING\r\n");
            ByteBuffer direct = ByteBuffer.allocateDirect(64);
            direct.position(10);
            int n = t.read(direct);
            assertEquals(6, n);
            byte[] pong = new byte[6];
            direct.flip().position(10);
            direct.get(pong);
            assertEquals("PONG\r\n", new String(pong, StandardCharsets.US_ASCII));
        }
    }

    /**
     * One thread reads while another writes, with both directions busy.
     *
     * @throws Exception when the transport fails
     */
    @Test
    public void readerAndWriterThreadsRunConcurrently() throws Exception {
        try (Transport t = ready()) {
            write(t, "SUB echo 1\r\nPING\r\n");
            readUntil(t, "PONG\r\n", 1024);
            int count = 2000;
            byte[] payload = pattern(1000);
            String header = "MSG echo 1 " + payload.length + "\r\n";
            int perMessage = header.length() + payload.length + 2;
            long expected = (long) count * perMessage + "PONG\r\n".length();
            AtomicReference<Throwable> readerFailure = new AtomicReference<>();
            AtomicReference<Long> received = new AtomicReference<>(0L);
            Thread reader = new Thread(() -> {
                ByteBuffer buf = ByteBuffer.allocate(32 * 1024);
                long total = 0;
                try {
                    while (total < expected) {
                        buf.clear();
                        int n = t.read(buf);
                        if (n < 0) {
                            break;
                        }
                        total += n;
                    }
                } catch (Throwable e) {
                    readerFailure.set(e);
                }
                received.set(total);
            }, "suite-concurrent-reader");
            reader.start();
            // the server echoes while we are still writing: both directions are busy at once
            ByteBuffer head = ByteBuffer.wrap(("PUB echo " + payload.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            ByteBuffer body = ByteBuffer.wrap(payload);
            ByteBuffer crlf = ByteBuffer.wrap("\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < count; i++) {
                head.rewind();
                body.rewind();
                crlf.rewind();
                t.write(head, body, crlf);
            }
            write(t, "PING\r\n");
            reader.join(20_000);
            assertFalse(reader.isAlive(), "reader did not get everything");
            assertEquals(null, readerFailure.get());
            assertEquals(expected, received.get());
        }
    }

    /**
     * {@link Transport#close()} unblocks a blocked reader, is idempotent, and later I/O fails.
     *
     * @throws Exception when the transport fails
     */
    @Test
    public void closeFromOurSideUnblocksReader() throws Exception {
        Transport t = ready();
        AtomicReference<Object> outcome = new AtomicReference<>();
        CountDownLatch reading = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            reading.countDown();
            try {
                outcome.set(t.read(ByteBuffer.allocate(1024)));
            } catch (IOException e) {
                outcome.set(e);
            }
        }, "suite-reader");
        reader.start();
        assertTrue(reading.await(5, TimeUnit.SECONDS));
        await("reader blocked in read", Duration.ofSeconds(5), () -> isBlocked(reader));

        t.close();
        reader.join(5_000);
        assertFalse(reader.isAlive(), "close() did not unblock the reader");
        Object o = outcome.get();
        assertTrue(o instanceof IOException || Integer.valueOf(-1).equals(o), "got " + o);

        t.close(); // idempotent, never throws
        assertThrows(IOException.class, () -> write(t, "PING\r\n"));
        assertThrows(IOException.class, () -> t.read(ByteBuffer.allocate(16)));
    }

    /**
     * A server that dies ends reads with -1 or an exception.
     *
     * @throws Exception when the transport fails
     */
    @Test
    public void closeFromServerSideEndsReads() throws Exception {
        try (NatsServer own = startServer()) {
            try (Transport t = open(own)) {
                readLine(t);
                afterInfo(t);
                connectAndPing(t);
                own.kill();
                assertTrue(readsToEnd(t), "read neither returned -1 nor threw");
            }
        }
    }

    /**
     * A reset connection ends reads and fails writes with a message naming the port.
     *
     * @throws Exception when the transport fails
     */
    @Test
    public void peerResetEndsReadsAndFailsWrites() throws Exception {
        CountDownLatch pinged = new CountDownLatch(1);
        try (FakeServer fake = startFake(conn -> {
            conn.writeInfo();
            conn.readLineStartingWith("PING");
            pinged.countDown();
            conn.socket().setSoLinger(true, 0); // close with RST
            conn.close();
        })) {
            try (Transport t = openFake(fake, Duration.ofSeconds(5), false)) {
                assertTrue(readLine(t).startsWith("INFO "));
                write(t, "PING\r\n");
                assertTrue(readsToEnd(t));
                IOException failed = null;
                for (int i = 0; i < 1000 && failed == null; i++) {
                    try {
                        write(t, "PING\r\n");
                    } catch (IOException e) {
                        failed = e;
                    }
                }
                assertTrue(failed != null, "writes kept succeeding after a reset");
                assertTrue(failed.getMessage().contains(":" + fake.port()), failed.getMessage());
            }
        }
    }

    /**
     * A write into a peer that reads nothing fails at the write deadline and closes the transport.
     *
     * @throws Exception when the transport fails
     */
    @Test
    public void writeToPeerThatNeverReadsHitsDeadline() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeServer fake = startFake(conn -> {
            conn.writeInfo();
            release.await(30, TimeUnit.SECONDS); // never reads
        })) {
            try (Transport t = openFake(fake, Duration.ofMillis(300), true)) {
                readLine(t);
                ByteBuffer chunk = ByteBuffer.allocate(1024 * 1024);
                IOException failed = null;
                for (int i = 0; i < 256 && failed == null; i++) { // far more than any socket buffers
                    chunk.clear();
                    try {
                        t.write(chunk);
                    } catch (IOException e) {
                        failed = e;
                    }
                }
                assertTrue(failed != null, "256 MiB went into a peer that reads nothing");
                assertTrue(failed.getMessage().contains("stalled"), failed.getMessage());
                assertThrows(IOException.class, () -> write(t, "PING\r\n"), "the transport must be closed after a stalled write");
            } finally {
                release.countDown();
            }
        }
    }

    /** Reads until -1 or an exception; true if one of them happened. */
    private static boolean readsToEnd(Transport t) {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        try {
            for (int i = 0; i < 10_000; i++) {
                buf.clear();
                if (t.read(buf) < 0) {
                    return true;
                }
            }
            fail("data kept coming");
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
