package io.nats4j.client;

import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsServerException;
import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.protocol.ServerInfo;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class ConnectTest {


    @Test
    void connectsWithEveryUrlFormAndReportsServerInfo() {
        try (NatsServer server = NatsServer.start()) {
            for (String url : List.of(server.url(), "127.0.0.1:" + server.port(), "nats://localhost:" + server.port(),
                    "nats://127.0.0.1:1," + server.url())) {
                TestSupport.Recorder rec = new TestSupport.Recorder();
                Connection nc = Nats.connect(rec.on(Options.builder().server(url).noRandomize()).build());
                try {
                    assertEquals(Status.CONNECTED, nc.status());
                    ServerInfo info = nc.serverInfo();
                    assertTrue(info.version().startsWith("2."), info.version());
                    assertTrue(info.headers());
                    assertEquals(1024 * 1024, nc.maxPayload());
                    assertTrue(nc.connectedUrl().orElseThrow().endsWith(":" + server.port()));
                } finally {
                    nc.close();
                }
                nc.close(); // idempotent
                assertEquals(Status.CLOSED, nc.status());
                assertTrue(nc.connectedUrl().isEmpty());
                await("CONNECTED then CLOSED", () -> rec.events.equals(List.of(ConnectionEvent.CONNECTED, ConnectionEvent.CLOSED)));
            }
        }
    }

    @Test
    void closedPortFailsWithConnectionException() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        NatsException e = assertThrows(NatsException.class, () -> Nats.connect("nats://127.0.0.1:" + port));
        assertTrue(e instanceof NatsConnectionException, e.toString());
        assertTrue(e.getMessage().contains(String.valueOf(port)), e.getMessage());
    }

    @Test
    void serverThatNeverSendsInfoHitsTheConnectTimeout() {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeServer fake = FakeServer.start(c -> release.await(30, TimeUnit.SECONDS))) {
            Options o = Options.builder().server(fake.url()).connectTimeout(Duration.ofMillis(300)).build();
            NatsTimeoutException e = assertThrows(NatsTimeoutException.class, () -> Nats.connect(o));
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
            release.countDown();
        }
    }

    @Test
    void malformedInfoFailsTheConnect() {
        try (FakeServer fake = FakeServer.start(c -> {
            c.write("INFO {not json\r\n");
            c.drainUntilClosed(Duration.ofSeconds(5));
        })) {
            Options o = Options.builder().server(fake.url()).connectTimeout(Duration.ofSeconds(2)).build();
            assertThrows(NatsException.class, () -> Nats.connect(o));
        }
    }

    @Test
    void serverClosingAfterInfoFailsTheConnect() {
        try (FakeServer fake = FakeServer.start(c -> {
            c.writeInfo();
            c.readLineStartingWith("CONNECT");
        })) {
            Options o = Options.builder().server(fake.url()).build();
            NatsConnectionException e = assertThrows(NatsConnectionException.class, () -> Nats.connect(o));
            assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
        }
    }

    @Test
    void infoInTheSameReadAsThePongIsProcessed() {
        try (FakeServer fake = FakeServer.start(c -> {
            c.writeInfo();
            c.readLineStartingWith("CONNECT");
            c.readLineStartingWith("PING");
            c.write("PONG\r\nINFO {\"server_id\":\"FAKE\",\"version\":\"2.9.10\",\"headers\":true,"
                    + "\"max_payload\":2048,\"connect_urls\":[\"127.0.0.1:1\"]}\r\n");
            c.drainUntilClosed(Duration.ofSeconds(10));
        })) {
            try (Connection nc = Nats.connect(Options.builder().server(fake.url()).build())) {
                await("async INFO applied", () -> nc.maxPayload() == 2048);
            }
        }
    }

    @Test
    void errDuringHandshakeSurfacesAsServerException() {
        try (FakeServer fake = FakeServer.start(c -> {
            c.writeInfo();
            c.readLineStartingWith("CONNECT");
            c.write("-ERR 'Unknown Protocol Operation'\r\n");
        })) {
            NatsServerException e = assertThrows(NatsServerException.class,
                    () -> Nats.connect(Options.builder().server(fake.url()).build()));
            assertEquals("Unknown Protocol Operation", e.serverError());
        }
    }

    @Test
    void connectSendsNameEchoAndHeaders() {
        String[] connect = new String[1];
        try (FakeServer fake = FakeServer.start(c -> {
            c.writeInfo();
            connect[0] = c.acceptHandshake();
            c.drainUntilClosed(Duration.ofSeconds(10));
        })) {
            try (Connection nc = Nats.connect(Options.builder().server(fake.url()).connectionName("orders").noEcho().build())) {
                assertEquals(Status.CONNECTED, nc.status());
            }
        }
        String c = connect[0];
        assertTrue(c.contains("\"name\":\"orders\""), c);
        assertTrue(c.contains("\"echo\":false"), c);
        assertTrue(c.contains("\"headers\":true"), c);
        assertTrue(c.contains("\"no_responders\":true"), c);
        assertTrue(c.contains("\"verbose\":false"), c);
        assertTrue(c.contains("\"pedantic\":false"), c);
        assertTrue(c.contains("\"lang\":\"java\""), c);
    }

    @Test
    void retryOnFailedConnectConnectsWhenTheServerAppears() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TestSupport.Recorder rec = new TestSupport.Recorder();
        Options o = rec.on(Options.builder().server("nats://127.0.0.1:" + port)
                .retryOnFailedConnect(true).reconnectWait(Duration.ofMillis(50)).maxReconnects(-1)).build();
        Connection nc = Nats.connect(o);
        try {
            assertEquals(Status.CONNECTING, nc.status());
            nc.publish("early", "buffered".getBytes()); // buffered until connected
            try (NatsServer server = NatsServer.start(NatsServerConfig.builder().port(port).build())) {
                await("connected", () -> nc.status() == Status.CONNECTED);
                await("CONNECTED event", () -> rec.events.contains(ConnectionEvent.CONNECTED));
                assertFalse(rec.events.contains(ConnectionEvent.RECONNECTED));
                nc.flush(Duration.ofSeconds(5));
                assertEquals(1, nc.statistics().outMsgs());
                nc.close();
            }
        } finally {
            nc.close();
        }
    }

    @Test
    void badOptionsAreRejectedWithClearErrors() {
        assertThrows(NatsIllegalArgumentException.class, () -> Options.builder().server("foo://x:1"));
        assertThrows(NatsIllegalArgumentException.class, () -> Options.builder().connectTimeout(Duration.ZERO));
        assertThrows(NatsIllegalArgumentException.class, () -> Options.builder().maxReconnects(-2));
        assertThrows(NatsIllegalArgumentException.class, () -> Options.builder().inboxPrefix("a b"));
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                () -> Options.builder().server("nats://user:hunter2@:4222"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
    @Test
    void garbageAnswerToThePingFailsTheConnect() {
        try (FakeServer fake = FakeServer.start(c -> {
            c.writeInfo();
            c.readLineStartingWith("CONNECT");
            c.readLineStartingWith("PING");
            c.write("GARBAGE\r\n");
            c.drainUntilClosed(Duration.ofSeconds(10));
        })) {
            NatsException e = assertThrows(NatsException.class,
                    () -> Nats.connect(Options.builder().server(fake.url()).build()));
            assertTrue(e instanceof io.nats4j.protocol.NatsProtocolException, e.toString());
        }
    }

    @Test
    void partialInfoThenCloseFailsTheConnect() {
        try (FakeServer fake = FakeServer.start(c -> c.write("INFO {\"server_id\":"))) {
            NatsConnectionException e = assertThrows(NatsConnectionException.class,
                    () -> Nats.connect(Options.builder().server(fake.url()).build()));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
    }
}
