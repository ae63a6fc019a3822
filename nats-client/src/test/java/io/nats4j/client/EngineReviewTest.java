package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.NatsServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Defects a review of the redesigned engine found (requestAsync/drain stages waiting for each other,
 * CLOSED lost at close, authenticators throwing, retryOnFailedConnect), against a real server. Each
 * test failed before its fix.
 */
@ExtendWith(LeakCheckExtension.class)
class EngineReviewTest {

    @RegisterExtension
    static final NatsServerExtension NATS = NatsServerExtension.withConfig(NatsServerConfig.builder().build());

    /** An authenticator that throws a RuntimeException once, on the first reconnect attempt. */
    @Test
    void aReconnectSurvivesAnAuthenticatorThatThrowsOnce() throws Exception {
        try (io.nats4j.testing.NatsServer server = io.nats4j.testing.NatsServer.start()) {
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            TestSupport.Recorder rec = new TestSupport.Recorder();
            Connection nc = Nats.connect(rec.on(Options.builder().server(server.url())
                    .reconnectWait(Duration.ofMillis(50)).maxReconnects(-1)
                    .authenticator(info -> {
                        if (calls.incrementAndGet() == 2) {
                            throw new IllegalStateException("token source unavailable");
                        }
                        return io.nats4j.protocol.spi.ConnectAuth.NONE;
                    })).build());
            try {
                server.restart();
                try {
                    TestSupport.await("reconnect", () -> rec.events.contains(ConnectionEvent.RECONNECTED)
                            || nc.status() == Status.CLOSED);
                } catch (AssertionError e) {
                    throw new AssertionError("neither reconnected nor closed: status " + nc.status() + ", authenticator calls "
                            + calls.get() + ", errors " + rec.exceptions + ", events " + rec.events, e);
                }
            } finally {
                nc.close();
            }
        }
    }

    /** retryOnFailedConnect: "when the first connect fails, return a connection anyway" - here it does not fail. */
    @Test
    void retryOnFailedConnectWithAServerUpIsConnectedWhenConnectReturns() {
        try (Connection nc = Nats.connect(Options.builder().server(NATS.server().url()).retryOnFailedConnect(true).build())) {
            nc.flush(WAIT); // the server is up: nothing failed
            assertEquals(Status.CONNECTED, nc.status());
        }
    }

    /** retryOnFailedConnect with maxReconnects 0 and a server up: never even tried. */
    @Test
    void retryOnFailedConnectWithNoReconnectsStillTriesOnce() {
        try (Connection nc = Nats.connect(Options.builder().server(NATS.server().url()).retryOnFailedConnect(true)
                .maxReconnects(0).build())) {
            TestSupport.await("connected or closed", () -> nc.status() == Status.CONNECTED || nc.status() == Status.CLOSED);
            assertEquals(Status.CONNECTED, nc.status());
        }
    }

