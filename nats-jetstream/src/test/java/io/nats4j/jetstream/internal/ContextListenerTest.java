package io.nats4j.jetstream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.PubAck;
import io.nats4j.jetstream.PublishOptions;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.NatsServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contexts created again and again on one connection leave no connection listener behind. */
@ExtendWith(LeakCheckExtension.class)
class ContextListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static NatsServerExtension nats = NatsServerExtension.withConfig(NatsServerConfig.builder().jetstream().build());

    private static Connection connect() {
        return Nats.connect(Options.builder().server(nats.server().url()).build());
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            LockSupport.parkNanos(2_000_000); // poll interval of a bounded wait on a condition
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void manyContextsOnOneConnectionDoNotAccumulateListeners() throws Exception {
        try (Connection nc = connect()) {
            JetStream first = JetStream.of(nc);
            first.createStream(StreamConfig.builder().name("LIS").subjects("lis.>").storage(StorageType.MEMORY).build());
            JsRuntime rt = JsRuntime.existing(nc);
            assertNotNull(rt);
            int baseline = rt.listenerCount();
            for (int i = 0; i < 200; i++) {
                JetStream js = JetStream.of(nc);
                assertEquals(i + 1, js.publish("lis.sync", bytes("s" + i)).sequence());
                assertEquals(baseline, rt.listenerCount(), "context " + i + " created and used synchronously");
            }
            for (int i = 0; i < 50; i++) {
                JetStream js = JetStream.of(nc);
                PubAck ack = js.publishAsync("lis.async", null, bytes("a" + i), PublishOptions.DEFAULT)
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertEquals("LIS", ack.stream());
                assertTrue(rt.listenerCount() <= baseline + i + 1);
            }
            await("the listeners of idle async publishers are released", () -> rt.listenerCount() == baseline);
            assertEquals(0, first.publishAsyncPending());
            PubAck again = first.publishAsync("lis.async", null, bytes("again"), PublishOptions.DEFAULT)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals("LIS", again.stream(), "an idle publisher arms itself again");
        }
    }

    @Test
    void closeStillFailsPendingAsyncPublishes() throws Exception {
        Connection nc = connect();
        try {
            nc.subscribe("silent", m -> { }); // a responder that never answers: no 503, no ack
            JetStream js = JetStream.of(nc);
            CompletableFuture<PubAck> f = js.publishAsync("silent", null, bytes("x"),
                    PublishOptions.builder().timeout(Duration.ofMinutes(5)).build());
            await("the publish is pending", () -> js.publishAsyncPending() == 1);
            assertFalse(f.isDone());
            nc.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertInstanceOf(NatsConnectionException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("connection closed"), e.getCause().getMessage());
            assertEquals(0, js.publishAsyncPending());
        } finally {
            nc.close();
        }
        LeakCheckExtension.assertNoClientThreads(WAIT);
    }
}
