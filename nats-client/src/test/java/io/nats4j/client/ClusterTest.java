package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.nats4j.client.internal.NatsConnection;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsCluster;
import io.nats4j.testing.NatsServerConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class ClusterTest {


    @Test
    void discoversTheClusterAndFailsOverWhenItsNodeDies() {
        try (NatsCluster cluster = NatsCluster.start(3, NatsServerConfig.builder().build())) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            Options o = rec.on(Options.builder().server(cluster.server(0).url())
                    .reconnectWait(Duration.ofMillis(50)).reconnectJitter(Duration.ZERO, Duration.ZERO)).build();
            try (Connection nc = Nats.connect(o); Connection peer = Nats.connect(cluster.server(2).url())) {
                await("the other two nodes joined the pool", () -> ((NatsConnection) nc).serverPool().size() == 3);
                Subscription sub = nc.subscribe("ha");
                nc.flush(WAIT);
                String before = nc.connectedUrl().orElseThrow();
                cluster.server(0).kill();
                await("failed over", () -> nc.status() == Status.CONNECTED && !nc.connectedUrl().orElse(before).equals(before));
                assertNotEquals(before, nc.connectedUrl().orElseThrow());
                nc.flush(WAIT);
                await("interest propagated", () -> {
                    peer.publish("ha", "after failover".getBytes());
                    peer.flush(WAIT);
                    return sub.pendingMessages() > 0;
                });
                assertNotNull(sub.nextMessage(WAIT));
                assertEquals(1, nc.statistics().reconnects());
            }
        }
    }

    @Test
    void ignoreDiscoveredServersKeepsThePoolAsConfigured() {
        try (NatsCluster cluster = NatsCluster.start(2, NatsServerConfig.builder().build())) {
            try (Connection discovering = Nats.connect(cluster.server(0).url());
                 Connection nc = Nats.connect(Options.builder().server(cluster.server(0).url()).ignoreDiscoveredServers().build())) {
                // the same server announces its peer to a client that listens...
                await("the peer was announced", () -> ((NatsConnection) discovering).serverPool().size() == 2);
                nc.flush(WAIT);
                // ...and this one, which received the same INFO, kept its pool as configured
                assertEquals(1, ((NatsConnection) nc).serverPool().size());
            }
        }
    }
}
