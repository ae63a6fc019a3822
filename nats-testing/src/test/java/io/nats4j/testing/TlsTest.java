package io.nats4j.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** TLS against a real nats-server 2.9: INFO comes in plain text, then the client upgrades. */
class TlsTest {

    private static TestCertificates certs;

    @BeforeAll
    static void generate() {
        certs = TestCertificates.generate();
    }

    /** Reads the plain INFO, upgrades to TLS, sends CONNECT+PING and returns the server's answer. */
    private static String handshakeAndPing(int port, SSLContext context, boolean verifyHostname) throws IOException {
        try (Socket plain = Probes.connect(port)) {
            String info = Probes.readLine(plain.getInputStream());
            assertTrue(info.contains("\"tls_required\":true"), info);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, "localhost", port, true);
            if (verifyHostname) {
                SSLParameters params = tls.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(params);
            }
            tls.startHandshake();
            OutputStream out = tls.getOutputStream();
            out.write("CONNECT {\"verbose\":false,\"tls_required\":true}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = tls.getInputStream();
            return Probes.readLine(in);
        }
    }

    @Test
    void clientTrustingTheCaCompletesTheHandshakeAfterInfo() throws Exception {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().tls(certs).build())) {
            assertEquals("tls://localhost:" + server.port(), server.tlsUrl());
            assertEquals("PONG", handshakeAndPing(server.port(), certs.clientContext(), true));
        }
    }

    @Test
    void clientTrustingAnotherCaFailsTheHandshake() {
        TestCertificates other = TestCertificates.generate();
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().tls(certs).build())) {
            assertThrows(SSLHandshakeException.class,
                () -> handshakeAndPing(server.port(), other.clientContext(), false));
        }
    }

    @Test
    void certificateForAnotherHostFailsHostnameVerification() throws Exception {
        TestCertificates wrongName = TestCertificates.generate("DNS:example.invalid");
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().tls(wrongName).build())) {
            assertThrows(SSLHandshakeException.class,
                () -> handshakeAndPing(server.port(), wrongName.clientContext(), true));
            // the same chain without hostname verification is fine: only the name is wrong
            assertEquals("PONG", handshakeAndPing(server.port(), wrongName.clientContext(), false));
        }
    }

    @Test
    void mutualTlsAcceptsTheClientCertificate() throws Exception {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().tls(certs, true).build())) {
            assertEquals("PONG", handshakeAndPing(server.port(), certs.clientContextWithCertificate(), true));
        }
    }

    @Test
    void mutualTlsRejectsAClientWithoutCertificate() {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().tls(certs, true).build())) {
            String answer;
            try {
                // TLS 1.3: the client may finish its side before the server rejects it, so the
                // refusal can surface on the handshake or on the first read
                answer = handshakeAndPing(server.port(), certs.clientContext(), true);
            } catch (IOException expected) {
                return;
            }
            if (answer != null) {
                fail("server answered a client without certificate: " + answer);
            }
        }
    }

    @Test
    void websocketWithTlsAnswersTheUpgrade() throws Exception {
        NatsServerConfig cfg = NatsServerConfig.builder().tls(certs).websocket(true).build();
        try (NatsServer server = NatsServer.start(cfg)) {
            assertEquals("wss://localhost:" + server.wsPort(), server.wsUrl());
            try (Socket s = certs.clientContext().getSocketFactory().createSocket("localhost", server.wsPort())) {
                s.setSoTimeout(5000);
                assertEquals("HTTP/1.1 101 Switching Protocols", WebSocketTest.upgrade(s, server.wsPort()));
            }
        }
    }

    @Test
    void fakeServerSpeaksTlsFirst() throws Exception {
        try (FakeServer fake = FakeServer.startTls(certs.serverContext(), conn -> {
                conn.writeInfo("\"tls_required\":true");
                conn.acceptHandshake();
            })) {
            assertTrue(fake.url().startsWith("tls://localhost:"));
            try (SSLSocket s = (SSLSocket) certs.clientContext().getSocketFactory().createSocket("localhost", fake.port())) {
                s.setSoTimeout(5000);
                s.startHandshake();
                String info = Probes.readLine(s.getInputStream());
                assertTrue(info.startsWith("INFO {"), info);
                s.getOutputStream().write("CONNECT {}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("PONG", Probes.readLine(s.getInputStream()));
            }
            Probes.await(java.time.Duration.ofSeconds(5), "script done", () -> fake.connections() == 1);
            assertTrue(fake.errors().isEmpty(), () -> fake.errors().toString());
        }
    }

    @Test
    void fakeServerUpgradesAfterInfo() throws Exception {
        try (FakeServer fake = FakeServer.start(conn -> {
                conn.writeInfo("\"tls_required\":true");
                conn.upgradeToTls(certs.serverContext());
                conn.acceptHandshake();
            })) {
            assertEquals("PONG", handshakeAndPingAgainst(fake.port()));
            assertTrue(fake.errors().isEmpty(), () -> fake.errors().toString());
        }
    }

    private static String handshakeAndPingAgainst(int port) throws IOException {
        try (Socket plain = Probes.connect(port)) {
            Probes.readLine(plain.getInputStream());
            SSLSocket tls = (SSLSocket) certs.clientContext().getSocketFactory().createSocket(plain, "localhost", port, true);
            tls.startHandshake();
            tls.getOutputStream().write("CONNECT {}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            return Probes.readLine(tls.getInputStream());
        }
    }
}
