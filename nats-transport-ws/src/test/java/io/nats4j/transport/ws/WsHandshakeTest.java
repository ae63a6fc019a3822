package io.nats4j.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.protocol.spi.TransportOptions;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.transport.TransportTestSupport;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP upgrade: what is sent, and every way a peer can refuse it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WsHandshakeTest {

    private final WsTransportProvider provider = new WsTransportProvider();
    /** Issued for a name other than localhost and 127.0.0.1, so only tlsHostname can verify it; made once. */
    private static io.nats4j.testing.TestCertificates certs;

    private static synchronized io.nats4j.testing.TestCertificates certs() {
        if (certs == null) {
            certs = io.nats4j.testing.TestCertificates.generate("DNS:example.invalid");
        }
        return certs;
    }

    private Transport open(String url, WsOptions ws) throws IOException {
        return provider.open(NatsUri.parse(url), TransportTestSupport.plain(ws));
    }

    @Test
    void requestCarriesPathQueryHeadersAndARandomKey() throws Exception {
        BlockingQueue<List<String>> requests = new ArrayBlockingQueue<>(2);
        WsOptions ws = WsOptions.builder().header("Authorization", "Bearer s3cret").header("Origin", "https://app.example")
                .header("X-Many", "1").header("X-Many", "2").build();
        try (FakeServer fake = FakeServer.start(c -> requests.add(WsScript.accept(c, "")))) {
            String url = "ws://127.0.0.1:" + fake.port() + "/nats/ws?tenant=a%20b&x=1";
            for (int i = 0; i < 2; i++) {
                open(url, ws).close();
            }
            List<String> first = requests.poll(10, TimeUnit.SECONDS);
            List<String> second = requests.poll(10, TimeUnit.SECONDS);
            assertEquals("GET /nats/ws?tenant=a%20b&x=1 HTTP/1.1", first.get(0));
            assertEquals("127.0.0.1:" + fake.port(), WsScript.header(first, "Host"));
            assertEquals("websocket", WsScript.header(first, "Upgrade"));
            assertEquals("Upgrade", WsScript.header(first, "Connection"));
            assertEquals("13", WsScript.header(first, "Sec-WebSocket-Version"));
            assertEquals("Bearer s3cret", WsScript.header(first, "Authorization"));
            assertEquals("https://app.example", WsScript.header(first, "Origin"));
            assertEquals(2, first.stream().filter(l -> l.startsWith("X-Many:")).count());
            assertNull(WsScript.header(first, "Sec-WebSocket-Extensions"), "no deflate offer unless asked");
            String key = WsScript.header(first, "Sec-WebSocket-Key");
            assertEquals(16, Base64.getDecoder().decode(key).length);
            assertNotEquals(key, WsScript.header(second, "Sec-WebSocket-Key"), "a fresh key per connect");
            assertTrue(!ws.toString().contains("s3cret") && ws.toString().contains("Authorization"), ws.toString());
        }
    }

    @Test
    void refusedUpgradeQuotesTheStatusLine() throws Exception {
        try (FakeServer fake = FakeServer.start(c -> {
            WsScript.readRequest(c);
            c.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 9\r\n\r\nforbidden");
        })) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> open("ws://127.0.0.1:" + fake.port(), WsOptions.defaults()));
            assertEquals("ws://127.0.0.1:" + fake.port() + " refused the WebSocket upgrade: it answered 'HTTP/1.1 403 Forbidden'"
                    + " (an Origin check, or a gateway that wants credentials: see WsOptions.header)", e.getMessage());
        }
    }

    @Test
    void wrongOrMissingAcceptKeyIsRefused() throws Exception {
        for (String accept : List.of("Sec-WebSocket-Accept: dGhlIHNhbXBsZSBub25jZQ==\r\n", "")) {
            try (FakeServer fake = FakeServer.start(c -> {
                WsScript.readRequest(c);
                c.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + accept + "\r\n");
            })) {
                ProtocolException e = assertThrows(ProtocolException.class, () -> open("ws://127.0.0.1:" + fake.port(), WsOptions.defaults()));
                assertTrue(e.getMessage().contains("Sec-WebSocket-Accept") && e.getMessage().contains(":" + fake.port()), e.getMessage());
            }
        }
    }

    @Test
    void plainHttpServerIsRefused() throws Exception {
        try (FakeServer fake = FakeServer.start(c -> {
            WsScript.readRequest(c);
            c.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<html></html>");
        })) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> open("ws://127.0.0.1:" + fake.port(), WsOptions.defaults()));
            assertTrue(e.getMessage().endsWith("refused the WebSocket upgrade: it answered 'HTTP/1.1 200 OK'"), e.getMessage());
        }
    }

    @Test
    void plainNatsPortIsRecognised() throws Exception {
        try (NatsServer server = NatsServer.start()) {
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> open("ws://127.0.0.1:" + server.port(), WsOptions.defaults()));
            assertTrue(e.getMessage().startsWith("ws://127.0.0.1:" + server.port() + " is not an HTTP server: it answered"
                    + " the WebSocket upgrade with 'INFO {"), e.getMessage());
            assertTrue(e.getMessage().endsWith("(a NATS client port? use nats://)"), e.getMessage());
        }
    }

    @Test
    void silentPeerTimesOutWithinTheConnectTimeout() throws Exception {
        try (FakeServer fake = FakeServer.start(c -> c.drainUntilClosed(Duration.ofSeconds(20)))) {
            TransportOptions o = TransportTestSupport.withTimeouts(TransportTestSupport.plain(), Duration.ofMillis(300),
                    Duration.ofSeconds(5));
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
                    () -> provider.open(NatsUri.parse("ws://127.0.0.1:" + fake.port()), o));
            assertTrue(e.getMessage().contains("did not answer the WebSocket upgrade within the connect timeout"), e.getMessage());
        }
    }

    @Test
    void wssHonoursHostnameVerificationAndTlsHostname() throws Exception {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().tls(certs()).websocket(true).build())) {
            String url = server.wsUrl(); // wss://localhost:port, not the name in the certificate
            TransportOptions verifying = TransportTestSupport.tls(certs().clientContext());
            IOException e = assertThrows(IOException.class, () -> provider.open(NatsUri.parse(url), verifying));
            assertTrue(e.getMessage().contains("does not match the host name 'localhost'"), e.getMessage());
            // a server learned by address is verified against the original host name
            TransportOptions named = TransportTestSupport.hostname(verifying, true, java.util.Optional.of("example.invalid"));
            try (Transport t = provider.open(NatsUri.parse("wss://127.0.0.1:" + server.wsPort()), named)) {
                assertTrue(t.isSecure());
                assertTrue(TransportTestSupport.readLine(t).startsWith("INFO "));
                t.upgradeToTls(); // already secure: returns
                TransportTestSupport.connectAndPing(t);
            }
        }
    }

    @Test
    void wssSendsTheClientCertificate() throws Exception {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().tls(certs(), true).websocket(true).build())) {
            java.util.Optional<String> name = java.util.Optional.of("example.invalid");
            IOException refused = assertThrows(IOException.class, () -> {
                try (Transport t = provider.open(NatsUri.parse(server.wsUrl()),
                        TransportTestSupport.hostname(TransportTestSupport.tls(certs().clientContext()), true, name))) {
                    TransportTestSupport.readLine(t);
                }
            });
            assertTrue(refused.getMessage().contains(server.wsUrl()), refused.getMessage());
            try (Transport t = provider.open(NatsUri.parse(server.wsUrl()), TransportTestSupport.hostname(
                    TransportTestSupport.tls(certs().clientContextWithCertificate()), true, name))) {
                assertTrue(TransportTestSupport.readLine(t).startsWith("INFO "));
                TransportTestSupport.connectAndPing(t);
            }
        }
    }

    @Test
    void plainWsCannotBeUpgradedWhenTlsIsRequired() throws Exception {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().websocket(false).build())) {
            TransportOptions required = TransportTestSupport.tls(javax.net.ssl.SSLContext.getDefault());
            try (Transport t = provider.open(NatsUri.parse(server.wsUrl()), required)) {
                IOException e = assertThrows(IOException.class, t::upgradeToTls);
                assertTrue(e.getMessage().contains("use wss://"), e.getMessage());
            }
            try (Transport t = provider.open(NatsUri.parse(server.wsUrl()), TransportTestSupport.plain())) {
                t.upgradeToTls(); // the server's tls_required is about its TCP port: nothing to do
                assertTrue(!t.isSecure());
            }
        }
    }

    @Test
    void wrongSchemeAndBadHeadersAreRejected() {
        assertThrows(NatsIllegalArgumentException.class,
                () -> provider.open(NatsUri.parse("nats://127.0.0.1:4222"), TransportTestSupport.plain()));
        assertThrows(NatsIllegalArgumentException.class, () -> WsOptions.builder().header("Bad Name", "x"));
        assertThrows(NatsIllegalArgumentException.class, () -> WsOptions.builder().header("Sec-WebSocket-Key", "x"));
        assertThrows(NatsIllegalArgumentException.class, () -> WsOptions.builder().header("Host", "x"));
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                () -> WsOptions.builder().header("X-Token", "abc\r\nInjected: yes"));
        assertTrue(e.getMessage().contains("X-Token") && !e.getMessage().contains("abc"), e.getMessage());
        WsOptions o = WsOptions.builder().compression(true).header("A", "1").build();
        assertEquals(o.headers(), o.toBuilder().build().headers());
        assertTrue(o.toBuilder().build().compression());
        assertTrue(WsOptions.defaults().proxy().isEmpty());
    }
}
