package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.fail;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.testing.NatsServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Waiting on conditions, JetStream server configs, unique names, and leak checks. */
final class JsTestSupport {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Pattern OUR_THREAD =
            Pattern.compile("nats4j-(reader|writer|timer|events|dispatch|reconnect|drain|drain-sub|js|js-timer)-\\d+");
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

    static List<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> OUR_THREAD.matcher(n).matches())
                .collect(Collectors.toList());
    }

    /** After every connection of a test is closed, no client or JetStream thread may be left. */
    static void assertNoLeaks() {
        await("threads to end, still alive: " + liveThreads(), () -> liveThreads().isEmpty());
        if (!UNCAUGHT.isEmpty()) {
            fail("uncaught exceptions escaped threads: " + UNCAUGHT);
        }
    }
}
