package io.nats4j.client.internal;

import io.nats4j.client.Statistics;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The client's JDK Flight Recorder events, named {@code io.nats4j.*} in the category "NATS", so
 * {@code jcmd <pid> JFR.start} (or {@code -XX:StartFlightRecording}) shows a connection's timeline
 * with no agent and no library: connects, disconnects, reconnects, lame duck, slow consumers, server
 * errors, drains, and every 10 s a statistics snapshot of each open connection (and a last one as it
 * closes, so a short-lived connection's totals are in the recording too).
 *
 * <p>Cheap when no recording runs: each event checks {@code shouldCommit()} before it builds
 * anything. No event carries a secret: server URLs are redacted, and server error texts are what the
 * server sent (it never echoes credentials).
 */
final class FlightEvents {

    private static final String CATEGORY = "NATS";

    /** The statistics of every open connection, sampled by the periodic event. */
    private static final Set<Source> OPEN = ConcurrentHashMap.newKeySet();

    static {
        try {
            FlightRecorder.addPeriodicEvent(StatisticsEvent.class, FlightEvents::sample);
        } catch (RuntimeException unavailable) {
            // a JVM without a usable Flight Recorder (or a security manager refusing it): the
            // connection works the same, only the periodic statistics event is missing
            System.getLogger("io.nats4j.client").log(System.Logger.Level.DEBUG,
                    "no periodic io.nats4j.Statistics event: " + unavailable);
        }
    }

    private FlightEvents() {
    }

    /** An open connection whose statistics the periodic event samples. */
    record Source(String connection, Supplier<Statistics> statistics) {
    }

    static void open(Source source) {
        OPEN.add(source);
    }

    static void closed(Source source) {
        OPEN.remove(source);
    }

    private static void sample() {
        for (Source s : OPEN) {
            if (!snapshot(s, false)) {
                return;
            }
        }
    }

    /**
     * Commits one statistics event for {@code s}.
     *
     * @param closing whether this is the snapshot taken as the connection closed
     * @return false when the event is not enabled
     */
    static boolean snapshot(Source s, boolean closing) {
        StatisticsEvent e = new StatisticsEvent();
        if (!e.shouldCommit()) {
            return false;
        }
        Statistics st = s.statistics().get();
        e.connection = s.connection();
        e.closing = closing;
        e.inMsgs = st.inMsgs();
        e.outMsgs = st.outMsgs();
        e.inBytes = st.inBytes();
        e.outBytes = st.outBytes();
        e.reconnects = st.reconnects();
        e.reconnectAttempts = st.reconnectAttempts();
        e.droppedMessages = st.droppedMessages();
        e.pendingMessages = st.pendingMessages();
        e.pendingBytes = st.pendingBytes();
        e.lastRtt = st.lastRtt().map(d -> d.toNanos()).orElse(-1L);
        e.outboundHighWaterMark = st.outboundHighWaterMark();
        e.commit();
        return true;
    }

    /** Base of the per-connection events: which connection, which server. */
    @Category(CATEGORY)
    @StackTrace(false)
    abstract static class ConnectionEventBase extends Event {
        @Label("Connection")
        @Description("The client's connection: its id and connectionName")
        String connection;

        @Label("Server")
        @Description("The server URL, credentials redacted")
        String server;
    }

    /** A connection completed its first handshake. */
    @Name("io.nats4j.Connect")
    @Label("NATS Connect")
    @Description("A connection completed its first handshake with a server")
    static final class ConnectEvent extends ConnectionEventBase {
        @Label("Server Id")
        String serverId;

        @Label("Server Version")
        String serverVersion;
    }

    /** A connection lost its server. */
    @Name("io.nats4j.Disconnect")
    @Label("NATS Disconnect")
    @Description("A connection lost its session with a server")
    static final class DisconnectEvent extends ConnectionEventBase {
        @Label("Reason")
        String reason;
    }

    /** A connection is back after a disconnect; the event spans the time it was away. */
    @Name("io.nats4j.Reconnect")
    @Label("NATS Reconnect")
    @Description("A connection completed a handshake again after a disconnect; the duration is the time it was away")
    static final class ReconnectEvent extends ConnectionEventBase {
        @Label("Failed Attempts")
        @Description("Handshakes that failed before this one succeeded")
        long failedAttempts;
    }

    /** The server announced it is shutting down (lame duck mode). */
    @Name("io.nats4j.LameDuck")
    @Label("NATS Lame Duck")
    @Description("The server announced lame duck mode: it will close its clients soon")
    static final class LameDuckEvent extends ConnectionEventBase {
    }

    /** A subscription started dropping messages. */
    @Name("io.nats4j.SlowConsumer")
    @Label("NATS Slow Consumer")
    @Description("A subscription's pending limits were hit: messages are being dropped")
    static final class SlowConsumerEvent extends ConnectionEventBase {
        @Label("Subject")
        String subject;

        @Label("Pending Messages")
        long pendingMessages;

        @Label("Pending Bytes")
        @DataAmount
        long pendingBytes;

        @Label("Dropped Messages")
        long droppedMessages;
    }

    /** The server sent {@code -ERR}. */
    @Name("io.nats4j.ServerError")
    @Label("NATS Server Error")
    @Description("The server sent -ERR")
    static final class ServerErrorEvent extends ConnectionEventBase {
        @Label("Error")
        String error;
    }

    /** A drain of a connection or of one subscription; the event spans the drain. */
    @Name("io.nats4j.Drain")
    @Label("NATS Drain")
    @Description("A drain of a connection or a subscription, from its start to its end")
    static final class DrainEvent extends ConnectionEventBase {
        @Label("What")
        @Description("\"connection\", or the subscription's subject")
        String what;

        @Label("Completed")
        @Description("false when it timed out or failed")
        boolean completed;
    }

    /** Every 10 s while a recording runs, each open connection's statistics; and a last one as it closes. */
    @Name("io.nats4j.Statistics")
    @Label("NATS Statistics")
    @Description("A snapshot of a connection's statistics")
    @Category(CATEGORY)
    @StackTrace(false)
    @Period("10 s")
    static final class StatisticsEvent extends Event {
        @Label("Connection")
        String connection;

        @Label("Closing")
        @Description("true for the last snapshot, taken as the connection closed")
        boolean closing;

        @Label("Messages In")
        long inMsgs;

        @Label("Messages Out")
        long outMsgs;

        @Label("Bytes In")
        @DataAmount
        long inBytes;

        @Label("Bytes Out")
        @DataAmount
        long outBytes;

        @Label("Reconnects")
        long reconnects;

        @Label("Reconnect Attempts")
        long reconnectAttempts;

        @Label("Dropped Messages")
        long droppedMessages;

        @Label("Pending Messages")
        long pendingMessages;

        @Label("Pending Bytes")
        @DataAmount
        long pendingBytes;

        @Label("Last RTT")
        @Description("The last measured round trip to the server; -1 when none was measured yet")
        @Timespan(Timespan.NANOSECONDS)
        long lastRtt;

        @Label("Outbound High-Water Mark")
        @Description("The most bytes the outbound buffer ever held")
        @DataAmount
        long outboundHighWaterMark;
    }
}
