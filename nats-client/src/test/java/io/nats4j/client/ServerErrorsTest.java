package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testing.FakeServer;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class ServerErrorsTest {


    @Test
    void permissionViolationIsReportedAndTheConnectionStaysUp() {
        NatsServerConfig cfg = NatsServerConfig.builder()
                .users(List.of(NatsServerConfig.User.of("limited", "pw")
                        .publishAllow(List.of("allowed.>", "_INBOX.>"))
                        .subscribeAllow(List.of("allowed.>", "_INBOX.>"))))
                .build();
        try (NatsServer server = NatsServer.start(cfg)) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(rec.on(Options.builder().server(server.url()).userInfo("limited", "pw")).build())) {
                Subscription ok = nc.subscribe("allowed.x");
                nc.publish("forbidden.x", new byte[1]);
                nc.subscribe("forbidden.y");
                nc.flush(WAIT);
                await("two permission violations reported", () -> rec.serverErrors.size() >= 2);
                assertTrue(rec.serverErrors.get(0).toLowerCase().contains("permissions violation"), rec.serverErrors.toString());
                nc.publish("allowed.x", "still up".getBytes());
                assertEquals("still up", ok.nextMessage(WAIT).dataAsString());
                assertEquals(Status.CONNECTED, nc.status());
                assertEquals(0, nc.statistics().reconnects());
            }
        }
    }

    @Test
    void malformedFrameEndsOnlyThatConnection() {
        try (FakeServer fake = FakeServer.start(c -> {
            c.writeInfo();
            c.acceptHandshake();
            c.readLineStartingWith("SUB");
            c.write("MSG foo 1 notanumber\r\n");
            c.drainUntilClosed(Duration.ofSeconds(10));
        }); NatsServer real = NatsServer.start()) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            Connection bad = Nats.connect(rec.on(Options.builder().server(fake.url()).maxReconnects(0)).build());
            Connection good = Nats.connect(real.url());
            try {
                bad.subscribe("foo");
                await("bad connection closed", () -> bad.status() == Status.CLOSED);
                await("protocol error reported", () -> rec.exceptions.stream()
                        .anyMatch(t -> t instanceof io.nats4j.protocol.NatsProtocolException));
                Subscription s = good.subscribe("fine");
                good.publish("fine", new byte[0]);
                assertNotNull(s.nextMessage(WAIT));
            } finally {
                bad.close();
                good.close();
            }
        }
    }

    @Test
    void missedPongsMakeTheConnectionStale() {
        try (FakeServer fake = FakeServer.start(c -> {
            c.writeInfo();
            c.acceptHandshake();
            c.drainUntilClosed(Duration.ofSeconds(20)); // never answers PING again
        })) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            Connection nc = Nats.connect(rec.on(Options.builder().server(fake.url())
                    .pingInterval(Duration.ofMillis(50)).maxPingsOut(2).maxReconnects(0)).build());
            try {
                await("stale connection closed", () -> nc.status() == Status.CLOSED);
                assertEquals(List.of(ConnectionEvent.CONNECTED, ConnectionEvent.DISCONNECTED, ConnectionEvent.CLOSED),
                        waitForEvents(rec, 3));
            } finally {
                nc.close();
            }
        }
    }

    @Test
    void serverPingsAreAnswered() {
        try (FakeServer fake = FakeServer.start(c -> {
            c.writeInfo();
            c.acceptHandshake();
            c.write("PING\r\n");
            String line = c.readLineStartingWith("PONG");
            c.write("-ERR 'answered " + line.trim() + "'\r\n");
            c.drainUntilClosed(Duration.ofSeconds(10));
        })) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(rec.on(Options.builder().server(fake.url()).maxReconnects(0)).build())) {
                await("the fake server saw our PONG", () -> rec.serverErrors.contains("answered PONG"));
            }
        }
    }

    private static List<ConnectionEvent> waitForEvents(TestSupport.Recorder rec, int n) {
        await(n + " events, have " + rec.events, () -> rec.events.size() >= n);
        return List.copyOf(rec.events);
    }
    @Test
    void maximumSubscriptionsExceededIsReportedAndTheConnectionStaysUp() {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().extra("max_subscriptions: 2").build())) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(rec.on(Options.builder().server(server.url())).build())) {
                Subscription first = nc.subscribe("s.1");
                nc.subscribe("s.2");
                nc.subscribe("s.3");
                nc.flush(WAIT);
                await("max subscriptions reported", () -> rec.serverErrors.stream()
                        .anyMatch(e -> e.toLowerCase().contains("maximum subscriptions exceeded")));
                nc.publish("s.1", new byte[1]);
                assertNotNull(first.nextMessage(WAIT));
                assertEquals(Status.CONNECTED, nc.status());
            }
        }
    }
    @Test
    void malformedHeadersFromTheWireFailOnlyThatMessage() {
        try (FakeServer fake = FakeServer.start(c -> {
            c.writeInfo();
            c.acceptHandshake();
            String sub = c.readLineStartingWith("SUB");
            String sid = sub.trim().split(" ")[2];
            String badBlock = "NOT-NATS\r\n\r\n";
            c.write("HMSG h " + sid + " " + badBlock.length() + " " + badBlock.length() + "\r\n" + badBlock + "\r\n");
            c.write("MSG h " + sid + " 2\r\nok\r\n");
            c.drainUntilClosed(Duration.ofSeconds(10));
        })) {
            try (Connection nc = Nats.connect(Options.builder().server(fake.url()).build())) {
                Subscription sub = nc.subscribe("h");
                Message bad = sub.nextMessage(WAIT);
                assertNotNull(bad);
                io.nats4j.protocol.NatsProtocolException e = org.junit.jupiter.api.Assertions.assertThrows(
                        io.nats4j.protocol.NatsProtocolException.class, bad::headers);
                assertNotNull(e.getMessage());
                assertEquals("ok", sub.nextMessage(WAIT).dataAsString());
                assertEquals(Status.CONNECTED, nc.status());
            }
        }
    }
}
