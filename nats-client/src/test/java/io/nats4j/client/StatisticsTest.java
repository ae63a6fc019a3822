package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What {@link Connection#statistics()} adds for operators, against a real server. */
@ExtendWith(LeakCheckExtension.class)
class StatisticsTest {

    @Test
    void pendingAcrossSubscriptionsDroppedPerSubscriptionRttAndHighWaterMark() throws Exception {
        try (NatsServer server = NatsServer.start();
                Connection nc = Nats.connect(server.url()); Connection pub = Nats.connect(server.url())) {
            assertEquals(Optional.empty(), nc.statistics().lastRtt(), "no round trip measured yet");
            CountDownLatch release = new CountDownLatch(1);
            Subscription a = nc.subscribe("stats.a", m -> release.await(10, TimeUnit.SECONDS));
            Subscription b = nc.subscribe("stats.b", m -> release.await(10, TimeUnit.SECONDS));
            b.setPendingLimits(2, 1024 * 1024);
            Subscription sync = nc.subscribe("stats.sync");
            nc.flush(WAIT);
            for (int i = 0; i < 10; i++) {
                pub.publish("stats.a", new byte[100]);
                pub.publish("stats.b", new byte[100]);
                pub.publish("stats.sync", new byte[100]);
            }
            pub.flush(WAIT);
            // one connection, one reader: once the last message to sync is queued, every a and b was handled too
            await("all 30 arrived", () -> sync.pendingMessages() == 10);
            Statistics st = nc.statistics();
            long pending = a.pendingMessages() + b.pendingMessages() + 10;
            assertEquals(pending, st.pendingMessages(), st.toString());
            assertEquals(100 * pending, st.pendingBytes(), st.toString());
            assertTrue(b.droppedMessages() >= 7, "b holds at most its limit of 2 plus the one in its handler: " + st);
            assertEquals(b.droppedMessages(), st.droppedMessages());
            List<SubscriptionStatistics> subs = st.subscriptions();
            assertEquals(List.of("stats.a", "stats.b", "stats.sync"), subs.stream().map(SubscriptionStatistics::subject).toList());
            assertEquals(List.of(0L, b.droppedMessages(), 0L), subs.stream().map(SubscriptionStatistics::droppedMessages).toList());
            release.countDown();

            Duration rtt = nc.rtt();
            assertTrue(nc.statistics().lastRtt().isPresent() && !nc.statistics().lastRtt().get().isNegative(), rtt.toString());
            assertTrue(pub.statistics().outboundHighWaterMark() >= 100, pub.statistics().toString());
            pub.publish("stats.big", new byte[200_000]);
            assertTrue(pub.statistics().outboundHighWaterMark() >= 200_000, "a 200 kB publish waited in the buffer");
        }
    }

    @Test
    void reconnectAttemptsCountTheFailedOnesToo() throws Exception {
        try (NatsServer server = NatsServer.start()) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(rec.on(Options.builder().server(server.url())
                    .reconnectWait(Duration.ofMillis(20)).reconnectJitter(Duration.ZERO, Duration.ZERO)).build())) {
                server.stop();
                await("3 failed attempts", () -> nc.statistics().reconnectAttempts() >= 3);
                assertEquals(0, nc.statistics().reconnects());
                server.restart();
                await("reconnected", () -> rec.events.contains(ConnectionEvent.RECONNECTED));
                Statistics st = nc.statistics();
                assertEquals(1, st.reconnects());
                assertTrue(st.reconnectAttempts() >= 4, st.toString());
                assertTrue(rec.exceptions.size() >= 3, "an ErrorListener still hears each failed attempt");
            }
        }
    }
}
