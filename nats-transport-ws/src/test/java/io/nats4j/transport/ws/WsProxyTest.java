package io.nats4j.transport.ws;

import static io.nats4j.testing.transport.TransportTestSupport.connectAndPing;
import static io.nats4j.testing.transport.TransportTestSupport.readLine;
import static io.nats4j.testing.transport.TransportTestSupport.readUntil;
import static io.nats4j.testing.transport.TransportTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.TestCertificates;
import io.nats4j.testing.transport.TransportTestSupport;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ws:// and wss:// through an HTTP CONNECT proxy, and compression measured on the proxy's wire. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WsProxyTest {

    private final WsTransportProvider provider = new WsTransportProvider();

    @Test
    void wsThroughAProxy() throws Exception {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().websocket(false).build());
                TestProxy proxy = new TestProxy(null)) {
            List<URI> asked = new CopyOnWriteArrayList<>();
            ProxySelector recording = new ProxySelector() {
                @Override
                public List<Proxy> select(URI uri) {
                    asked.add(uri);
                    return List.of(new Proxy(Proxy.Type.HTTP, proxy.address()));
                }

                @Override
                public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                }
            };
            WsOptions ws = WsOptions.builder().proxy(recording).build();
            try (Transport t = provider.open(NatsUri.parse(server.wsUrl() + "/x"), TransportTestSupport.plain(ws))) {
                assertTrue(readLine(t).startsWith("INFO "));
                connectAndPing(t);
                assertEquals("127.0.0.1", t.remoteAddress().getHostString());
                assertEquals(server.wsPort(), t.remoteAddress().getPort());
            }
            assertEquals(List.of("CONNECT 127.0.0.1:" + server.wsPort() + " HTTP/1.1"), proxy.requests());
            assertEquals(List.of(URI.create("http://127.0.0.1:" + server.wsPort() + "/")), asked);
        }
    }

    @Test
    void wssThroughAProxyVerifiesTheServerNotTheProxy() throws Exception {
        TestCertificates certs = TestCertificates.generate();
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().tls(certs).websocket(true).build());
                TestProxy proxy = new TestProxy(null)) {
            WsOptions ws = WsOptions.builder().proxy(ProxySelector.of(proxy.address())).build();
            try (Transport t = provider.open(NatsUri.parse(server.wsUrl()), TransportTestSupport.tls(certs.clientContext(), ws))) {
                assertTrue(t.isSecure());
                assertTrue(readLine(t).startsWith("INFO "));
                connectAndPing(t);
            }
            assertEquals(List.of("CONNECT localhost:" + server.wsPort() + " HTTP/1.1"), proxy.requests());
        }
    }

    @Test
    void aProxyThatRefusesIsNamedWithItsStatusLine() throws Exception {
        try (TestProxy proxy = new TestProxy("HTTP/1.1 407 Proxy Authentication Required")) {
            WsOptions ws = WsOptions.builder().proxy(ProxySelector.of(proxy.address())).build();
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> provider.open(NatsUri.parse("ws://127.0.0.1:1/nats?token=secret"), TransportTestSupport.plain(ws)));
            assertEquals("proxy " + proxy.address().getHostString() + ":" + proxy.address().getPort()
                    + " refused to CONNECT to ws://127.0.0.1:1/nats?...: it answered 'HTTP/1.1 407 Proxy Authentication"
                    + " Required' (proxy authentication is not supported)", e.getMessage());
        }
    }

    @Test
    void aDirectAnswerFromTheSelectorConnectsDirectly() throws Exception {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().websocket(false).build())) {
            ProxySelector direct = new ProxySelector() {
                @Override
                public List<Proxy> select(URI uri) {
                    return List.of(Proxy.NO_PROXY);
                }

                @Override
                public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                }
            };
            try (Transport t = provider.open(NatsUri.parse(server.wsUrl()),
                    TransportTestSupport.plain(WsOptions.builder().proxy(direct).build()))) {
                assertTrue(readLine(t).startsWith("INFO "));
            }
        }
    }

    /** The same compressible 256 KiB round trip with and without permessage-deflate, counted on the wire. */
    @Test
    void compressionShrinksWhatCrossesTheWire() throws Exception {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().websocket(false).websocketCompression(true).build())) {
            long plain = roundTripBytes(server, false);
            long deflated = roundTripBytes(server, true);
            assertTrue(deflated * 4 < plain, "compressed " + deflated + " bytes vs " + plain + " plain");
        }
    }

    private long roundTripBytes(NatsServer server, boolean compression) throws Exception {
        try (TestProxy proxy = new TestProxy(null)) {
            WsOptions ws = WsOptions.builder().compression(compression).proxy(ProxySelector.of(proxy.address())).build();
            try (Transport t = provider.open(NatsUri.parse(server.wsUrl()), TransportTestSupport.plain(ws))) {
                readLine(t);
                connectAndPing(t);
                byte[] payload = WsCompressionTest.text(256 * 1024);
                write(t, "SUB big 1\r\nPUB big " + payload.length + "\r\n");
                t.write(ByteBuffer.wrap(payload), ByteBuffer.wrap("\r\nPING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                byte[] got = readUntil(t, "PONG\r\n", 64 * 1024);
                String header = "MSG big 1 " + payload.length + "\r\n";
                assertEquals(header.length() + payload.length + "\r\nPONG\r\n".length(), got.length);
                assertTrue(java.util.Arrays.equals(payload, 0, payload.length, got, header.length(), header.length() + payload.length));
            }
            return proxy.bytesToClient();
        }
    }
}
