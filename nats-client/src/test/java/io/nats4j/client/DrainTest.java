package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.NatsServerExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(LeakCheckExtension.class)
class DrainTest {

    @RegisterExtension
    static final NatsServerExtension NATS = NatsServerExtension.withConfig(NatsServerConfig.builder().build());


    @Test
    void connectionDrainDeliversEverythingInFlightThenCloses() throws Exception {
        TestSupport.Recorder rec = new TestSupport.Recorder();
        Connection nc = Nats.connect(rec.on(Options.builder().server(NATS.server().url())).build());
        Connection pub = Nats.connect(NATS.server().url());
        try {
            AtomicInteger got = new AtomicInteger();
            CountDownLatch first = new CountDownLatch(1);
            nc.subscribe("work", m -> {
                first.countDown();
                got.incrementAndGet();
                // slow enough that messages pile up in the pending queue
                java.util.concurrent.locks.LockSupport.parkNanos(20_000);
            });
            nc.flush(WAIT);
            int n = 2000;
            for (int i = 0; i < n; i++) {
                pub.publish("work", new byte[16]);
            }
            pub.flush(WAIT);
            assertTrue(first.await(10, TimeUnit.SECONDS));
            CompletableFuture<Void> done = nc.drain(Duration.ofSeconds(20));
            assertEquals(Status.DRAINING, nc.status());
            assertThrows(NatsException.class, () -> nc.subscribe("new.sub"));
            nc.publish("still.allowed", new byte[1]);
            done.get(30, TimeUnit.SECONDS);
            assertEquals(n, got.get(), "drain lost messages");
            assertEquals(Status.CLOSED, nc.status());
            await("CLOSED event", () -> rec.events.contains(ConnectionEvent.CLOSED));
        } finally {
            nc.close();
            pub.close();
        }
    }

    @Test
    void drainTimeoutIsReportedAndTheConnectionStillCloses() {
        Connection nc = Nats.connect(NATS.server().url());
        CountDownLatch release = new CountDownLatch(1);
        try {
            nc.subscribe("stuck", m -> release.await(30, TimeUnit.SECONDS));
            nc.publish("stuck", new byte[1]);
            nc.publish("stuck", new byte[1]);
            nc.flush(WAIT);
            CompletableFuture<Void> done = nc.drain(Duration.ofMillis(200));
            CompletionException e = assertThrows(CompletionException.class, done::join);
            assertTrue(e.getCause() instanceof NatsTimeoutException, e.toString());
            assertEquals(Status.CLOSED, nc.status());
        } finally {
            release.countDown();
            nc.close();
        }
    }

    @Test
    void subscriptionDrainKeepsTheConnectionOpen() throws Exception {
        try (Connection nc = Nats.connect(NATS.server().url())) {
            AtomicInteger got = new AtomicInteger();
            Subscription sub = nc.subscribe("sd", m -> got.incrementAndGet());
            nc.flush(WAIT);
            for (int i = 0; i < 500; i++) {
                nc.publish("sd", new byte[8]);
            }
            sub.drain(WAIT).get(20, TimeUnit.SECONDS);
            assertEquals(500, got.get());
            assertFalse(sub.isActive());
            nc.publish("sd", new byte[8]);
            nc.flush(WAIT);
            assertEquals(500, got.get());
            assertEquals(Status.CONNECTED, nc.status());
        }
    }
}
