package io.nats4j.testing;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NatsServerExtensionTest {

    private static final Set<Long> PER_TEST_PIDS = new HashSet<>();

    @Nested
    @ExtendWith(NatsServerExtension.class)
    class PerTestDefault {
        @Test
        void injectsARunningServer(NatsServer server) {
            assertTrue(server.isRunning());
            assertTrue(Probes.accepts(server.port()));
            synchronized (PER_TEST_PIDS) {
                assertTrue(PER_TEST_PIDS.add(server.pid()), "a fresh server per test");
            }
        }

        @Test
        void injectsAnotherRunningServer(NatsServer server) {
            injectsARunningServer(server);
        }
    }

    @Test
    void serverOutsideATestIsAnError() {
        NatsServerExtension ext = NatsServerExtension.withConfig(NatsServerConfig.defaults());
        IllegalStateException e = assertThrows(IllegalStateException.class, ext::server);
        assertTrue(e.getMessage().contains("no nats-server"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NatsServerExtension.withConfig(null));
    }
}
