package com.example.nats.apps;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// README: testing
@ExtendWith(NatsServerExtension.class)
class GreetingTest {
    @Test
    void greets(NatsServer server) {
        try (Connection nc = Nats.connect(server.url())) {
            nc.subscribe("greet.*", msg -> msg.respond(("hello " + msg.subject()).getBytes(UTF_8)));
            assertEquals("hello greet.joe", nc.request("greet.joe", new byte[0], Duration.ofSeconds(1)).dataAsString());
        }
    }
}
// README: end
