package com.example.nats.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.protocol.NoRespondersException;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NatsServerExtension.class)
class TimeServiceTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void answersTheTime(NatsServer server) {
        try (Connection nc = Nats.connect(server.url());
                TimeService service = TimeService.start(nc, NOON)) {
            String reply = nc.request("time.now", new byte[0], Duration.ofSeconds(2)).dataAsString();
            assertEquals("2026-12-01T12:00:00Z", reply);
        }
    }

    @Test
    void answersInAZoneAndRefusesAnUnknownOne(NatsServer server) {
        try (Connection nc = Nats.connect(server.url());
                TimeService service = TimeService.start(nc, NOON)) {
            assertEquals("2026-12-01T13:00", nc.request("time.in.Europe.Paris", new byte[0], Duration.ofSeconds(2)).dataAsString());
            assertEquals("error: unknown time zone 'Mars/Olympus'",
                    nc.request("time.in.Mars.Olympus", new byte[0], Duration.ofSeconds(2)).dataAsString());
        }
    }

    @Test
    void twoInstancesShareTheQueueAndAClosedServiceStopsAnswering(NatsServer server) {
        try (Connection a = Nats.connect(server.url()); Connection b = Nats.connect(server.url());
                Connection client = Nats.connect(server.url())) {
            TimeService first = TimeService.start(a, NOON);
            TimeService second = TimeService.start(b, NOON);
            a.flush(Duration.ofSeconds(2));
            b.flush(Duration.ofSeconds(2));
            for (int i = 0; i < 20; i++) {
                assertEquals("2026-12-01T12:00:00Z", client.request("time.now", new byte[0], Duration.ofSeconds(2)).dataAsString());
            }
            first.close();
            second.close();
            a.flush(Duration.ofSeconds(2));
            b.flush(Duration.ofSeconds(2));
            assertThrows(NoRespondersException.class, () -> client.request("time.now", new byte[0], Duration.ofSeconds(2)));
        }
    }

    @Test
    void theReadmeProgramsRunAgainstARealServer(NatsServer server) throws Exception {
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            HelloWorld.main(new String[] {server.url()});
        } finally {
            System.setOut(stdout);
        }
        assertEquals("hello greet.joe" + System.lineSeparator(), printed.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(java.util.List.of("nats://a:4222", "nats://b:4222"), Connecting.options(javax.net.ssl.SSLContext.getDefault()).servers().stream()
                .map(Object::toString).collect(java.util.stream.Collectors.toList()));
    }
}