    /** An authenticator throwing a RuntimeException on the first connect: connect() fails, nothing stays behind. */
    @Test
    void aFirstConnectWhoseAuthenticatorThrowsLeavesNoThread() {
        Options o = Options.builder().server(NATS.server().url()).authenticator(info -> {
            throw new IllegalStateException("token source unavailable");
        }).build();
        Throwable t = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, () -> Nats.connect(o));
        org.junit.jupiter.api.Assertions.assertTrue(t instanceof io.nats4j.protocol.NatsException, "not a NatsException: " + t);
    }

    /** close() while a handler is busy: the listener must still hear CLOSED. */
    @org.junit.jupiter.api.RepeatedTest(3)
    void closedIsAnnouncedEvenWhenAHandlerHeldCloseUp() throws Exception {
        TestSupport.Recorder rec = new TestSupport.Recorder();
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        Connection nc = Nats.connect(rec.on(Options.builder().server(NATS.server().url())).build());
        nc.subscribe("busy", m -> {
            entered.countDown();
            try {
                never.await(); // a slow handler; close() interrupts it after its grace period
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        nc.flush(WAIT);
        nc.publish("busy", new byte[0]);
        entered.await(10, TimeUnit.SECONDS);
        nc.close();
        TestSupport.await("CLOSED event", Duration.ofSeconds(3), () -> rec.events.contains(ConnectionEvent.CLOSED));
    }

    /** The events thread is busy when close() runs: CLOSED is queued behind, then discarded by shutdownNow(). */
    @Test
    void closedIsAnnouncedAfterABusyListener() throws Exception {
        java.util.List<ConnectionEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch inListener = new java.util.concurrent.CountDownLatch(1);
        Connection nc = Nats.connect(Options.builder().server(NATS.server().url())
                .connectionListener((c, e) -> events.add(e))
                .errorListener(new ErrorListener() {
                    @Override
                    public void exception(Connection c, Throwable t) {
                        inListener.countDown();
                        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2500);
                        while (System.nanoTime() < until) { // a slow listener (e.g. a blocking log sink), interrupts ignored
                            java.util.concurrent.locks.LockSupport.parkNanos(until - System.nanoTime());
                        }
                    }
                }).build());
        nc.subscribe("boom", m -> {
            throw new IllegalStateException("handler failed");
        });
        nc.flush(WAIT);
        nc.publish("boom", new byte[0]);
        inListener.await(10, TimeUnit.SECONDS);
        nc.close();
        TestSupport.await("CLOSED event", Duration.ofSeconds(5), () -> events.contains(ConnectionEvent.CLOSED));
    }

    /** A requestAsync stage that waits (bounded) for a second requestAsync on the same connection. */
    @Test
    void aRequestAsyncStageCanWaitForAnotherRequestAsync() throws Exception {
        try (Connection nc = Nats.connect(NATS.server().url())) {
            nc.subscribe("svc", m -> m.respond(m.data()));
            nc.flush(WAIT);
            CompletableFuture<String> outer = nc.requestAsync("svc", "a".getBytes(StandardCharsets.UTF_8), WAIT)
                    .thenApply(m -> {
                        try {
                            return nc.requestAsync("svc", "b".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2))
                                    .get(3, TimeUnit.SECONDS).dataAsString();
                        } catch (Exception e) {
                            return "inner failed: " + e;
                        }
                    });
            assertEquals("b", outer.get(10, TimeUnit.SECONDS));
        }
    }

    /** A requestAsync stage that join()s a second requestAsync never returns, not even after close(). */
    @Test
    void closeEndsEveryThreadEvenWithARequestAsyncStageWaitingForAnother() throws Exception {
        java.util.concurrent.CountDownLatch inStage = new java.util.concurrent.CountDownLatch(1);
        Connection nc = Nats.connect(NATS.server().url());
        nc.subscribe("svc", m -> m.respond(m.data()));
        nc.flush(WAIT);
        nc.requestAsync("svc", new byte[1], WAIT).thenAccept(m -> {
            inStage.countDown();
            nc.requestAsync("svc", new byte[1], Duration.ofSeconds(1)).join(); // bounded: the request has a 1 s timeout
        });
        inStage.await(10, TimeUnit.SECONDS);
        nc.close();
        io.nats4j.testing.LeakCheckExtension.assertNoClientThreads(Duration.ofSeconds(5));
    }

    /** A stage on one subscription's drain future waits (bounded) for another subscription's drain. */
    @Test
    void aDrainStageCanWaitForAnotherDrain() throws Exception {
        try (Connection nc = Nats.connect(NATS.server().url())) {
            Subscription one = nc.subscribe("one", m -> { });
            Subscription two = nc.subscribe("two", m -> { });
            nc.flush(WAIT);
            CompletableFuture<String> result = one.drain(WAIT).thenApply(v -> {
                try {
                    two.drain(WAIT).get(3, TimeUnit.SECONDS);
                    return "drained";
                } catch (Exception e) {
                    return "second drain failed: " + e;
                }
            });
            assertEquals("drained", result.get(10, TimeUnit.SECONDS));
        }
    }

    /** A connection that closes because of a failure tells the requests it fails why (issue 9: keep the close cause). */
    @Test
    void aRequestFailedByAClosingConnectionCarriesTheCloseCause() throws Exception {
        try (io.nats4j.testing.NatsServer server = io.nats4j.testing.NatsServer.start()) {
            Connection nc = Nats.connect(Options.builder().server(server.url()).maxReconnects(0).build());
            try {
                nc.subscribe("silent", m -> { }); // never answers
                nc.flush(WAIT);
                CompletableFuture<Message> pending = nc.requestAsync("silent", new byte[0], Duration.ofMinutes(1));
                server.close();
                Throwable t = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> pending.get(10, TimeUnit.SECONDS)).getCause();
                org.junit.jupiter.api.Assertions.assertTrue(t instanceof io.nats4j.protocol.NatsConnectionException, t.toString());
                org.junit.jupiter.api.Assertions.assertNotNull(t.getCause(), "the close cause is lost: " + t);
            } finally {
                nc.close();
            }
        }
    }
}
