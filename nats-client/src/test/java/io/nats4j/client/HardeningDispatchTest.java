package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.LeakCheckExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11 (hardening), defects 3, 8 and 9: which threads run what, calls from inside a handler, and
 * requests buffered while disconnected. Each test failed before its fix.
 */
@ExtendWith(LeakCheckExtension.class)
class HardeningDispatchTest {

    @Test
    void requestAsyncStagesRunOnClientThreads() {
        try (NatsServer server = NatsServer.start(); Connection nc = Nats.connect(server.url())) {
            nc.subscribe("echo", m -> m.respond(m.data()));
            nc.flush(WAIT);
            Set<String> names = ConcurrentHashMap.newKeySet();
            String self = Thread.currentThread().getName();
            List<CompletableFuture<Message>> calls = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                CompletableFuture<Message> f = nc.requestAsync("echo", new byte[] {(byte) i}, WAIT);
                f.thenRun(() -> names.add(Thread.currentThread().getName()));
                calls.add(f);
            }
            CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).join();
            await("every stage ran", () -> !names.isEmpty());
            names.remove(self); // a stage added after completion runs on the caller
            List<String> foreign = names.stream().filter(n -> !n.startsWith("nats4j-")).sorted().toList();
            assertTrue(foreign.isEmpty(), foreign.size() + " stages ran on threads not named nats4j-*, e.g. "
                    + foreign.subList(0, Math.min(5, foreign.size())));
        }
    }

    @Test
    void drainFromInsideAHandlerFailsFastOrWorks() throws Exception {
        try (NatsServer server = NatsServer.start(); Connection nc = Nats.connect(server.url())) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CompletableFuture<String> outcome = new CompletableFuture<>();
            nc.subscribe("self", m -> {
                try {
                    nc.drain(Duration.ofSeconds(3)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    outcome.complete("drained");
                } catch (ExecutionException | CompletionException e) {
                    failure.set(e.getCause());
                    outcome.complete("failed");
                } catch (RuntimeException e) {
                    failure.set(e);
                    outcome.complete("failed");
                }
            });
            nc.publish("self", new byte[0]);
            long start = System.nanoTime();
            String result = outcome.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (result.equals("failed")) {
                String text = String.valueOf(failure.get().getMessage());
                assertTrue(text.contains("handler") || text.contains("dispatch"), "a clear error: " + failure.get());
                assertFalse(text.contains("0 messages pending"), text);
                // failing fast: well before the 3 s drain timeout ran out (a bound, not a measurement)
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "did not fail fast");
            }
        }
    }

    @Test
    void expiredRequestsAreNotSentAfterReconnect() {
        try (NatsServer server = NatsServer.start(); CuttableProxy proxy = CuttableProxy.to(server.port());
                Connection responder = Nats.connect(server.url())) {
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            responder.subscribe("svc", m -> {
                seen.add(new String(m.data(), java.nio.charset.StandardCharsets.UTF_8));
                m.respond(m.data());
            });
            responder.flush(WAIT);
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection requester = Nats.connect(rec.on(Options.builder().server(proxy.url())
                    .reconnectWait(Duration.ofMillis(50)).reconnectJitter(Duration.ZERO, Duration.ZERO)
                    .maxReconnects(-1)).build())) {
                assertEquals("warm-up", requester.request("svc", bytes("warm-up"), WAIT).dataAsString());
                proxy.cut();
                await("DISCONNECTED", () -> rec.events.contains(ConnectionEvent.DISCONNECTED));
                CompletableFuture<Message> expired = requester.requestAsync("svc", bytes("expired"),
                        Duration.ofMillis(200));
                ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                        () -> expired.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
                assertTrue(e.getCause() instanceof NatsTimeoutException, e.toString());
                proxy.restore();
                await("RECONNECTED", () -> rec.events.contains(ConnectionEvent.RECONNECTED));
                // the marker goes after anything left in the buffer, on the same connection
                Message marker = requester.request("svc", bytes("marker"), WAIT);
                assertNotNull(marker);
                assertEquals(List.of("warm-up", "marker"), seen, "the caller had given up on 'expired'");
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
