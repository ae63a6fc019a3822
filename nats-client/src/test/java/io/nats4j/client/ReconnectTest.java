package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class ReconnectTest {


    private static Options.Builder fast(TestSupport.Recorder rec, String url) {
        return rec.on(Options.builder().server(url).reconnectWait(Duration.ofMillis(50))
                .reconnectJitter(Duration.ZERO, Duration.ZERO).maxReconnects(-1));
    }

    @Test
    void subscriptionsAndBufferedPublishesSurviveARestart() {
        try (NatsServer server = NatsServer.start()) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(fast(rec, server.url()).build());
                 Connection other = Nats.connect(fast(new TestSupport.Recorder(), server.url()).build())) {
                Subscription sub = nc.subscribe("survive");
                Subscription queue = nc.subscribe("q.survive", "grp");
                nc.flush(WAIT);
                server.stop();
                await("reconnecting", () -> nc.status() == Status.RECONNECTING);
                nc.publish("survive", "sent while down".getBytes());
                Subscription late = nc.subscribe("late.sub");
                server.restart();
                await("reconnected", () -> nc.status() == Status.CONNECTED);
                await("events", () -> rec.events.size() >= 4);
                assertEquals(List.of(ConnectionEvent.CONNECTED, ConnectionEvent.DISCONNECTED,
                        ConnectionEvent.RECONNECTED, ConnectionEvent.RESUBSCRIBED), rec.events.subList(0, 4));
                assertEquals(1, nc.statistics().reconnects());
                assertEquals("sent while down", sub.nextMessage(WAIT).dataAsString());
                await("other reconnected", () -> other.status() == Status.CONNECTED);
                other.flush(WAIT);
                nc.flush(WAIT);
                other.publish("late.sub", "x".getBytes());
                other.publish("q.survive", "y".getBytes());
                assertNotNull(late.nextMessage(WAIT));
                assertNotNull(queue.nextMessage(WAIT));
                assertEquals("grp", queue.queueGroup().orElseThrow());
            }
        }
    }

    @Test
    void autoUnsubscribeKeepsOnlyItsRemainingCountAfterReconnect() {
        try (NatsServer server = NatsServer.start()) {
            try (Connection nc = Nats.connect(fast(new TestSupport.Recorder(), server.url()).build())) {
                Subscription sub = nc.subscribe("limited");
                sub.unsubscribe(5);
                for (int i = 0; i < 3; i++) {
                    nc.publish("limited", new byte[1]);
                }
                nc.flush(WAIT);
                await("3 received", () -> sub.pendingMessages() == 3);
                server.restart();
                await("reconnected", () -> nc.status() == Status.CONNECTED);
                nc.flush(WAIT);
                for (int i = 0; i < 10; i++) {
                    nc.publish("limited", new byte[1]);
                }
                nc.flush(WAIT);
                int got = 0;
                while (got < 10) {
                    try {
                        if (sub.nextMessage(Duration.ofMillis(300)) == null) {
                            break;
                        }
                        got++;
                    } catch (io.nats4j.protocol.NatsException done) {
                        break;
                    }
                }
                assertEquals(5, got);
            }
        }
    }

    @Test
    void reconnectBufferLimitsAreEnforced() {
        try (NatsServer server = NatsServer.start()) {
            try (Connection nc = Nats.connect(fast(new TestSupport.Recorder(), server.url()).reconnectBufferSize(1024).build());
                 Connection none = Nats.connect(fast(new TestSupport.Recorder(), server.url()).reconnectBufferSize(0).build())) {
                server.stop();
                await("both reconnecting", () -> nc.status() == Status.RECONNECTING && none.status() == Status.RECONNECTING);
                nc.publish("a", new byte[500]);
                NatsConnectionException full = assertThrows(NatsConnectionException.class, () -> nc.publish("a", new byte[600]));
                assertTrue(full.getMessage().contains("buffer"), full.getMessage());
                assertThrows(NatsConnectionException.class, () -> none.publish("a", new byte[1]));
            }
        }
    }

    @Test
    void exhaustedReconnectsClose() {
        try (NatsServer server = NatsServer.start()) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            Connection nc = Nats.connect(rec.on(Options.builder().server(server.url())
                    .reconnectWait(Duration.ofMillis(20)).reconnectJitter(Duration.ZERO, Duration.ZERO)
                    .maxReconnects(3)).build());
            try {
                server.stop();
                await("closed after 3 attempts", () -> nc.status() == Status.CLOSED);
                await("CLOSED event", () -> rec.events.contains(ConnectionEvent.CLOSED));
                assertEquals(ConnectionEvent.DISCONNECTED, rec.events.get(1));
            } finally {
                nc.close();
            }
        }
    }

    @Test
    void closeDuringTheReconnectLoopReturnsPromptly() {
        try (NatsServer server = NatsServer.start()) {
            Connection nc = Nats.connect(Options.builder().server(server.url())
                    .reconnectWait(Duration.ofMinutes(5)).maxReconnects(-1).build());
            server.stop();
            await("reconnecting", () -> nc.status() == Status.RECONNECTING);
            nc.close();
            assertEquals(Status.CLOSED, nc.status());
        }
    }

    @Test
    void flushInProgressIsReleasedOnDisconnect() throws Exception {
        try (NatsServer server = NatsServer.start()) {
            try (Connection nc = Nats.connect(fast(new TestSupport.Recorder(), server.url()).build())) {
                server.stop();
                await("not connected", () -> nc.status() != Status.CONNECTED);
                assertThrows(NatsConnectionException.class, () -> nc.flush(Duration.ofSeconds(30)));
            }
        }
    }
}
