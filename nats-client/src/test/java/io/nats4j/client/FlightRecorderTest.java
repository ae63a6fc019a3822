package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JDK Flight Recorder recording of one connection's life, written to a file and read back: every
 * {@code io.nats4j.*} event is there with its fields, and none carries the password.
 */
@ExtendWith(LeakCheckExtension.class)
class FlightRecorderTest {

    private static final List<String> EVENTS = List.of("io.nats4j.Connect", "io.nats4j.Disconnect",
            "io.nats4j.Reconnect", "io.nats4j.LameDuck", "io.nats4j.SlowConsumer", "io.nats4j.ServerError",
            "io.nats4j.Drain", "io.nats4j.Statistics");

    @TempDir
    Path dir;

    @Test
    void aRecordingShowsTheConnectionsTimelineWithoutSecrets() throws Exception {
        NatsServerConfig config = NatsServerConfig.builder()
                .users(List.of(NatsServerConfig.User.of("alice", "s3cret-pw").publishDeny(List.of("forbidden.>"))))
                .lameDuckDuration(Duration.ofSeconds(30)).lameDuckGracePeriod(Duration.ofSeconds(10)).build();
        Path file = dir.resolve("nats.jfr");
        try (NatsServer server = NatsServer.start(config); Recording recording = new Recording()) {
            for (String e : EVENTS) {
                recording.enable(e).withoutThreshold();
            }
            recording.enable("io.nats4j.Statistics").with("period", "endChunk");
            recording.start();
            String url = "nats://alice:s3cret-pw@127.0.0.1:" + server.port();
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(rec.on(Options.builder().server(url).connectionName("jfr-test")
                    .reconnectWait(Duration.ofMillis(20))).build())) {
                CountDownLatch release = new CountDownLatch(1);
                Subscription slow = nc.subscribe("slow", m -> release.await(10, TimeUnit.SECONDS));
                slow.setPendingLimits(1, 1024 * 1024);
                for (int i = 0; i < 5; i++) {
                    nc.publish("slow", new byte[8]);
                }
                nc.flush(WAIT);
                await("slow consumer", () -> !rec.slow.isEmpty());
                release.countDown();
                nc.publish("forbidden.x", new byte[1]);
                await("-ERR for the denied subject", () -> !rec.serverErrors.isEmpty());
                nc.rtt();

                server.restart();
                await("reconnected", () -> rec.events.contains(ConnectionEvent.RECONNECTED));

                try (Connection drained = Nats.connect(Options.builder().server(url).connectionName("drained").build())) {
                    drained.subscribe("d", m -> { });
                    drained.drain(WAIT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                server.lameDuck();
                await("lame duck", () -> rec.events.contains(ConnectionEvent.LAME_DUCK));
                recording.stop(); // while the connection is open: the statistics event samples it at the chunk's end
            }
            recording.dump(file);
        }

        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Map<String, List<RecordedEvent>> byType = new TreeMap<>(events.stream()
                .filter(e -> e.getEventType().getName().startsWith("io.nats4j."))
                .collect(Collectors.groupingBy(e -> e.getEventType().getName())));
        assertEquals(Set.copyOf(EVENTS), byType.keySet(), "event types recorded");

        RecordedEvent connect = only(byType, "io.nats4j.Connect", "jfr-test");
        String server = connect.getString("server");
        assertTrue(server.startsWith("nats://alice:***@127.0.0.1:"), server);
        assertFalse(connect.getString("serverVersion").isEmpty());
        RecordedEvent reconnect = only(byType, "io.nats4j.Reconnect", "jfr-test");
        assertTrue(reconnect.getDuration().toNanos() > 0, "spans the time away: " + reconnect);
        assertTrue(only(byType, "io.nats4j.Disconnect", "jfr-test").getString("reason").length() > 0);
        RecordedEvent slow = of(byType, "io.nats4j.SlowConsumer", "jfr-test").get(0); // one per episode of drops
        assertEquals("slow", slow.getString("subject"));
        assertTrue(slow.getLong("droppedMessages") >= 1, slow.toString());
        assertTrue(only(byType, "io.nats4j.ServerError", "jfr-test").getString("error").contains("Permissions Violation"));
        RecordedEvent drain = only(byType, "io.nats4j.Drain", "drained");
        assertEquals("connection", drain.getString("what"));
        assertTrue(drain.getBoolean("completed"));
        assertTrue(byType.get("io.nats4j.LameDuck").stream().anyMatch(e -> e.getString("connection").contains("jfr-test")));
        RecordedEvent stats = byType.get("io.nats4j.Statistics").stream()
                .filter(e -> e.getString("connection").contains("'jfr-test'")).reduce((a, b) -> b).orElseThrow();
        assertTrue(stats.getLong("outMsgs") >= 6, stats.toString());
        assertTrue(stats.getLong("reconnects") == 1 && stats.getLong("reconnectAttempts") >= 1, stats.toString());
        assertTrue(stats.getLong("droppedMessages") >= 1 && stats.getLong("lastRtt") > 0, stats.toString());
        RecordedEvent last = byType.get("io.nats4j.Statistics").stream()
                .filter(e -> e.getString("connection").contains("'drained'") && e.getBoolean("closing")).findFirst()
                .orElseThrow(() -> new AssertionError("no closing snapshot of the drained connection"));
        assertEquals(0, last.getLong("pendingMessages"), last.toString());
        for (RecordedEvent e : events) {
            assertFalse(e.toString().contains("s3cret"), "a secret in " + e);
        }
    }

    private static List<RecordedEvent> of(Map<String, List<RecordedEvent>> byType, String type, String connection) {
        List<RecordedEvent> l = byType.getOrDefault(type, List.of()).stream()
                .filter(e -> e.getString("connection").contains("'" + connection + "'")).collect(Collectors.toList());
        assertFalse(l.isEmpty(), "no " + type + " of " + connection);
        return l;
    }

    private static RecordedEvent only(Map<String, List<RecordedEvent>> byType, String type, String connection) {
        List<RecordedEvent> l = of(byType, type, connection);
        assertEquals(1, l.size(), type + " of " + connection + ": " + l);
        return l.get(0);
    }
}
