package io.nats4j.jetstream.kv;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waits on a condition for the key/value tests. */
final class KvWaits {
    static final Duration WAIT = Duration.ofSeconds(20);

    private KvWaits() {
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            LockSupport.parkNanos(5_000_000); // poll interval of a bounded wait on a condition
        }
    }
}
