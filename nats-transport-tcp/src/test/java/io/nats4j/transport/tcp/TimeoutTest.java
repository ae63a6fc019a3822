package io.nats4j.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.protocol.spi.TransportOptions;
import io.nats4j.testing.transport.TransportTestSupport;
import io.nats4j.testing.FakeServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connect, handshake and input checks: everything fails in bounded time with a clear message. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TimeoutTest {

    private final TcpTransportProvider provider = new TcpTransportProvider();

    private static TransportOptions shortTimeouts() {
        return TransportTestSupport.withTimeouts(TransportTestSupport.plain(), Duration.ofMillis(500),
                Duration.ofSeconds(1));
    }

    @Test
    void silentServerOpensButUpgradeTimesOut() throws IOException {
        try (FakeServer fake = FakeServer.start(conn -> conn.drainUntilClosed(Duration.ofSeconds(20)))) {
            try (Transport t = provider.open(NatsUri.parse(fake.url()), shortTimeouts())) {
                assertFalse(t.isSecure());
                SSLHandshakeException e = assertThrows(SSLHandshakeException.class, t::upgradeToTls);
                assertTrue(e.getMessage().contains("did not complete within the connect timeout"), e.getMessage());
                assertTrue(e.getMessage().contains("127.0.0.1:" + fake.port()), e.getMessage());
            }
        }
    }

    @Test
    void silentTlsFirstServerTimesOutInOpen() {
        // no SSLContext in the options: the JDK default context is used
        try (FakeServer fake = FakeServer.start(conn -> conn.drainUntilClosed(Duration.ofSeconds(20)))) {
            TransportOptions o = TransportTestSupport.handshakeFirst(shortTimeouts());
            SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                    () -> provider.open(NatsUri.parse(fake.url()), o));
            assertTrue(e.getMessage().contains("connect timeout"), e.getMessage());
        }
    }

    @Test
    void closedPortFailsFast() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ConnectException e = assertThrows(ConnectException.class,
                () -> provider.open(NatsUri.parse("nats://127.0.0.1:" + port), shortTimeouts()));
        assertTrue(e.getMessage().contains("nats://127.0.0.1:" + port), e.getMessage());
        // a name: resolved (on a helper thread) to every loopback address, each tried
        IOException byName = assertThrows(IOException.class,
                () -> provider.open(NatsUri.parse("nats://localhost:" + port), shortTimeouts()));
        assertTrue(byName.getMessage().contains("nats://localhost:" + port), byName.getMessage());
    }

    @Test
    void unknownHostFails() {
        IOException e = assertThrows(IOException.class,
                () -> provider.open(NatsUri.parse("nats://no-such-host.invalid:4222"), shortTimeouts()));
        assertTrue(e.getMessage().contains("no-such-host.invalid"), e.getMessage());
    }

    @Test
    void connectToFullBacklogIsBounded() throws IOException {
        List<SocketChannel> fillers = new ArrayList<>();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
            for (int i = 0; i < 8; i++) { // never accepted: fills the accept queue
                SocketChannel c = SocketChannel.open();
                c.configureBlocking(false);
                c.connect(addr);
                fillers.add(c);
            }
            NatsUri uri = NatsUri.parse("nats://127.0.0.1:" + s.getLocalPort());
            Transport t;
            try {
                t = provider.open(uri, shortTimeouts());
            } catch (SocketTimeoutException expected) {
                assertTrue(expected.getMessage().contains("connect timeout"), expected.getMessage());
                assertTrue(expected.getMessage().contains(":" + s.getLocalPort()), expected.getMessage());
                return;
            }
            t.close();
            Assumptions.abort("this kernel accepted a connection beyond the backlog; not reproducible here");
        } finally {
            for (SocketChannel c : fillers) {
                c.close();
            }
        }
    }

    @Test
    void rejectsOtherSchemesAndEmptyBuffers() throws IOException {
        assertThrows(NatsIllegalArgumentException.class,
                () -> provider.open(NatsUri.parse("ws://127.0.0.1:80"), shortTimeouts()));
        try (FakeServer fake = FakeServer.start(conn -> {
            conn.writeInfo();
            conn.drainUntilClosed(Duration.ofSeconds(20));
        }); Transport t = provider.open(NatsUri.parse(fake.url()), shortTimeouts())) {
            assertThrows(NatsIllegalArgumentException.class, () -> t.read(java.nio.ByteBuffer.allocate(0)));
            t.write(); // nothing to write: returns
        }
    }
}
