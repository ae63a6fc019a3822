package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting on conditions with a deadline, and listeners that record. */
final class TestSupport {

    static final Duration WAIT = Duration.ofSeconds(10);

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
