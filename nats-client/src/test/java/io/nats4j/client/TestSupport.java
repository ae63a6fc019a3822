package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Waiting on conditions with a deadline, listeners that record, and leak checks. */
final class TestSupport {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern CLIENT_THREAD =
            Pattern.compile("nats4j-(reader|writer|timer|events|dispatch|reconnect|drain|drain-sub)-\\d+");

    /** Throwables that escaped any thread during the tests; a client thread must never let one out. */
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

    private TestSupport() {
    }

    /** Waits until the condition holds, failing with {@code what} after {@link #WAIT}. */
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

    static List<String> liveClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> CLIENT_THREAD.matcher(n).matches())
                .collect(Collectors.toList());
    }

    /** After every client of a test is closed, no client thread may be left. */
    static void assertNoClientThreads() {
        await("client threads to end, still alive: " + liveClientThreads(), () -> liveClientThreads().isEmpty());
        if (!UNCAUGHT.isEmpty()) {
            fail("uncaught exceptions escaped threads: " + UNCAUGHT);
        }
    }

    /** Records listener calls, in order. */
    static final class Recorder implements ConnectionListener, ErrorListener {
        final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        final List<String> serverErrors = new CopyOnWriteArrayList<>();
        final List<Throwable> exceptions = new CopyOnWriteArrayList<>();
        final List<Subscription> slow = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(Connection connection, ConnectionEvent event) {
            events.add(event);
        }

        @Override
        public void serverError(Connection connection, String error) {
            serverErrors.add(error);
        }

        @Override
        public void exception(Connection connection, Throwable error) {
            exceptions.add(error);
        }

        @Override
        public void slowConsumer(Connection connection, Subscription subscription) {
            slow.add(subscription);
        }

        Options.Builder on(Options.Builder b) {
            return b.connectionListener(this).errorListener(this);
        }
    }
}
