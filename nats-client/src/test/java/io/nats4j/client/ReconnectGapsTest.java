package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsException;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.LeakCheckExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RELIABILITY.md reconnect scenarios that no other test proved (7, 8, 10, 13, 15, 16, 17). */
@ExtendWith(LeakCheckExtension.class)
class ReconnectGapsTest {

    private static Options.Builder fast(TestSupport.Recorder rec, String url) {
        return rec.on(Options.builder().server(url).reconnectWait(Duration.ofMillis(50))
                .reconnectJitter(Duration.ZERO, Duration.ZERO).maxReconnects(-1));
    }

    /** Scenario 7: what was done while disconnected goes out in order after reconnect, CONNECT first. */
    @Test
    void operationsWhileDisconnectedFollowConnectInOrder() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<String> second = new CopyOnWriteArrayList<>();
        try (FakeServer fake = FakeServer.start(c -> {
            if (connections.incrementAndGet() == 1) {
                c.writeInfo();
                c.acceptHandshake();
                c.readLineStartingWith("SUB b");
                return; // drop the client
            }
            release.await(30, TimeUnit.SECONDS);
            c.writeInfo();
            for (String line = c.readLine(); line != null && !line.startsWith("PUB done"); line = c.readLine()) {
                second.add(line);
                if (line.startsWith("PING")) {
                    c.write("PONG\r\n");
                }
            }
            second.add("PUB done");
            c.drainUntilClosed(Duration.ofSeconds(10));
        })) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(fast(rec, fake.url()).build())) {
                nc.subscribe("a");
                Subscription b = nc.subscribe("b");
                await("disconnected", () -> rec.events.contains(ConnectionEvent.DISCONNECTED));
                nc.publish("p", "1".getBytes(UTF_8));
                nc.subscribe("c");
                b.unsubscribe();
                nc.publish("p", "2".getBytes(UTF_8));
                nc.publish("done", new byte[0]);
                release.countDown();
                await("the buffered operations reached the server", () -> second.contains("PUB done"));
            }
        }
        assertTrue(second.get(0).startsWith("CONNECT "), "CONNECT first: " + second);
        int subA = indexOf(second, "SUB a ");
        int subC = indexOf(second, "SUB c ");
        int pub1 = second.indexOf("1");
        int pub2 = second.indexOf("2");
        assertTrue(subA > 0 && subC > 0, "live subscriptions restored: " + second);
        int subB = indexOf(second, "SUB b ");
        assertTrue(subB < 0 || indexOf(second, "UNSUB ") > subB, "b stays unsubscribed: " + second);
        assertTrue(pub1 > 0 && pub2 > pub1, "publishes in order: " + second);
        assertTrue(subC < pub2, "the SUB made before the second publish precedes it: " + second);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** Scenario 8: a queue group restored after a restart still gets each message once across it. */
    @Test
    void queueGroupDeliversOnceAcrossMembersAfterARestart() {
        try (NatsServer server = NatsServer.start()) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection a = Nats.connect(fast(rec, server.url()).build());
                    Connection b = Nats.connect(fast(new TestSupport.Recorder(), server.url()).build())) {
                Subscription qa = a.subscribe("work", "workers");
                Subscription qb = b.subscribe("work", "workers");
                a.flush(WAIT);
                b.flush(WAIT);
                server.restart();
                await("both back", () -> a.status() == Status.CONNECTED && b.status() == Status.CONNECTED);
                a.flush(WAIT);
                b.flush(WAIT);
                for (int i = 0; i < 200; i++) {
                    a.publish("work", new byte[0]);
                }
                a.flush(WAIT);
                await("200 delivered", () -> qa.pendingMessages() + qb.pendingMessages() == 200);
                b.flush(WAIT);
                assertEquals(200, qa.pendingMessages() + qb.pendingMessages(), "each message once across the group");
                assertEquals("workers", qa.queueGroup().orElseThrow());
            }
        }
    }

    /** Scenario 10: a publisher at full speed across a server stop and start does not deadlock. */
    @Test
    void fullSpeedPublishingAcrossAStopAndStartDoesNotDeadlock() throws Exception {
        try (NatsServer server = NatsServer.start()) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(fast(rec, server.url()).reconnectBufferSize(256 * 1024).build())) {
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong accepted = new AtomicLong();
                AtomicLong refused = new AtomicLong();
                Thread publisher = new Thread(() -> {
                    byte[] payload = new byte[128];
                    while (!stop.get()) {
                        try {
                            nc.publish("flood", payload);
                            accepted.incrementAndGet();
                        } catch (NatsException full) {
                            refused.incrementAndGet(); // the reconnect buffer is full while down
                        }
                    }
                }, "test-flood");
                publisher.start();
                await("publishing", () -> accepted.get() > 10_000);
                server.stop();
                await("refusing while down", () -> refused.get() > 0);
                server.restart();
                await("reconnected", () -> rec.events.contains(ConnectionEvent.RECONNECTED));
                long after = accepted.get();
                await("publishing again after the restart", () -> accepted.get() > after + 10_000);
                stop.set(true);
                publisher.join(WAIT.toMillis());
                assertFalse(publisher.isAlive(), "the publisher is stuck");
                nc.flush(WAIT);
                assertEquals(Status.CONNECTED, nc.status());
            }
        }
    }

    /** Scenario 13: with every server down the reconnect wait is honoured between attempts. */
    @Test
    void reconnectWaitIsHonouredWhileEveryServerIsDown() {
        List<Long> attempts = new CopyOnWriteArrayList<>();
        try (FakeServer fake = FakeServer.start(c -> {
            attempts.add(System.nanoTime());
            if (attempts.size() == 1) {
                c.writeInfo();
                c.acceptHandshake();
            }
            // later attempts: closed at once, before INFO
        })) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            Connection nc = Nats.connect(rec.on(Options.builder().server(fake.url())
                    .reconnectWait(Duration.ofMillis(300)).reconnectJitter(Duration.ZERO, Duration.ZERO)
                    .maxReconnects(4)).build());
            try {
                await("attempts exhausted", () -> nc.status() == Status.CLOSED);
            } finally {
                nc.close();
            }
            assertTrue(attempts.size() >= 3 && attempts.size() <= 6, "attempts: " + attempts.size());
            // A lower bound only, over all gaps together: a spinning client makes them a few ms each.
            // The fake server's accept latency shifts each timestamp, so one gap alone may look short.
            int gaps = attempts.size() - 2;
            long total = attempts.get(attempts.size() - 1) - attempts.get(1);
            assertTrue(total >= gaps * TimeUnit.MILLISECONDS.toNanos(200), gaps + " waits of 300 ms took "
                    + TimeUnit.NANOSECONDS.toMillis(total) + " ms in all");
        }
    }

    /** Scenario 15: 10,000 subscriptions come back after a restart, each receiving again. */
    @Test
    void tenThousandSubscriptionsAreRestored() {
        int n = 10_000;
        try (NatsServer server = NatsServer.start()) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(fast(rec, server.url()).build())) {
                List<Subscription> subs = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    subs.add(nc.subscribe("many." + i));
                }
                nc.flush(WAIT);
                server.restart();
                await("resubscribed", () -> rec.events.contains(ConnectionEvent.RESUBSCRIBED));
                nc.flush(WAIT);
                for (int i = 0; i < n; i++) {
                    nc.publish("many." + i, new byte[0]);
                }
                nc.flush(WAIT);
                await("every subscription got its message", () -> subs.stream().allMatch(s -> s.pendingMessages() == 1));
            }
        }
    }

    /** Scenario 16: a truncated frame then EOF is a clean reconnect, again and again. */
    @Test
    void truncatedFrameThenEofReconnectsCleanlyEachTime() {
        AtomicInteger connections = new AtomicInteger();
        try (FakeServer fake = FakeServer.start(c -> {
            int n = connections.incrementAndGet();
            c.writeInfo();
            c.acceptHandshake();
            if (n <= 3) {
                c.readLineStartingWith("SUB");
                c.write("MSG\r"); // then EOF
                return;
            }
            String sub = c.readLineStartingWith("SUB");
            c.write("MSG t " + sub.trim().split(" ")[2] + " 2\r\nok\r\n");
            c.drainUntilClosed(Duration.ofSeconds(10));
        })) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(fast(rec, fake.url()).build())) {
                Subscription s = nc.subscribe("t");
                Message m = s.nextMessage(WAIT);
                assertNotNull(m, "delivered once the server behaves");
                assertEquals("ok", m.dataAsString());
                assertEquals(3, nc.statistics().reconnects());
                assertEquals(Status.CONNECTED, nc.status());
            }
        }
    }

    /** Scenario 17: requests in flight across a reconnect get their reply or time out; the inbox comes back. */
    @Test
    void requestsInFlightAcrossAReconnectCompleteOneWayOrTheOther() throws Exception {
        try (NatsServer server = NatsServer.start(); CuttableProxy proxy = CuttableProxy.to(server.port());
                Connection responder = Nats.connect(server.url())) {
            CountDownLatch answer = new CountDownLatch(1);
            responder.subscribe("slow.svc", m -> {
                answer.await(30, TimeUnit.SECONDS);
                m.respond(m.data());
            });
            responder.subscribe("svc", m -> m.respond(m.data()));
            responder.flush(WAIT);
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(fast(rec, proxy.url()).build())) {
                assertNotNull(nc.request("svc", new byte[0], WAIT));
                List<CompletableFuture<Message>> inFlight = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    inFlight.add(nc.requestAsync("slow.svc", new byte[] {(byte) i}, Duration.ofSeconds(2)));
                }
                nc.flush(WAIT);
                proxy.cut();
                await("disconnected", () -> rec.events.contains(ConnectionEvent.DISCONNECTED));
                answer.countDown();
                proxy.restore();
                await("resubscribed", () -> rec.events.contains(ConnectionEvent.RESUBSCRIBED));
                for (CompletableFuture<Message> f : inFlight) {
                    await("each request completes", f::isDone);
                }
                assertEquals("again", new String(nc.request("svc", "again".getBytes(UTF_8), WAIT).data(), UTF_8),
                        "the request inbox was resubscribed");
            }
        }
    }
}
