package io.nats4j.moduletests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's log as an application using java.util.logging (the JDK's default System.Logger
 * backend) sees it: quiet while healthy, the connection's life at INFO, no secret anywhere.
 */
class LoggingTest {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger jul = Logger.getLogger("io.nats4j.client");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level before;

    @BeforeEach
    void capture() {
        before = jul.getLevel();
        jul.setLevel(Level.INFO);
        jul.addHandler(handler);
    }

    @AfterEach
    void release() {
        jul.removeHandler(handler);
        jul.setLevel(before);
    }

    private List<String> lines() {
        return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).collect(Collectors.toList());
    }

    @Test
    void quietWhileHealthyTheLifeAtInfoAndNoSecret() throws Exception {
        NatsServerConfig config = NatsServerConfig.builder().user("ops", "pa55-word").build();
        try (NatsServer server = NatsServer.start(config)) {
            CountDownLatch reconnected = new CountDownLatch(1);
            Options options = Options.builder().server("nats://ops:pa55-word@127.0.0.1:" + server.port())
                    .connectionName("logged").reconnectWait(Duration.ofMillis(20))
                    .connectionListener((c, e) -> {
                        if (e == ConnectionEvent.RECONNECTED) {
                            reconnected.countDown();
                        }
                    }).build();
            try (Connection nc = Nats.connect(options)) {
                nc.subscribe("log.echo", m -> m.respond(m.data()));
                for (int i = 0; i < 100; i++) {
                    nc.request("log.echo", new byte[10], Duration.ofSeconds(5));
                }
                assertEquals(1, records.size(), "healthy traffic logs nothing after connecting: " + lines());
                assertTrue(lines().get(0).matches("INFO nats4j-\\d+ 'logged' connected to nats://ops:\\*\\*\\*@127\\.0\\.0\\.1:\\d+"
                        + " \\(server \\w+, nats-server [\\d.]+\\)"), lines().get(0));

                server.restart();
                assertTrue(reconnected.await(10, TimeUnit.SECONDS));
                nc.request("log.echo", new byte[10], Duration.ofSeconds(5));
            }
        }
        List<String> lines = lines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("INFO") && l.contains("'logged' disconnected from nats://ops:***@")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("INFO") && l.contains("'logged' reconnected to nats://ops:***@")),
                lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("WARNING") || l.startsWith("SEVERE")), lines.toString());
        for (LogRecord r : records) {
            assertFalse(String.valueOf(r.getMessage()).contains("pa55-word"), "a secret in the log: " + r.getMessage());
        }
    }
}
