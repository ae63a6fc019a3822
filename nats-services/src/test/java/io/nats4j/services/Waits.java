package io.nats4j.services;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Bounded waits on conditions, and the check that no service or client thread outlives a test class. */
final class Waits {
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern OUR_THREAD = Pattern.compile("nats4j-.*");
    private static final List<String> UNCAUGHT = new CopyOnWriteArrayList<>();

    static {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            UNCAUGHT.add(t.getName() + ": " + e);
            if (previous != null) {
                previous.uncaughtException(t, e);
            }
        });
    }

    private Waits() {
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            LockSupport.parkNanos(2_000_000); // poll interval of a bounded wait on a condition
        }
    }

    static List<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> OUR_THREAD.matcher(n).matches())
                .collect(Collectors.toList());
    }

    static void assertNoLeaks() {
        await("nats4j threads to end, still alive: " + liveThreads(), () -> liveThreads().isEmpty());
        if (!UNCAUGHT.isEmpty()) {
            fail("uncaught exceptions escaped threads: " + UNCAUGHT);
        }
    }
}
