package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenarios found in review of the engine: each failed before its fix. */
@ExtendWith(LeakCheckExtension.class)
class EngineEdgeTest {


    @Test
    void aSessionThatDiesRightAfterReconnectingStartsAnotherReconnect() {
        try (FakeServer fake = FakeServer.start(c -> {
            c.writeInfo();
            c.acceptHandshake(); // then the script ends and the socket closes at once
        })) {
            Connection nc = Nats.connect(Options.builder().server(fake.url()).maxReconnects(-1)
                    .reconnectWait(Duration.ofMillis(5)).reconnectJitter(Duration.ZERO, Duration.ZERO).build());
            try {
                await("keeps reconnecting", () -> fake.connections() >= 12);
            } finally {
                nc.close();
            }
        }
    }

    @Test
    void closeDuringDrainStopsDeliveryAndThreads() throws Exception {
        try (NatsServer server = NatsServer.start()) {
            Connection nc = Nats.connect(server.url());
            AtomicInteger handled = new AtomicInteger();
            CountDownLatch first = new CountDownLatch(1);
            nc.subscribe("slow", m -> {
                first.countDown();
                handled.incrementAndGet();
                TimeUnit.MILLISECONDS.sleep(50);
            });
            for (int i = 0; i < 200; i++) {
                nc.publish("slow", new byte[1]);
            }
            nc.flush(WAIT);
            assertTrue(first.await(10, TimeUnit.SECONDS));
            CompletableFuture<Void> drain = nc.drain(Duration.ofMinutes(1));
            nc.close();
            assertEquals(Status.CLOSED, nc.status());
            LeakCheckExtension.assertNoClientThreads(TestSupport.WAIT);
            assertTrue(handled.get() < 200, "close() stopped the drain's deliveries");
            assertTrue(drain.isDone());
        }
    }

    @Test
    void anExecutorThatRefusesOnceDoesNotStallTheSubscription() {
        ExecutorService real = Executors.newSingleThreadExecutor();
        AtomicBoolean refusedOnce = new AtomicBoolean();
        TestSupport.Recorder rec = new TestSupport.Recorder();
        try (NatsServer server = NatsServer.start();
             Connection nc = Nats.connect(rec.on(Options.builder().server(server.url()).executor(task -> {
                 if (refusedOnce.compareAndSet(false, true)) {
                     throw new RejectedExecutionException("busy");
                 }
                 real.execute(task);
             })).build())) {
            AtomicInteger got = new AtomicInteger();
            nc.subscribe("r", m -> got.incrementAndGet());
            for (int i = 0; i < 100; i++) {
                nc.publish("r", new byte[1]);
            }
            nc.flush(WAIT);
            await("delivery resumed after the refusal", () -> got.get() == 100);
            await("refusal reported", () -> rec.exceptions.stream().anyMatch(t -> t.getMessage().contains("refused")));
        } finally {
            real.shutdownNow();
        }
    }

    @Test
    void stagesOfRequestAsyncMayBlockWithoutStoppingTheReader() {
        try (NatsServer server = NatsServer.start(); Connection nc = Nats.connect(server.url())) {
            nc.subscribe("svc", m -> m.respond(m.data()));
            nc.flush(WAIT);
            String nested = nc.requestAsync("svc", "outer".getBytes(StandardCharsets.UTF_8), WAIT)
                    .thenApply(outer -> nc.request("svc", "inner".getBytes(StandardCharsets.UTF_8), WAIT).dataAsString())
                    .join();
            assertEquals("inner", nested);
        }
    }

    @Test
    void aSlowListenerDoesNotDelayRequestTimeouts() {
        CountDownLatch release = new CountDownLatch(1);
        try (NatsServer server = NatsServer.start();
             Connection nc = Nats.connect(Options.builder().server(server.url()).connectionListener((c, e) -> {
                 try {
                     release.await(30, TimeUnit.SECONDS);
                 } catch (InterruptedException ie) {
                     Thread.currentThread().interrupt();
                 }
             }).build())) {
            nc.subscribe("quiet", m -> { });
            nc.flush(WAIT);
            CompletionException e = assertThrows(CompletionException.class,
                    () -> nc.requestAsync("quiet", new byte[0], Duration.ofMillis(50)).join());
            assertTrue(e.getCause() instanceof NatsTimeoutException, e.toString());
            assertEquals(1, release.getCount(), "the listener was still blocked while the timeout fired");
            release.countDown();
        }
    }

    @Test
    @Timeout(60)
    void retryOnFailedConnectReturnsOnceTheFirstAttemptFailedAndKeepsTrying() {
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        try (FakeServer fake = FakeServer.start(c -> {
            if (connections.incrementAndGet() == 1) {
                c.drainUntilClosed(Duration.ofSeconds(30)); // says nothing: the first connect times out
                return;
            }
            c.writeInfo();
            c.acceptHandshake();
            c.drainUntilClosed(Duration.ofSeconds(30));
        })) {
            Connection nc = Nats.connect(Options.builder().server(fake.url()).retryOnFailedConnect(true)
                    .connectTimeout(Duration.ofMillis(500)).reconnectWait(Duration.ofMillis(50)).build());
            try {
                assertEquals(Status.CONNECTING, nc.status());
                await("connected once the server answered", () -> nc.status() == Status.CONNECTED);
                assertFalse(nc.connectedUrl().isEmpty());
            } finally {
                nc.close();
            }
        }
    }
}
