package com.example.nats.counting;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.Subscription;
import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.spi.TransportProvider;
import io.nats4j.testing.NatsServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plugin as an application meets it: a {@code counting://} URL against a real nats-server. */
class CountingTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static NatsServer server;

    @BeforeAll
    static void start() {
        server = NatsServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String url() {
        return "counting://127.0.0.1:" + server.port();
    }

    @Test
    void theShippedClassesRegisterTheProviderInModuleInfoOnly() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        java.lang.module.ModuleDescriptor d = java.lang.module.ModuleFinder.of(classes).findAll().iterator().next()
                .descriptor();
        assertEquals("com.example.nats.counting", d.name());
        assertTrue(d.provides().stream().anyMatch(p -> p.service().equals(TransportProvider.class.getName())
                && p.providers().equals(java.util.List.of(CountingTransportProvider.class.getName()))), d.toString());
        assertTrue(java.nio.file.Files.notExists(classes.resolve("META-INF/services")),
                "the jar must not carry META-INF/services: the plugin is registered through module-info only");
    }

    @Test
    void countsEveryByteOfPublishAndSubscribe() throws Exception {
        ByteCounter counter = new ByteCounter();
        long globalBefore = ByteCounter.global().bytesWritten();
        int count = 200;
        byte[] payload = new byte[100];
        try (Connection nc = Nats.connect(Options.builder().server(url()).transportOption(counter).build())) {
            Subscription sub = nc.subscribe("count.me");
            nc.flush(WAIT);
            long writtenBefore = counter.bytesWritten();
            long readBefore = counter.bytesRead();
            for (int i = 0; i < count; i++) {
                nc.publish("count.me", payload);
            }
            for (int i = 0; i < count; i++) {
                Message m = sub.nextMessage(WAIT);
                assertNotNull(m, "message " + i);
                assertEquals(payload.length, m.data().length);
            }
            nc.flush(WAIT);
            long pub = ("PUB count.me 100\r\n").getBytes(US_ASCII).length + payload.length + 2;
            long msg = ("MSG count.me 1 100\r\n").getBytes(US_ASCII).length + payload.length + 2;
            assertTrue(counter.bytesWritten() - writtenBefore >= count * pub, counter.toString());
            assertTrue(counter.bytesRead() - readBefore >= count * msg, counter.toString());
            assertEquals(1, counter.transportsOpened());
            assertTrue(nc.connectedUrl().orElseThrow().startsWith("counting://"), nc.connectedUrl().toString());
        }
        assertEquals(globalBefore, ByteCounter.global().bytesWritten(), "a connection with a counter leaves the global one alone");
    }

    @Test
    void aReconnectOpensAndCountsASecondTransport() throws Exception {
        ByteCounter counter = new ByteCounter();
        CountDownLatch reconnected = new CountDownLatch(1);
        Options options = Options.builder().server(url()).transportOption(counter)
                .reconnectWait(Duration.ofMillis(50))
                .connectionListener((c, e) -> {
                    if (e == ConnectionEvent.RECONNECTED) {
                        reconnected.countDown();
                    }
                })
                .build();
        try (Connection nc = Nats.connect(options)) {
            server.restart();
            assertTrue(reconnected.await(WAIT.toSeconds(), TimeUnit.SECONDS), "reconnected through counting://");
            long before = counter.bytesWritten();
            Message reply;
            nc.subscribe("count.echo", m -> m.respond(m.data()));
            reply = nc.request("count.echo", new byte[] {1, 2, 3}, WAIT);
            assertEquals(3, reply.data().length);
            assertEquals(2, counter.transportsOpened());
            assertTrue(counter.bytesWritten() > before, counter.toString());
        }
    }

    @Test
    void aServerThatIsNotThereFailsTheConnectLikeTcp() {
        ByteCounter counter = new ByteCounter();
        NatsConnectionException e = org.junit.jupiter.api.Assertions.assertThrows(NatsConnectionException.class,
                () -> Nats.connect(Options.builder().server("counting://127.0.0.1:1").transportOption(counter)
                        .maxReconnects(0).build()).close());
        assertTrue(e.getMessage().contains("counting://127.0.0.1:1"), e.getMessage());
        assertEquals(0, counter.transportsOpened());
    }
}
