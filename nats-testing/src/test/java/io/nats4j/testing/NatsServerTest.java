package io.nats4j.testing;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NatsServerTest {

    @Test
    void startsOnEphemeralPortAndSendsInfo() throws Exception {
        try (NatsServer server = NatsServer.start()) {
            assertTrue(server.port() > 0);
            assertEquals("nats://127.0.0.1:" + server.port(), server.url());
            assertEquals("tls://localhost:" + server.port(), server.tlsUrl());
            try (Socket s = Probes.connect(server.port())) {
                InputStream in = s.getInputStream();
                String info = Probes.readLine(in);
                assertTrue(info.startsWith("INFO {"), info);
                assertTrue(info.contains("\"port\":" + server.port()), info);
                OutputStream out = s.getOutputStream();
                out.write("CONNECT {\"verbose\":false}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertEquals("PONG", Probes.readLine(in));
            }
            assertTrue(server.isRunning());
            assertTrue(server.log().contains("Server is ready"));
            assertTrue(Files.readString(server.configFile()).contains("port: -1"));
        }
    }

    @Test
    void twoServersGetDifferentPorts() {
        try (NatsServer a = NatsServer.start(); NatsServer b = NatsServer.start()) {
            assertNotEquals(a.port(), b.port());
        }
    }

    @Test
    void restartKeepsThePortAndStartsANewProcess() throws Exception {
        try (NatsServer server = NatsServer.start()) {
            int port = server.port();
            long pid = server.pid();
            server.restart();
            assertTrue(server.isRunning());
            assertEquals(port, server.port());
            assertNotEquals(pid, server.pid());
            assertTrue(Probes.firstLine(port).startsWith("INFO "));
            assertTrue(Files.readString(server.configFile()).contains("port: " + port));
        }
    }

    @Test
    void stopEndsTheProcessAndRestartBringsItBack() {
        try (NatsServer server = NatsServer.start()) {
            int port = server.port();
            server.stop();
            assertFalse(server.isRunning());
            assertFalse(Probes.accepts(port));
            server.stop(); // idempotent
            server.restart();
            assertTrue(Probes.accepts(port));
        }
    }

    @Test
    void killEndsTheProcessAtOnce() {
        try (NatsServer server = NatsServer.start()) {
            long pid = server.pid();
            server.kill();
            assertFalse(server.isRunning());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            assertFalse(Probes.accepts(server.port()));
            // a graceful stop logs its shutdown; SIGKILL leaves no such line
            assertFalse(server.log().contains("Server Exiting"));
        }
    }

    @Test
    void closeIsIdempotentRemovesTheTempDirAndKeepsTheLog() {
        NatsServer server = NatsServer.start();
        Path dir = server.configFile().getParent();
        long pid = server.pid();
        server.close();
        server.close();
        assertFalse(Files.exists(dir));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(server.log().contains("Server is ready"));
        assertThrows(IllegalStateException.class, server::restart);
    }

    @Test
    void monitoringServesVarzAndConnz() {
        NatsServerConfig cfg = NatsServerConfig.builder().monitoring().build();
        try (NatsServer server = NatsServer.start(cfg)) {
            assertTrue(server.monitorPort() > 0);
            assertNotEquals(server.port(), server.monitorPort());
            String varz = server.varz();
            assertTrue(varz.contains("\"server_id\""), varz);
            assertTrue(varz.contains("\"port\": " + server.port()) || varz.contains("\"port\":" + server.port()), varz);
            assertTrue(server.connz().contains("\"num_connections\""));
        }
    }

    @Test
    void portAccessorsRejectListenersThatAreNotConfigured() {
        try (NatsServer server = NatsServer.start()) {
            assertThrows(IllegalStateException.class, server::monitorPort);
            assertThrows(IllegalStateException.class, server::wsPort);
            assertThrows(IllegalStateException.class, server::wsUrl);
            assertThrows(IllegalStateException.class, server::clusterPort);
            assertThrows(IllegalStateException.class, server::varz);
        }
    }

    @Test
    void badConfigFailsWithTheServerOutputInTheMessage() {
        NatsServerConfig cfg = NatsServerConfig.builder().extra("this is { not valid").build();
        NatsTestingException e = assertThrows(NatsTestingException.class, () -> NatsServer.start(cfg));
        assertTrue(e.getMessage().contains("exited"), e.getMessage());
    }

    @Test
    void authAndLimitsAreApplied() throws Exception {
        NatsServerConfig cfg = NatsServerConfig.builder().user("alice", "pw").maxPayload(2048)
            .maxConnections(5).pingInterval(Duration.ofSeconds(30)).maxPingsOut(3).build();
        try (NatsServer server = NatsServer.start(cfg)) {
            String info = Probes.firstLine(server.port());
            assertTrue(info.contains("\"auth_required\":true"), info);
            assertTrue(info.contains("\"max_payload\":2048"), info);
        }
    }

    @Test
    void lameDuckTellsClientsStopsAcceptingAndExits() throws Exception {
        NatsServerConfig cfg = NatsServerConfig.builder()
            .lameDuckDuration(Duration.ofSeconds(30)).lameDuckGracePeriod(Duration.ofSeconds(1)).build();
        try (NatsServer server = NatsServer.start(cfg); Socket client = Probes.connect(server.port())) {
            int port = server.port();
            InputStream in = client.getInputStream();
            assertTrue(Probes.readLine(in).startsWith("INFO "));
            client.getOutputStream().write("CONNECT {\"verbose\":false,\"protocol\":1}\r\nPING\r\n"
                .getBytes(StandardCharsets.US_ASCII));
            assertEquals("PONG", Probes.readLine(in));
            server.lameDuck();
            String info = Probes.readLine(in);
            assertTrue(info != null && info.startsWith("INFO ") && info.contains("\"ldm\":true"), info);
            Probes.await(Duration.ofSeconds(10), "server stops accepting", () -> !Probes.accepts(port));
            Probes.await(Duration.ofSeconds(45), "server exits", () -> !server.isRunning());
            assertTrue(server.log().contains("Entering lame duck mode"), server.log());
        }
    }

    @Test
    void lameDuckDurationBelowTheServerMinimumIsRejected() {
        NatsServerConfig.Builder b = NatsServerConfig.builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> b.lameDuckDuration(Duration.ofSeconds(2)));
        assertTrue(e.getMessage().contains("30 s"), e.getMessage());
    }

    @Test
    void jetStreamStoresInTheTempDir() throws Exception {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().jetstream().build())) {
            Path store = server.configFile().getParent().resolve("jetstream");
            assertTrue(Probes.firstLine(server.port()).contains("\"jetstream\":true"));
            assertTrue(server.log().contains(store.toString()), server.log());
        }
    }

    @Test
    void binaryIsFound() {
        assertTrue(NatsServer.isAvailable());
        assertTrue(Files.isExecutable(NatsServer.binary()));
    }
}
