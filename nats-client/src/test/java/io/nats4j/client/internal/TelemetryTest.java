package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Statistics;
import io.nats4j.protocol.NatsConnectionException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The logging policy: quiet while healthy, INFO for the connection's life, DEBUG per failed attempt, WARNING summaries. */
class TelemetryTest {

    /** Records what would be logged, at every level. */
    static final class Lines implements System.Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "io.nats4j.client";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable t) {
            lines.add(level + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + format);
        }

        @Override
        public void log(Level level, Supplier<String> msg, Throwable t) {
            lines.add(level + " " + msg.get());
        }

        List<String> at(Level level) {
            return lines.stream().filter(l -> l.startsWith(level + " ")).collect(Collectors.toList());
        }
    }

    private final Lines log = new Lines();
    private volatile Optional<String> url = Optional.of("nats://alice:***@10.0.0.1:4222");
    private final Telemetry t = new Telemetry(log, "nats4j-7 'orders'", () -> url, () -> null,
            () -> new Statistics(0, 0, 0, 0, 0, 0));

    @Test
    void theConnectionsLifeIsInfoAndRoutineEventsAreSilent() {
        t.event(ConnectionEvent.CONNECTED);
        t.event(ConnectionEvent.RESUBSCRIBED);
        t.event(ConnectionEvent.DISCOVERED_SERVERS);
        t.disconnectReason(new NatsConnectionException("connection reset"));
        t.event(ConnectionEvent.DISCONNECTED);
        t.event(ConnectionEvent.RECONNECTED);
        t.event(ConnectionEvent.LAME_DUCK);
        t.event(ConnectionEvent.CLOSED);
        List<String> info = log.at(Level.INFO);
        assertEquals(4, info.size(), log.lines.toString());
        assertEquals("INFO nats4j-7 'orders' connected to nats://alice:***@10.0.0.1:4222", info.get(0));
        assertEquals("INFO nats4j-7 'orders' disconnected from nats://alice:***@10.0.0.1:4222: connection reset", info.get(1));
        assertTrue(info.get(2).startsWith("INFO nats4j-7 'orders' reconnected to nats://alice:***@10.0.0.1:4222 after "),
                info.get(2));
        assertTrue(info.get(3).contains("lame duck"), info.get(3));
        assertEquals(List.of("DEBUG nats4j-7 'orders' closed"), log.at(Level.DEBUG));
        assertEquals(List.of(), log.at(Level.WARNING));
    }

    @Test
    void failedReconnectAttemptsAreDebugWithAWarningSummaryEveryTenth() {
        t.event(ConnectionEvent.CONNECTED);
        url = Optional.empty(); // disconnected: the last server is remembered for the lines
        t.event(ConnectionEvent.DISCONNECTED);
        for (int i = 1; i <= 25; i++) {
            t.reconnectFailed(new NatsConnectionException("connection refused: nats://alice:***@10.0.0.1:4222 (" + i + ")"));
        }
        assertEquals(25, log.at(Level.DEBUG).size());
        assertTrue(log.at(Level.DEBUG).get(0).endsWith("reconnect attempt 1 failed: connection refused: "
                + "nats://alice:***@10.0.0.1:4222 (1)"), log.at(Level.DEBUG).get(0));
        List<String> warnings = log.at(Level.WARNING);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("still reconnecting: 10 attempts failed")
                && warnings.get(0).contains("since it lost nats://alice:***@10.0.0.1:4222")
                && warnings.get(0).endsWith("last error: connection refused: nats://alice:***@10.0.0.1:4222 (10)"),
                warnings.get(0));
        assertTrue(warnings.get(1).contains("20 attempts failed"), warnings.get(1));
        assertEquals(25, t.failedReconnects());
        url = Optional.of("nats://alice:***@10.0.0.2:4222");
        t.event(ConnectionEvent.RECONNECTED);
        assertTrue(log.at(Level.INFO).get(2).endsWith(" and 25 failed attempts"), log.at(Level.INFO).get(2));
        t.event(ConnectionEvent.CLOSED);
    }

    @Test
    void serverErrorsAndSlowConsumersAreWarningsOnlyWhenNoErrorListenerHearsThem() {
        t.serverError("Permissions Violation for Publish to \"x\"", false);
        t.slowConsumer("orders.>", 10, 1000, 3, false);
        assertEquals(List.of(), log.lines);
        t.serverError("Permissions Violation for Publish to \"x\"", true);
        t.slowConsumer("orders.>", 10, 1000, 3, true);
        assertEquals(2, log.at(Level.WARNING).size(), log.lines.toString());
        assertTrue(log.at(Level.WARNING).get(1).contains("slow consumer on 'orders.>'"), log.lines.toString());
        t.event(ConnectionEvent.CLOSED);
    }
}
