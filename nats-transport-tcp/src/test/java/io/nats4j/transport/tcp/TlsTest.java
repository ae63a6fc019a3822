package io.nats4j.transport.tcp;

import static io.nats4j.testing.transport.TransportTestSupport.connectAndPing;
import static io.nats4j.testing.transport.TransportTestSupport.readLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.protocol.spi.TransportOptions;
import io.nats4j.testing.transport.TransportTestSupport;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.TestCertificates;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** TLS: trust, host names, mutual TLS, upgrade after INFO, handshake first. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsTest {

    private final TcpTransportProvider provider = new TcpTransportProvider();
    private TestCertificates certs;
    private NatsServer tlsServer;

    @BeforeAll
    void start() {
        certs = TestCertificates.generate();
        tlsServer = NatsServer.start(NatsServerConfig.builder().tls(certs).build());
    }

    @AfterAll
    void stop() {
        if (tlsServer != null) {
            tlsServer.close();
        }
    }

    /** Opens, reads INFO, upgrades; returns the INFO line. */
    private static String upgrade(Transport t) throws IOException {
        String info = readLine(t);
        t.upgradeToTls();
        return info;
    }

    @Test
    void trustedCaOverTlsScheme() throws IOException {
        try (Transport t = provider.open(NatsUri.parse(tlsServer.tlsUrl()),
                TransportTestSupport.tls(certs.clientContext()))) {
            assertFalse(t.isSecure(), "tls:// upgrades after INFO, not in open()");
            upgrade(t);
            assertTrue(t.isSecure());
            t.upgradeToTls(); // already secure: no-op
            connectAndPing(t);
        }
    }

    @Test
    void natsSchemeToTlsRequiredServerUpgradesAndVerifiesIpLiteral() throws IOException {
        TransportOptions o = TransportTestSupport.tls(certs.clientContext());
        o = new TransportOptions(o.connectTimeout(), o.writeTimeout(), o.sslContext(), false, false, true,
                Optional.empty(), o.extensions());
        // server.url() is nats://127.0.0.1:port: the certificate's IP SAN is what gets verified
        try (Transport t = provider.open(NatsUri.parse(tlsServer.url()), o)) {
            String info = upgrade(t);
            assertTrue(info.contains("\"tls_required\":true"), info);
            assertTrue(t.isSecure());
            connectAndPing(t);
        }
    }

    @Test
    void untrustedCaFailsClearlyWithoutCredentialsInMessage() throws IOException {
        TestCertificates other = TestCertificates.generate();
        String url = "tls://alice:s3cret@localhost:" + tlsServer.port();
        Transport t = provider.open(NatsUri.parse(url), TransportTestSupport.tls(other.clientContext()));
        try {
            readLine(t);
            SSLHandshakeException e = assertThrows(SSLHandshakeException.class, t::upgradeToTls);
            String m = e.getMessage();
            assertTrue(m.startsWith("TLS handshake with tls://alice:***@localhost:" + tlsServer.port()), m);
            assertTrue(m.contains("not trusted"), m);
            assertFalse(m.contains("s3cret"), m);
            assertFalse(t.isSecure());
            assertThrows(IOException.class, () -> t.read(ByteBuffer.allocate(8)), "closed after a failed handshake");
        } finally {
            t.close();
        }
    }

    @Test
    void wrongHostnameFailsAndPassesWithVerificationOffOrTlsHostname() throws IOException {
        TestCertificates wrong = TestCertificates.generate("DNS:example.invalid");
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().tls(wrong).build())) {
            NatsUri uri = NatsUri.parse(server.tlsUrl());
            TransportOptions verifying = TransportTestSupport.tls(wrong.clientContext());
            try (Transport t = provider.open(uri, verifying)) {
                readLine(t);
                SSLHandshakeException e = assertThrows(SSLHandshakeException.class, t::upgradeToTls);
                assertTrue(e.getMessage().contains("does not match the host name 'localhost'"), e.getMessage());
                assertTrue(e.getMessage().contains("localhost:" + server.port()), e.getMessage());
            }
            // verification off (dangerous; tests only): the chain is still checked, the name is not
            try (Transport t = provider.open(uri, TransportTestSupport.hostname(verifying, false, Optional.empty()))) {
                upgrade(t);
                connectAndPing(t);
            }
            // a server learned by address is verified against the original host name
            TransportOptions named = TransportTestSupport.hostname(verifying, true, Optional.of("example.invalid"));
            try (Transport t = provider.open(NatsUri.parse(server.url()), named)) {
                upgrade(t);
                connectAndPing(t);
            }
        }
    }

    @Test
    void upgradeAgainstPlainServerFailsClearly() throws IOException {
        try (NatsServer plain = NatsServer.start();
                Transport t = provider.open(NatsUri.parse(plain.tlsUrl()),
                        TransportTestSupport.tls(certs.clientContext()))) {
            String info = readLine(t);
            assertFalse(info.contains("tls_required"), info);
            SSLHandshakeException e = assertThrows(SSLHandshakeException.class, t::upgradeToTls);
            assertTrue(e.getMessage().startsWith("TLS handshake with tls://localhost:" + plain.port()),
                    e.getMessage());
            assertTrue(e.getMessage().contains("does not speak TLS") || e.getMessage().contains("closed"),
                    e.getMessage());
        }
    }

    @Test
    void mutualTlsWithClientCertificate() throws IOException {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().tls(certs, true).build());
                Transport t = provider.open(NatsUri.parse(server.tlsUrl()),
                        TransportTestSupport.tls(certs.clientContextWithCertificate()))) {
            upgrade(t);
            connectAndPing(t);
        }
    }

    @Test
    void mutualTlsWithoutClientCertificateFails() throws IOException {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().tls(certs, true).build());
                Transport t = provider.open(NatsUri.parse(server.tlsUrl()),
                        TransportTestSupport.tls(certs.clientContext()))) {
            // TLS 1.3: the client may finish its side before the server rejects it, so the
            // rejection can surface on the first read instead of the handshake
            IOException e = assertThrows(IOException.class, () -> {
                upgrade(t);
                connectAndPing(t);
            });
            assertTrue(e.getMessage().contains("localhost:" + server.port()), e.getMessage());
            assertTrue(e.getMessage().contains("TLS"), e.getMessage());
        }
    }

    @Test
    void handshakeFirst() throws IOException {
        try (FakeServer fake = FakeServer.startTls(certs.serverContext(), conn -> {
            conn.writeInfo("\"tls_required\":true,\"tls_available\":true");
            conn.acceptHandshake();
        })) {
            TransportOptions o = TransportTestSupport.handshakeFirst(TransportTestSupport.tls(certs.clientContext()));
            try (Transport t = provider.open(NatsUri.parse(fake.url()), o)) {
                assertTrue(t.isSecure(), "handshake done in open()");
                assertTrue(readLine(t).startsWith("INFO {"));
                t.upgradeToTls(); // no-op
                connectAndPing(t);
            }
            assertEquals(0, fake.errors().size(), fake.errors().toString());
        }
    }

    @Test
    void handshakeFirstAgainstPlainServerFailsInOpen() {
        try (FakeServer fake = FakeServer.start(conn -> {
            conn.writeInfo();
            conn.drainUntilClosed(java.time.Duration.ofSeconds(10));
        })) {
            TransportOptions o = TransportTestSupport.handshakeFirst(TransportTestSupport.tls(certs.clientContext()));
            SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                    () -> provider.open(NatsUri.parse(fake.url()), o));
            assertTrue(e.getMessage().contains("plain text"), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + fake.port()), e.getMessage());
        }
    }
}
