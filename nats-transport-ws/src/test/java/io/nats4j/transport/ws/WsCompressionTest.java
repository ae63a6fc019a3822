package io.nats4j.transport.ws;

import static io.nats4j.transport.ws.WsFramesTest.readN;
import static io.nats4j.transport.ws.WsScript.BINARY;
import static io.nats4j.transport.ws.WsScript.CONT;
import static io.nats4j.transport.ws.WsScript.FIN;
import static io.nats4j.transport.ws.WsScript.PING;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** permessage-deflate (RFC 7692) against a scripted server that compresses byte for byte as the RFC says. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WsCompressionTest {

    private static final String AGREED = "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover;"
            + " client_no_context_takeover\r\n";
    private final WsTransportProvider provider = new WsTransportProvider();

    private Transport open(FakeServer fake, boolean compression) throws IOException {
        return provider.open(NatsUri.parse("ws://127.0.0.1:" + fake.port()),
                TransportTestSupport.plain(WsOptions.builder().compression(compression).build()));
    }

    static byte[] text(int size) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < size; i++) {
            sb.append("MSG orders.").append(i % 7).append(" 1 12\r\n{\"qty\":").append(i % 100).append("}\r\n");
        }
        return ascii(sb.substring(0, size));
    }

    /** Deflates one message with a sync flush and drops the 00 00 ff ff tail (RFC 7692 7.2.1). */
    static byte[] deflate(Deflater d, byte[] data) {
        d.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length);
        byte[] all = out.toByteArray();
        return Arrays.copyOf(all, all.length - 4);
    }

    static byte[] inflate(byte[] compressed) throws Exception {
        Inflater inf = new Inflater(true);
        inf.setInput(concat(compressed, new byte[] {0, 0, (byte) 0xff, (byte) 0xff}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = inf.inflate(buf)) > 0) {
            out.write(buf, 0, n);
        }
        inf.end();
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void compressedMessagesFragmentedWithControlFramesBetween(boolean serverNoContextTakeover) throws Exception {
        byte[] big = text(200_000);
        byte[] small = ascii("PING\r\n");
        byte[] second = text(5000);
        try (FakeServer fake = FakeServer.start(c -> {
            WsScript.accept(c, serverNoContextTakeover ? AGREED
                    : "Sec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover\r\n");
            Deflater d = new Deflater(Deflater.BEST_SPEED, true);
            byte[] z = deflate(d, big);
            int a = z.length / 3;
            int b = 2 * z.length / 3;
            c.write(concat(frame(0x40 | BINARY, Arrays.copyOfRange(z, 0, a)), frame(FIN | PING, ascii("k")),
                    frame(CONT, Arrays.copyOfRange(z, a, b)), frame(FIN | CONT, Arrays.copyOfRange(z, b, z.length))));
            c.write(frame(FIN | BINARY, small)); // uncompressed message while deflate is agreed
            if (serverNoContextTakeover) {
                d.reset();
            }
            c.write(frame(FIN | 0x40 | BINARY, deflate(d, second))); // with takeover: refers back to the first
            c.drainUntilClosed(java.time.Duration.ofSeconds(20));
        }); Transport t = open(fake, true)) {
            assertArrayEquals(big, readN(t, big.length, 16 * 1024));
            assertArrayEquals(small, readN(t, small.length, 1));
            assertArrayEquals(second, readN(t, second.length, 100_000));
            assertTrue(fake.errors().isEmpty(), fake.errors().toString());
        }
    }

    @Test
    void clientCompressesMessagesWorthItAndMasksThem() throws Exception {
        BlockingQueue<WsScript.Frame> frames = new ArrayBlockingQueue<>(3);
        BlockingQueue<List<String>> requests = new ArrayBlockingQueue<>(1);
        try (FakeServer fake = FakeServer.start(c -> {
            requests.add(WsScript.accept(c, AGREED));
            for (int i = 0; i < 3; i++) {
                frames.add(WsScript.readFrame(c));
            }
        }); Transport t = open(fake, true)) {
            assertEquals("permessage-deflate; client_no_context_takeover; server_no_context_takeover",
                    WsScript.header(requests.poll(10, TimeUnit.SECONDS), "Sec-WebSocket-Extensions"));
            byte[] big = text(100_000);
            byte[] half = Arrays.copyOfRange(big, 0, 50_000);
            t.write(ByteBuffer.wrap(half), ByteBuffer.wrap(big, 50_000, 50_000));
            t.write(ByteBuffer.wrap(ascii("PING\r\n")));
            t.write(ByteBuffer.wrap(big));
            for (int i = 0; i < 3; i++) {
                WsScript.Frame f = frames.poll(10, TimeUnit.SECONDS);
                assertTrue(f.masked());
                if (i == 1) {
                    assertEquals(FIN | BINARY, f.b0(), "a 6-byte message is not worth compressing");
                    assertArrayEquals(ascii("PING\r\n"), f.payload());
                } else {
                    assertEquals(FIN | 0x40 | BINARY, f.b0(), "RSV1 marks the compressed message");
                    assertTrue(f.payload().length < big.length / 4, "compressed to " + f.payload().length);
                    assertArrayEquals(big, inflate(f.payload()), "each message inflates on its own");
                }
            }
        }
    }

    @Test
    void incompressibleMessagesGoOutPlain() throws Exception {
        BlockingQueue<WsScript.Frame> frames = new ArrayBlockingQueue<>(1);
        try (FakeServer fake = FakeServer.start(c -> {
            WsScript.accept(c, AGREED);
            frames.add(WsScript.readFrame(c));
        }); Transport t = open(fake, true)) {
            byte[] random = new byte[4096];
            new java.util.Random(3).nextBytes(random);
            ByteBuffer a = ByteBuffer.wrap(random, 0, 1000);
            ByteBuffer b = ByteBuffer.wrap(random, 1000, 3096);
            t.write(a, b);
            assertEquals(0, a.remaining() + b.remaining());
            WsScript.Frame f = frames.poll(10, TimeUnit.SECONDS);
            assertEquals(FIN | BINARY, f.b0(), "deflate would have grown it: sent without RSV1");
            assertArrayEquals(random, f.payload());
        }
    }

    @Test
    void anExtensionThatWasNotOfferedFailsTheConnect() throws Exception {
        try (FakeServer fake = FakeServer.start(c -> WsScript.accept(c, AGREED))) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> open(fake, false));
            assertTrue(e.getMessage().contains("permessage-deflate") && e.getMessage().contains("not offered"),
                    e.getMessage());
        }
        try (FakeServer fake = FakeServer.start(c -> WsScript.accept(c,
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=10\r\n"))) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> open(fake, true));
            assertTrue(e.getMessage().contains("client_max_window_bits"), e.getMessage());
        }
    }

    @Test
    void aServerThatDeclinesCompressionGetsPlainFrames() throws Exception {
        BlockingQueue<WsScript.Frame> frames = new ArrayBlockingQueue<>(1);
        try (FakeServer fake = FakeServer.start(c -> {
            WsScript.accept(c, "");
            frames.add(WsScript.readFrame(c));
        }); Transport t = open(fake, true)) {
            byte[] big = text(10_000);
            t.write(ByteBuffer.wrap(big));
            WsScript.Frame f = frames.poll(10, TimeUnit.SECONDS);
            assertEquals(FIN | BINARY, f.b0());
            assertArrayEquals(big, f.payload());
        }
    }
}
