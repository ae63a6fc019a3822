package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.fail;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServerConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting on conditions, JetStream server configs, unique names, and leak checks. */
final class JsTestSupport {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private JsTestSupport() {
    }

    static NatsServerConfig jetStream() {
        return NatsServerConfig.builder().jetstream().build();
    }

    static String unique(String prefix) {
        return prefix + NAMES.incrementAndGet();
    }

    static Connection connect(String url) {
        return Nats.connect(Options.builder().server(url).reconnectWait(Duration.ofMillis(100))
                .maxReconnects(-1).build());
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, WAIT, condition);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            LockSupport.parkNanos(2_000_000); // poll interval of a bounded wait on a condition
        }
    }

    /** After every connection of a test is closed, no client or JetStream thread may be left. */
    static void assertNoLeaks() {
        LeakCheckExtension.assertNoClientThreads(WAIT);
    }
}
