package io.nats4j.jetstream;

import static io.nats4j.jetstream.JsTestSupport.await;
import static io.nats4j.jetstream.JsTestSupport.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One R3 stream on a 3-node JetStream cluster: leader step-downs and a node killed mid-consume.
 * The nodes are configured here with known route ports, because a JetStream cluster node refuses
 * to start without routes (so {@code NatsCluster}'s first node, started alone, cannot have JetStream).
 */
@ExtendWith(LeakCheckExtension.class)
class ClusterTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @AfterEach
    void noLeaks() {
        JsTestSupport.assertNoLeaks();
    }

    private static void publish(JetStream js, String subject, int from, int to) {
        for (int i = from; i < to; i++) {
            js.publish(subject, null, Integer.toString(i).getBytes(StandardCharsets.UTF_8),
                    PublishOptions.builder().messageId("m" + i).timeout(Duration.ofSeconds(10)).build());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static List<NatsServer> startCluster() throws IOException {
        List<Integer> routes = List.of(freePort(), freePort(), freePort());
        String all = routes.stream().map(p -> "\"nats-route://127.0.0.1:" + p + "\"").collect(Collectors.joining(", "));
        List<NatsServer> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                nodes.add(NatsServer.start(NatsServerConfig.builder().jetstream().extra("server_name: \"js-" + i + "\"\n"
                        + "cluster { name: \"jsc\", host: 127.0.0.1, port: " + routes.get(i) + ", routes: [" + all + "] }\n")
                        .build()));
            }
            return nodes;
        } catch (RuntimeException e) {
            nodes.forEach(NatsServer::close);
            throw e;
        }
    }

    @Test
    void r3StreamSurvivesStepDownsAndALostNode() throws Exception {
        List<NatsServer> cluster = startCluster();
        try (Connection nc = Nats.connect(Options.builder().servers(cluster.stream().map(NatsServer::url)
                     .toArray(String[]::new)).reconnectWait(Duration.ofMillis(100)).maxReconnects(-1).build())) {
            JetStream js = JetStream.of(nc, JetStreamOptions.builder().requestTimeout(Duration.ofSeconds(10)).build());
            String name = unique("R3");
            await("JetStream meta leader elected", LONG, () -> {
                try {
                    js.accountInfo();
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            });
            StreamInfo si = js.createStream(StreamConfig.builder().name(name).subjects(name + ".>").replicas(3).build());
            assertEquals(3, si.config().replicas());
            await("stream leader", LONG, () -> js.streamInfo(name).cluster().flatMap(ClusterInfo::leader).isPresent());
            js.createConsumer(name, ConsumerConfig.builder().durable("w").ackWait(Duration.ofSeconds(5)).build());
            publish(js, name + ".x", 0, 100);

            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            ConsumeContext cc = js.consumer(name, "w").consume(ConsumeOptions.builder().batchSize(20)
                    .expires(Duration.ofSeconds(2)).build(), m -> {
                        seen.add(Integer.parseInt(new String(m.data(), StandardCharsets.UTF_8)));
                        m.ack();
                    });
            await("first 100", LONG, () -> seen.size() == 100);

            String leader = js.streamInfo(name).cluster().flatMap(ClusterInfo::leader).orElseThrow();
            nc.request("$JS.API.STREAM.LEADER.STEPDOWN." + name, new byte[0], Duration.ofSeconds(10));
            nc.request("$JS.API.CONSUMER.LEADER.STEPDOWN." + name + ".w", new byte[0], Duration.ofSeconds(10));
            await("a new stream leader", LONG, () -> js.streamInfo(name).cluster().flatMap(ClusterInfo::leader)
                    .filter(l -> !l.equals(leader)).isPresent());
            publish(js, name + ".x", 100, 200);
            await("200 after the step-downs, got " + seen.size(), LONG, () -> seen.size() == 200);

            String connectedTo = nc.serverInfo().serverName();
            int port = nc.serverInfo().port();
            NatsServer victim = cluster.stream().filter(s -> s.port() == port).findFirst().orElseThrow();
            victim.kill();
            await("reconnected elsewhere", LONG, () -> nc.status() == io.nats4j.client.Status.CONNECTED
                    && !nc.serverInfo().serverName().equals(connectedTo));
            assertNotEquals(connectedTo, nc.serverInfo().serverName());
            await("a stream leader among the two left", LONG, () -> {
                try {
                    return js.streamInfo(name).cluster().flatMap(ClusterInfo::leader).isPresent();
                } catch (RuntimeException e) {
                    return false; // the API itself may be electing
                }
            });
            publish(js, name + ".x", 200, 300);
            await("300 after a node was killed, got " + seen.size(), LONG, () -> seen.size() == 300);
            cc.stop();
            cc.closed().get(10, TimeUnit.SECONDS);
            assertTrue(js.streamInfo(name).state().messages() >= 300);
        } finally {
            cluster.forEach(NatsServer::close);
        }
    }
}
