package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsCluster;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.transport.ws.WsOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the client does over {@code ws://} beyond the core scenarios (which {@code PubSubOverWsTest},
 * {@code RequestReplyOverWsTest}, {@code DrainOverWsTest} and {@code ReconnectOverWsTest} run):
 * a ws:// client and a nats:// client working together with and without compression, refusals,
 * handshake headers, and a ws-only client in a cluster.
 */
@ExtendWith(LeakCheckExtension.class)
class WebSocketClientTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Options.Builder ws(String url, boolean compression) {
        return Options.builder().server(url).reconnectWait(Duration.ofMillis(50))
                .reconnectJitter(Duration.ZERO, Duration.ZERO).maxReconnects(-1)
                .transportOption(WsOptions.builder().compression(compression).build());
    }

    @ParameterizedTest(name = "compression={0}")
    @ValueSource(booleans = {false, true})
    void wsClientTalksToNatsClient(boolean compression) throws Exception {
        NatsServerConfig cfg = NatsServerConfig.builder().websocket(false).websocketCompression(true).build();
        try (NatsServer server = NatsServer.start(cfg);
                Connection ws = Nats.connect(ws(server.wsUrl(), compression).build());
                Connection tcp = Nats.connect(server.url())) {
            assertTrue(ws.connectedUrl().orElseThrow().startsWith("ws://127.0.0.1:" + server.wsPort()));
            Subscription fromWs = tcp.subscribe("to.tcp");
            Subscription fromTcp = ws.subscribe("to.ws");
            Subscription q1 = ws.subscribe("work", "grp");
            Subscription q2 = ws.subscribe("work", "grp");
            tcp.subscribe("svc", m -> m.respond(bytes("re: " + m.dataAsString())));
            tcp.flush(WAIT);
            ws.flush(WAIT);

            byte[] big = new byte[200_000];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) ("nats over websocket ".charAt(i % 20));
            }
            ws.publish("to.tcp", new Headers().add("k", "v1").add("k", "v2"), big);
            Message m = fromWs.nextMessage(WAIT);
            assertArrayEquals(big, m.data());
            assertEquals(List.of("v1", "v2"), m.headers().values("k"));

            tcp.publish("to.ws", bytes("hello ws"));
            assertEquals("hello ws", fromTcp.nextMessage(WAIT).dataAsString());

            for (int i = 0; i < 20; i++) {
                tcp.publish("work", bytes("job" + i));
            }
            tcp.flush(WAIT);
            await("20 jobs shared by the queue group", () -> q1.pendingMessages() + q2.pendingMessages() == 20);

            assertEquals("re: ping", ws.request("svc", bytes("ping"), WAIT).dataAsString());
            assertEquals("re: async", ws.requestAsync("svc", bytes("async"), WAIT).get().dataAsString());
        }
    }

    @Test
    void refusedUpgradeFailsTheConnectNamingServerAndStatusLine() {
        try (FakeServer fake = FakeServer.start(c -> {
            while (!c.readLine().isEmpty()) {
                // the request head
            }
            c.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        })) {
            String url = "ws://127.0.0.1:" + fake.port() + "/nats";
            NatsConnectionException e = assertThrows(NatsConnectionException.class, () -> Nats.connect(url));
            assertTrue(e.getMessage().contains(url) && e.getMessage().contains("'HTTP/1.1 403 Forbidden'"), e.getMessage());
        }
    }

    @Test
    void handshakeHeadersReachTheServer() {
        NatsServerConfig cfg = NatsServerConfig.builder().websocket(false)
                .websocketAllowedOrigins("https://app.example").build();
        try (NatsServer server = NatsServer.start(cfg)) {
            Options evil = ws(server.wsUrl(), false).maxReconnects(0)
                    .transportOption(WsOptions.builder().header("Origin", "https://evil.example").build()).build();
            NatsConnectionException e = assertThrows(NatsConnectionException.class, () -> Nats.connect(evil));
            assertTrue(e.getMessage().contains(server.wsUrl()) && e.getMessage().contains("403"), e.getMessage());
            Options good = ws(server.wsUrl(), false)
                    .transportOption(WsOptions.builder().header("Origin", "https://app.example").build()).build();
            try (Connection nc = Nats.connect(good)) {
                nc.flush(WAIT);
            }
        }
    }

    /**
     * A client that only knows one node's ws:// URL learns the others' WebSocket ports from the
     * cluster (nats-server gossips them to WebSocket clients in place of the TCP ports) and fails over
     * to one of them over ws://.
     */
    @Test
    void wsOnlyClientDiscoversWsPortsAndFailsOver() {
        try (NatsCluster cluster = NatsCluster.start(3, NatsServerConfig.builder().websocket(false).build())) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            Set<String> otherWsUrls = cluster.servers().stream().skip(1)
                    .map(s -> "ws://127.0.0.1:" + s.wsPort()).collect(Collectors.toSet());
            try (Connection nc = Nats.connect(rec.on(ws(cluster.server(0).wsUrl(), false).noRandomize()).build());
                    Connection peer = Nats.connect(cluster.server(2).url())) {
                await("the cluster announced its WebSocket URLs",
                        () -> nc.serverInfo().connectUrls().size() == 3);
                Subscription sub = nc.subscribe("ha");
                nc.flush(WAIT);
                cluster.server(0).kill();
                await("failed over", () -> nc.status() == Status.CONNECTED
                        && !nc.connectedUrl().orElse(cluster.server(0).wsUrl()).startsWith(cluster.server(0).wsUrl()));
                String now = nc.connectedUrl().orElseThrow();
                assertTrue(otherWsUrls.stream().anyMatch(now::startsWith), now + " is not one of " + otherWsUrls);
                await("interest propagated", () -> {
                    peer.publish("ha", bytes("after failover"));
                    peer.flush(WAIT);
                    return sub.pendingMessages() > 0;
                });
                assertNotNull(sub.nextMessage(WAIT));
            }
        }
    }

    /** A node in lame duck mode tells its WebSocket clients too, and they move to another node over ws://. */
    @Test
    void lameDuckOverWsMovesTheClientToAnotherNode() {
        NatsServerConfig cfg = NatsServerConfig.builder().websocket(false).lameDuckDuration(Duration.ofSeconds(30))
                .lameDuckGracePeriod(Duration.ofMillis(200)).build();
        try (NatsCluster cluster = NatsCluster.start(2, cfg)) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(rec.on(ws(cluster.server(0).wsUrl(), false)).build())) {
                await("the peer was announced", () -> nc.serverInfo().connectUrls().size() == 2);
                cluster.server(0).lameDuck();
                await("LAME_DUCK event", () -> rec.events.contains(ConnectionEvent.LAME_DUCK));
                await("moved to the other node", () -> nc.status() == Status.CONNECTED
                        && nc.connectedUrl().orElse("").startsWith(cluster.server(1).wsUrl()));
                nc.flush(WAIT);
            }
        }
    }

    /** wss:// with the client's SSLContext: secure from the first byte, no upgrade after INFO, certificate verified. */
    @Test
    void wssClientWithTheApplicationsSslContext() {
        io.nats4j.testing.TestCertificates certs = io.nats4j.testing.TestCertificates.generate();
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().tls(certs).websocket(true).build());
                Connection wss = Nats.connect(Options.builder().server(server.wsUrl()).sslContext(certs.clientContext()).build());
                Connection tls = Nats.connect(Options.builder().server(server.tlsUrl()).sslContext(certs.clientContext()).build())) {
            assertTrue(wss.connectedUrl().orElseThrow().startsWith("wss://localhost:" + server.wsPort()));
            Subscription sub = tls.subscribe("secure");
            tls.flush(WAIT);
            wss.publish("secure", bytes("over wss"));
            assertEquals("over wss", sub.nextMessage(WAIT).dataAsString());
            // the JDK's default trust store does not know the test CA: refused, naming TLS
            NatsConnectionException e = assertThrows(NatsConnectionException.class,
                    () -> Nats.connect(Options.builder().server(server.wsUrl()).maxReconnects(0).build()));
            assertTrue(e.getMessage().contains("not trusted"), e.getMessage());
        }
    }
}
