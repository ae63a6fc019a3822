package io.nats4j.testing;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NatsClusterTest {

    private static int numRoutes(String routez) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"num_routes\"\\s*:\\s*(\\d+)").matcher(routez);
        assertTrue(m.find(), routez);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void threeNodesAreFullyMeshedAndAcceptClients() {
        try (NatsCluster cluster = NatsCluster.start(3, NatsServerConfig.defaults())) {
            assertEquals(3, cluster.size());
            Set<Integer> ports = new HashSet<>();
            StringBuilder expectedUrls = new StringBuilder();
            for (NatsServer s : cluster.servers()) {
                assertTrue(Probes.accepts(s.port()), "node accepts clients: " + s);
                assertEquals(2, numRoutes(s.routez()), s.routez());
                assertTrue(s.varz().contains("\"name\": \"" + cluster.name() + "\"")
                    || s.varz().contains("\"name\":\"" + cluster.name() + "\""), s.varz());
                assertEquals(cluster.name(), s.clusterName().orElseThrow());
                ports.add(s.port());
                ports.add(s.clusterPort());
                ports.add(s.monitorPort());
                expectedUrls.append(expectedUrls.length() == 0 ? "" : ",").append(s.url());
            }
            assertEquals(9, ports.size(), "all ports distinct: " + ports);
            assertEquals(expectedUrls.toString(), cluster.urls());
        }
    }

    @Test
    void aRestartedNodeRejoinsTheMesh() {
        try (NatsCluster cluster = NatsCluster.start(3)) {
            NatsServer first = cluster.server(0);
            int port = first.port();
            first.kill();
            assertFalse(first.isRunning());
            cluster.awaitRoutes(Duration.ofSeconds(15)); // the two others still see each other
            assertEquals(1, numRoutes(cluster.server(1).routez()));
            first.restart();
            assertEquals(port, first.port());
            cluster.awaitRoutes(Duration.ofSeconds(15));
            for (NatsServer s : cluster.servers()) {
                assertEquals(2, numRoutes(s.routez()), s.routez());
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> NatsCluster.start(0));
        assertThrows(IllegalArgumentException.class,
            () -> NatsCluster.start(2, NatsServerConfig.builder().port(14222).build()));
    }
}
