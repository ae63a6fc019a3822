package io.nats4j.testing;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NatsServerExtensionPerClassTest {

    @RegisterExtension
    static final NatsServerExtension NATS =
        NatsServerExtension.withConfig(NatsServerConfig.builder().monitoring().build());

    private static final AtomicLong PID = new AtomicLong();

    @BeforeAll
    static void recordPid(NatsServer server) {
        assertTrue(server.isRunning());
        PID.set(server.pid());
    }

    @Test
    void serverAndParameterAreTheSame(NatsServer server) {
        assertSame(NATS.server(), server);
        assertTrue(server.varz().contains("server_id"));
    }

    @Test
    void oneServerForTheWholeClass() {
        assertEquals(PID.get(), NATS.server().pid());
        assertTrue(Probes.accepts(NATS.server().port()));
    }
}
