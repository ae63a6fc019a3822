package io.nats4j.transport.ws;

import static io.nats4j.testing.transport.TransportTestSupport.pattern;
import static io.nats4j.transport.ws.WsScript.BINARY;
import static io.nats4j.transport.ws.WsScript.CLOSE;
import static io.nats4j.transport.ws.WsScript.CONT;
import static io.nats4j.transport.ws.WsScript.FIN;
import static io.nats4j.transport.ws.WsScript.PING;
import static io.nats4j.transport.ws.WsScript.PONG;
import static io.nats4j.transport.ws.WsScript.ascii;
import static io.nats4j.transport.ws.WsScript.concat;
import static io.nats4j.transport.ws.WsScript.frame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.transport.TransportTestSupport;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frame edge cases against a scripted server that writes exact bytes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WsFramesTest {

    private final WsTransportProvider provider = new WsTransportProvider();

    private Transport open(FakeServer fake) throws IOException {
        return provider.open(NatsUri.parse("ws://127.0.0.1:" + fake.port() + "/"), TransportTestSupport.plain());
    }

    /** Reads exactly n bytes with reads of at most {@code chunk} bytes. */
    static byte[] readN(Transport t, int n, int chunk) throws IOException {
        byte[] out = new byte[n];
        ByteBuffer buf = ByteBuffer.allocate(chunk);
        int got = 0;
        while (got < n) {
            buf.clear().limit(Math.min(chunk, n - got));
            int r = t.read(buf);
            assertTrue(r > 0, "read returned " + r + " after " + got + " of " + n + " bytes");
            System.arraycopy(buf.array(), 0, out, got, r);
            got += r;
        }
        return out;
    }

    @Test
    void serverFramesOfEverySizeBoundary() throws Exception {
        int[] sizes = {0, 1, 125, 126, 127, 65535, 65536, 100_000};
        try (FakeServer fake = FakeServer.start(c -> {
            WsScript.accept(c, "");
            for (int size : sizes) {
                c.write(frame(FIN | BINARY, pattern(size)));
            }
            c.drainUntilClosed(java.time.Duration.ofSeconds(20));
        }); Transport t = open(fake)) {
            for (int size : sizes) {
                assertArrayEquals(pattern(size), readN(t, size, 70_000), "frame of " + size + " bytes");
            }
            assertTrue(fake.errors().isEmpty(), fake.errors().toString());
        }
    }

    @Test
    void clientFramesAreMaskedWithAFreshKeyAndTheShortestLength() throws Exception {
        int[] sizes = {1, 125, 126, 65535, 65536};
        BlockingQueue<WsScript.Frame> frames = new ArrayBlockingQueue<>(sizes.length);
        try (FakeServer fake = FakeServer.start(c -> {
            WsScript.accept(c, "");
            for (int i = 0; i < sizes.length; i++) {
                frames.add(WsScript.readFrame(c));
            }
        }); Transport t = open(fake)) {
            Set<String> keys = new HashSet<>();
            for (int size : sizes) {
                ByteBuffer b = ByteBuffer.wrap(pattern(size));
                t.write(b);
                assertEquals(0, b.remaining());
                WsScript.Frame f = frames.poll(10, TimeUnit.SECONDS);
                assertEquals(FIN | BINARY, f.b0(), "FIN + binary, no reserved bit");
                assertTrue(f.masked(), "client frames must be masked");
                assertEquals(size < 126 ? 0 : size <= 65535 ? 2 : 8, f.lengthBytes(), "length encoding of " + size);
                assertArrayEquals(pattern(size), f.payload());
                keys.add(Arrays.toString(f.maskKey()));
            }
            assertEquals(sizes.length, keys.size(), "a fresh mask key per frame");
        }
    }

    @Test
    void framesSplitAtEveryOffsetAndMerged() throws Exception {
        byte[] stream = concat(
                frame(FIN | BINARY, ascii("MSG a 1 3\r\n")),
                frame(BINARY, ascii("ab")), // first fragment
                frame(FIN | PING, ascii("p")),
                frame(FIN | CONT, ascii("c\r\n")),
                frame(FIN | BINARY, pattern(300)));
        byte[] expected = concat(ascii("MSG a 1 3\r\nabc\r\n"), pattern(300));
        try (FakeServer fake = FakeServer.start(c -> {
            c.socket().setTcpNoDelay(true);
            WsScript.accept(c, "");
            for (int k = 0; k <= stream.length; k++) {
                c.write(Arrays.copyOfRange(stream, 0, k));
                c.write(Arrays.copyOfRange(stream, k, stream.length));
            }
            c.write(concat(stream, stream, stream)); // merged
            c.drainUntilClosed(java.time.Duration.ofSeconds(20));
        }); Transport t = open(fake)) {
            for (int k = 0; k <= stream.length + 2; k++) {
                assertArrayEquals(expected, readN(t, expected.length, k % 2 == 0 ? 1 : 4096), "split at " + k);
            }
            assertTrue(fake.errors().isEmpty(), fake.errors().toString());
        }
    }

    @Test
    void controlFramesBetweenFragmentsAreAnswered() throws Exception {
        BlockingQueue<WsScript.Frame> replies = new ArrayBlockingQueue<>(1);
        try (FakeServer fake = FakeServer.start(c -> {
            WsScript.accept(c, "");
            c.write(concat(frame(BINARY, ascii("he")), frame(FIN | PING, ascii("p1")), frame(CONT, ascii("ll")),
                    frame(FIN | PONG, ascii("x")), frame(FIN | CONT, ascii("o\r\n"))));
            replies.add(WsScript.readFrame(c));
        }); Transport t = open(fake)) {
            assertArrayEquals(ascii("hello\r\n"), readN(t, 7, 64));
            WsScript.Frame pong = replies.poll(10, TimeUnit.SECONDS);
            assertEquals(FIN | PONG, pong.b0());
            assertTrue(pong.masked());
            assertArrayEquals(ascii("p1"), pong.payload(), "a pong echoes the ping's payload");
        }
    }

    @Test
    void serverCloseFrameEndsTheTransportWithCodeAndReason() throws Exception {
        BlockingQueue<WsScript.Frame> replies = new ArrayBlockingQueue<>(1);
        try (FakeServer fake = FakeServer.start(c -> {
            WsScript.accept(c, "");
            c.write(frame(FIN | CLOSE, concat(new byte[] {0x03, (byte) 0xE9}, ascii("Server Shutdown"))));
            replies.add(WsScript.readFrame(c));
        }); Transport t = open(fake)) {
            WebSocketClosedException e = assertThrows(WebSocketClosedException.class, () -> t.read(ByteBuffer.allocate(64)));
            assertEquals(1001, e.code());
            assertEquals("Server Shutdown", e.reason());
            assertTrue(e.getMessage().contains("127.0.0.1:" + fake.port()) && e.getMessage().contains("1001 (going away)"),
                    e.getMessage());
            WebSocketClosedException again = assertThrows(WebSocketClosedException.class, () -> t.read(ByteBuffer.allocate(64)));
            assertEquals(1001, again.code());
            WsScript.Frame reply = replies.poll(10, TimeUnit.SECONDS);
            assertEquals(FIN | CLOSE, reply.b0());
            assertArrayEquals(new byte[] {0x03, (byte) 0xE9}, reply.payload(), "the close code is echoed");
        }
    }

    @Test
    void maskedServerFrameIsRefused() throws Exception {
        BlockingQueue<WsScript.Frame> replies = new ArrayBlockingQueue<>(1);
        try (FakeServer fake = FakeServer.start(c -> {
            WsScript.accept(c, "");
            c.write(frame(FIN | BINARY, ascii("INFO {}\r\n"), new byte[] {1, 2, 3, 4}));
            replies.add(WsScript.readFrame(c));
        }); Transport t = open(fake)) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> t.read(ByteBuffer.allocate(64)));
            assertTrue(e.getMessage().contains("masked") && e.getMessage().contains(":" + fake.port()), e.getMessage());
            WsScript.Frame reply = replies.poll(10, TimeUnit.SECONDS);
            assertArrayEquals(new byte[] {0x03, (byte) 0xEA}, reply.payload(), "close 1002 (protocol error)");
        }
    }

    /** Frames a server must not send; each fails the read with a protocol error naming the rule. */
    @ParameterizedTest
    @ValueSource(strings = {"continuation", "rsv2", "longControl", "fragmentedPing", "deflateNotAgreed",
        "messageInMessage", "unknownOpcode", "oneByteClose"})
    void ruleViolationsFailTheRead(String which) throws Exception {
        byte[] bad = switch (which) {
            case "continuation" -> frame(FIN | CONT, ascii("x"));
            case "rsv2" -> frame(FIN | 0x20 | BINARY, ascii("x"));
            case "longControl" -> frame(FIN | PING, new byte[126]);
            case "fragmentedPing" -> frame(PING, ascii("x"));
            case "deflateNotAgreed" -> frame(FIN | 0x40 | BINARY, ascii("x"));
            case "messageInMessage" -> concat(frame(BINARY, ascii("a")), frame(FIN | BINARY, ascii("b")));
            case "unknownOpcode" -> frame(FIN | 0x3, ascii("x"));
            default -> frame(FIN | CLOSE, new byte[] {3});
        };
        try (FakeServer fake = FakeServer.start(c -> {
            WsScript.accept(c, "");
            c.write(bad);
            c.drainUntilClosed(java.time.Duration.ofSeconds(10));
        }); Transport t = open(fake)) {
            ByteBuffer buf = ByteBuffer.allocate(64);
            ProtocolException e = assertThrows(ProtocolException.class, () -> {
                for (int i = 0; i < 10; i++) {
                    buf.clear();
                    t.read(buf); // "messageInMessage" delivers its first fragment first
                }
            });
            assertTrue(e.getMessage().startsWith("WebSocket protocol error: ws://127.0.0.1:" + fake.port()), e.getMessage());
        }
    }

    @Test
    void endOfStreamInsideAFrameIsAnError() throws Exception {
        try (FakeServer fake = FakeServer.start(c -> {
            WsScript.accept(c, "");
            c.write(Arrays.copyOf(frame(FIN | BINARY, ascii("0123456789")), 5));
        }); Transport t = open(fake)) {
            ByteBuffer buf = ByteBuffer.allocate(64);
            assertEquals(3, t.read(buf));
            assertThrows(EOFException.class, () -> t.read(buf));
        }
    }

    @Test
    void endOfStreamBetweenMessagesReadsAsEnd() throws Exception {
        try (FakeServer fake = FakeServer.start(c -> {
            WsScript.accept(c, "");
            c.write(frame(FIN | BINARY, ascii("PING\r\n")));
        }); Transport t = open(fake)) {
            assertArrayEquals(ascii("PING\r\n"), readN(t, 6, 64));
            assertEquals(-1, t.read(ByteBuffer.allocate(64)));
        }
    }
}
