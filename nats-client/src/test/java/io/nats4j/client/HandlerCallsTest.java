package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NoRespondersException;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.NatsServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a message handler or a listener may call on its own connection, and what one slow handler holds up. */
@ExtendWith(LeakCheckExtension.class)
class HandlerCallsTest {

    @RegisterExtension
    static final NatsServerExtension NATS = NatsServerExtension.withConfig(NatsServerConfig.builder().build());

    @Test
    void aHandlerCanRequestFromAResponderOnTheSameConnection() throws Exception {
        try (Connection nc = Nats.connect(NATS.server().url())) {
            nc.subscribe("svc", m -> m.respond(("re:" + m.dataAsString()).getBytes(StandardCharsets.UTF_8)));
            CompletableFuture<String> got = new CompletableFuture<>();
            nc.subscribe("trigger", m -> got.complete(nc.request("svc", m.data(), WAIT).dataAsString()));
            nc.flush(WAIT);
            nc.publish("trigger", "x".getBytes(StandardCharsets.UTF_8));
            assertEquals("re:x", got.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aHandlerCanFlushItsConnection() throws Exception {
        try (Connection nc = Nats.connect(NATS.server().url())) {
            CompletableFuture<Boolean> flushed = new CompletableFuture<>();
            nc.subscribe("f", m -> {
                nc.publish("elsewhere", new byte[1]);
                nc.flush(WAIT);
                flushed.complete(true);
            });
            nc.flush(WAIT);
            nc.publish("f", new byte[0]);
            assertTrue(flushed.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void waitingForTheConnectionsDrainInsideAHandlerFailsAtOnceAndTheDrainStillCompletes() throws Exception {
        Connection nc = Nats.connect(NATS.server().url());
        try {
            CompletableFuture<CompletableFuture<Void>> drain = new CompletableFuture<>();
            CompletableFuture<Throwable> waitFailure = new CompletableFuture<>();
            nc.subscribe("d", m -> {
                CompletableFuture<Void> f = nc.drain(Duration.ofMinutes(1));
                drain.complete(f);
                try {
                    f.get();
                    waitFailure.complete(null);
                } catch (Throwable t) {
                    waitFailure.complete(t);
                }
            });
            nc.flush(WAIT);
            nc.publish("d", new byte[0]);
            Throwable t = waitFailure.get(10, TimeUnit.SECONDS);
            assertTrue(t instanceof NatsException, String.valueOf(t));
            assertTrue(t.getMessage().contains("from one of the connection's message handlers"), t.getMessage());
            drain.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
            assertEquals(Status.CLOSED, nc.status());
        } finally {
            nc.close();
        }
    }

    @Test
    void waitingForOwnSubscriptionsDrainFailsAtOnceWhileAnotherSubscriptionsDrainCanBeAwaited() throws Exception {
        try (Connection nc = Nats.connect(NATS.server().url())) {
            Subscription other = nc.subscribe("other", m -> { });
            CompletableFuture<Throwable> own = new CompletableFuture<>();
            CompletableFuture<Boolean> otherDrained = new CompletableFuture<>();
            Subscription[] self = new Subscription[1];
            self[0] = nc.subscribe("self", m -> {
                other.drain(WAIT).get(10, TimeUnit.SECONDS);
                otherDrained.complete(true);
                try {
                    self[0].drain(WAIT).join();
                    own.complete(null);
                } catch (Throwable t) {
                    own.complete(t);
                }
            });
            nc.flush(WAIT);
            nc.publish("self", new byte[0]);
            assertTrue(otherDrained.get(10, TimeUnit.SECONDS));
            Throwable t = own.get(10, TimeUnit.SECONDS);
            assertTrue(t instanceof NatsException && t.getMessage().contains("its own message handler"), String.valueOf(t));
            await("own drain done after the handler returned", () -> !self[0].isActive());
        }
    }

    @Test
    void aStuckHandlerHoldsUpNoOtherSubscription() throws Exception {
        try (Connection nc = Nats.connect(NATS.server().url())) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch stuck = new CountDownLatch(1);
            nc.subscribe("stuck", m -> {
                stuck.countDown();
                release.await(); // until the other subscription got everything
            });
            AtomicInteger got = new AtomicInteger();
            nc.subscribe("free", m -> got.incrementAndGet());
            nc.flush(WAIT);
            nc.publish("stuck", new byte[0]);
            assertTrue(stuck.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 100; i++) {
                nc.publish("free", new byte[1]);
            }
            nc.flush(WAIT);
            await("the free subscription received everything while the other handler is stuck", () -> got.get() == 100);
            release.countDown();
        }
    }

    @Test
    void aListenerThatThrowsIsReportedToTheErrorListener() {
        TestSupport.Recorder errors = new TestSupport.Recorder();
        Options o = Options.builder().server(NATS.server().url()).errorListener(errors)
                .connectionListener((c, e) -> {
                    throw new IllegalStateException("listener failed on " + e);
                }).build();
        try (Connection nc = Nats.connect(o)) {
            await("listener failure reported", () -> errors.exceptions.stream()
                    .anyMatch(t -> t instanceof IllegalStateException && t.getMessage().equals("listener failed on CONNECTED")));
            nc.flush(WAIT);
        }
    }

    @Test
    void aListenerCanFlushAndRequestOnItsConnection() throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Options o = Options.builder().server(NATS.server().url()).connectionListener((c, e) -> {
            if (e == ConnectionEvent.CONNECTED) {
                try {
                    c.flush(WAIT);
                    c.request("nobody.listens", new byte[0], WAIT);
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            }
        }).build();
        try (Connection nc = Nats.connect(o)) {
            // the 503 reply came through the reader while the events thread waited: no self-wait
            Throwable t = outcome.get(10, TimeUnit.SECONDS);
            assertTrue(t instanceof NoRespondersException, String.valueOf(t));
            assertEquals(Status.CONNECTED, nc.status());
        }
    }

    @Test
    void handlersRunOnThreadsOfTheApplicationsFactory() throws Exception {
        AtomicInteger made = new AtomicInteger();
        Options o = Options.builder().server(NATS.server().url()).threadFactory(r -> {
            Thread t = new Thread(r, "app-handler-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        }).build();
        try (Connection nc = Nats.connect(o)) {
            CompletableFuture<String> thread = new CompletableFuture<>();
            nc.subscribe("t", m -> thread.complete(Thread.currentThread().getName()));
            nc.flush(WAIT);
            nc.publish("t", new byte[0]);
            assertTrue(thread.get(10, TimeUnit.SECONDS).startsWith("app-handler-"), thread.get());
        }
    }
}
