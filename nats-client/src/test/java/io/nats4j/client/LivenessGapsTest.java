package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.NatsCluster;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.LeakCheckExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RELIABILITY.md cluster, liveness and auth scenarios that no other test proved (20, 21, 23, 24, 25, 36). */
@ExtendWith(LeakCheckExtension.class)
class LivenessGapsTest {

    private static Options.Builder fast(TestSupport.Recorder rec, String url) {
        return rec.on(Options.builder().server(url).reconnectWait(Duration.ofMillis(50))
                .reconnectJitter(Duration.ZERO, Duration.ZERO).maxReconnects(-1));
    }

    /**
     * A fake server whose first connections run {@code scripts} in turn, and every later one is
     * well-behaved: handshake, then every PING answered.
     */
    private static FakeServer scripted(FakeServer.Script... scripts) {
        AtomicInteger connections = new AtomicInteger();
        return FakeServer.start(c -> {
            int n = connections.incrementAndGet();
            if (n <= scripts.length) {
                scripts[n - 1].run(c);
                return;
            }
            c.writeInfo();
            c.acceptHandshake();
            // buffered: a reconnect may bring megabytes of retained publishes
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(c.in(),
                    java.nio.charset.StandardCharsets.ISO_8859_1), 64 * 1024);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("PING")) {
                    c.write("PONG\r\n");
                }
            }
        });
    }

    /** Scenario 20: lame duck mode raises LAME_DUCK, then the client moves to another node. */
    @Test
    void lameDuckRaisesTheEventThenTheClientMoves() {
        NatsServerConfig config = NatsServerConfig.builder().lameDuckDuration(Duration.ofSeconds(30))
                .lameDuckGracePeriod(Duration.ofSeconds(1)).build();
        try (NatsCluster cluster = NatsCluster.start(2, config)) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(fast(rec, cluster.server(0).url()).build())) {
                await("the peer was discovered", () -> rec.events.contains(ConnectionEvent.DISCOVERED_SERVERS)
                        || nc.serverInfo().connectUrls().size() > 1);
                String before = nc.connectedUrl().orElseThrow();
                cluster.server(0).lameDuck();
                await("LAME_DUCK", () -> rec.events.contains(ConnectionEvent.LAME_DUCK));
                await("moved to the other node", Duration.ofSeconds(40),
                        () -> nc.status() == Status.CONNECTED && !nc.connectedUrl().orElse(before).equals(before));
                assertNotEquals(before, nc.connectedUrl().orElseThrow());
                nc.flush(WAIT);
            }
        }
    }

    /** Scenario 21: refused with "maximum connections exceeded" while reconnecting, the client keeps trying. */
    @Test
    void maximumConnectionsExceededLeadsToAReconnect() {
        try (FakeServer fake = scripted(c -> {
            c.writeInfo();
            c.acceptHandshake();
            c.readLineStartingWith("SUB"); // then the connection drops
        }, c -> {
            c.writeInfo(); // what nats-server does when it is full: INFO, -ERR, close
            c.write("-ERR 'maximum connections exceeded'\r\n");
        })) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(fast(rec, fake.url()).build())) {
                nc.subscribe("s");
                await("reconnected", () -> rec.events.contains(ConnectionEvent.RECONNECTED));
                nc.flush(WAIT);
                assertEquals(Status.CONNECTED, nc.status());
                assertTrue(rec.serverErrors.stream().anyMatch(e -> e.contains("maximum connections"))
                        || rec.exceptions.stream().anyMatch(e -> String.valueOf(e.getMessage()).contains("maximum connections")),
                        "the refused attempt is reported: " + rec.serverErrors + " " + rec.exceptions);
            }
        }
    }

    /** Scenario 23: -ERR 'Stale Connection' is a reconnect, not a close. */
    @Test
    void staleConnectionErrorLeadsToAReconnect() {
        try (FakeServer fake = scripted(c -> {
            c.writeInfo();
            c.acceptHandshake();
            c.readLineStartingWith("SUB");
            c.write("-ERR 'Stale Connection'\r\n");
        })) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(fast(rec, fake.url()).build())) {
                nc.subscribe("s");
                await("reconnected", () -> rec.events.contains(ConnectionEvent.RECONNECTED));
                nc.flush(WAIT);
                assertEquals(Status.CONNECTED, nc.status());
                assertTrue(!rec.events.contains(ConnectionEvent.CLOSED), rec.events.toString());
            }
        }
    }

    /** Scenario 24: writes to a server that stopped reading hit the write deadline and reconnect. */
    @Test
    void blockedWritesHitTheDeadlineAndReconnect() {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeServer fake = scripted(c -> {
            c.writeInfo();
            c.acceptHandshake();
            release.await(60, TimeUnit.SECONDS); // reads nothing more: the client's writes back up
        })) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(fast(rec, fake.url()).writeTimeout(Duration.ofMillis(500)).build())) {
                byte[] big = new byte[256 * 1024];
                for (int i = 0; i < 400 && !rec.events.contains(ConnectionEvent.DISCONNECTED); i++) {
                    try {
                        nc.publish("flood", big);
                    } catch (NatsException full) {
                        break; // the outbound buffer is full: the writer is stalled
                    }
                }
                await("disconnected by the write deadline", () -> rec.events.contains(ConnectionEvent.DISCONNECTED));
                await("reconnected", () -> rec.events.contains(ConnectionEvent.RECONNECTED));
                nc.flush(WAIT);
            } finally {
                release.countDown();
            }
        }
    }

    /** Scenario 25: a flush waiting for its PONG is released with an error by close() and by a disconnect. */
    @Test
    void flushInProgressIsReleasedByCloseAndByDisconnect() throws Exception {
        CountDownLatch drop = new CountDownLatch(1);
        try (FakeServer fake = FakeServer.start(c -> {
            c.writeInfo();
            c.acceptHandshake(); // later PINGs are never answered
            drop.await(30, TimeUnit.SECONDS);
        })) {
            Connection closing = Nats.connect(Options.builder().server(fake.url()).maxReconnects(0).build());
            CompletableFuture<Void> byClose = CompletableFuture.runAsync(() -> closing.flush(Duration.ofSeconds(60)));
            await("flush waiting", () -> !byClose.isDone() && fake.connections() == 1);
            closing.close();
            assertReleasedWithConnectionError(byClose);

            Connection dropped = Nats.connect(Options.builder().server(fake.url()).maxReconnects(0).build());
            CompletableFuture<Void> byDrop = CompletableFuture.runAsync(() -> dropped.flush(Duration.ofSeconds(60)));
            await("second flush waiting", () -> !byDrop.isDone() && fake.connections() == 2);
            drop.countDown(); // the server closes both sockets
            assertReleasedWithConnectionError(byDrop);
            dropped.close();
        }
    }

    private static void assertReleasedWithConnectionError(CompletableFuture<Void> flush) throws Exception {
        try {
            flush.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("flush succeeded without a PONG");
        } catch (ExecutionException e) {
            assertTrue(e.getCause() instanceof NatsConnectionException, e.getCause().toString());
        }
    }

    /** Scenario 36: refused by one server of the pool, the client goes on to the next. */
    @Test
    void authFailureOnOneServerMovesToTheNext() {
        try (NatsServer other = NatsServer.start(NatsServerConfig.builder().user("alice", "pw1").build());
                NatsServer mine = NatsServer.start(NatsServerConfig.builder().user("bob", "pw2").build())) {
            Options o = Options.builder().servers(other.url(), mine.url()).noRandomize().userInfo("bob", "pw2").build();
            try (Connection nc = Nats.connect(o)) {
                assertTrue(nc.connectedUrl().orElseThrow().endsWith(":" + mine.port()), nc.connectedUrl().toString());
                nc.flush(WAIT);
            }
        }
    }
}
