package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.ErrorListener;
import io.nats4j.client.Registration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The events path: ordering, listener failures, and logging when nobody listens. */
class ListenersTest {

    /** Records what would be logged. */
    static final class RecordingLogger implements System.Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<Throwable> thrown = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return Listeners.LOGGER;
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable t) {
            lines.add(level + " " + msg);
            thrown.add(t);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + format);
        }

        @Override
        public void log(Level level, Supplier<String> msg, Throwable t) {
            log(level, (ResourceBundle) null, msg.get(), t);
        }
    }

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void withoutAnErrorListenerAHandlerExceptionIsLoggedOncePerKindAtWarning() {
        Listeners l = new Listeners(log, null, Thread::new, null, null);
        IllegalStateException first = new IllegalStateException("boom 1");
        l.error("message handler", first);
        l.error("message handler", new IllegalStateException("boom 2"));
        l.error("message handler", new ArithmeticException("other kind"));
        l.error("reconnect", new IllegalStateException("other site"));
        assertEquals(3, log.lines.size(), log.lines.toString());
        assertTrue(log.lines.get(0).startsWith("WARNING message handler"), log.lines.get(0));
        assertSame(first, log.thrown.get(0));
        l.shutdown(System.nanoTime());
    }

    @Test
    void aThrowingConnectionListenerIsReportedToErrorListenersAndAThrowingErrorListenerIsLogged() throws Exception {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        List<ConnectionEvent> heard = new CopyOnWriteArrayList<>();
        ErrorListener errors = new ErrorListener() {
            @Override
            public void exception(Connection c, Throwable t) {
                reported.add(t);
                if (t.getMessage().equals("listener 2")) {
                    throw new IllegalArgumentException("error listener failed");
                }
            }
        };
        Listeners l = new Listeners(log, null, Thread::new, (c, e) -> {
            throw new IllegalStateException("listener " + e.ordinal());
        }, errors);
        Registration r = l.addConnectionListener((c, e) -> heard.add(e));
        l.event(ConnectionEvent.CONNECTED);
        l.event(ConnectionEvent.RECONNECTED);
        r.close();
        l.event(ConnectionEvent.LAME_DUCK);
        l.shutdown(System.nanoTime() + 10_000_000_000L);
        assertEquals(List.of(ConnectionEvent.CONNECTED, ConnectionEvent.RECONNECTED), heard, "in order, until closed");
        assertEquals(List.of("listener 0", "listener 2", "listener 5"), reported.stream().map(Throwable::getMessage).toList());
        assertEquals(1, log.lines.size(), "the error listener's own failure is logged");
        assertTrue(log.lines.get(0).contains("error listener"), log.lines.get(0));
    }
}
