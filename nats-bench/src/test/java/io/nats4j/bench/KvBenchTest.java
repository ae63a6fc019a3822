package io.nats4j.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** KvBench end to end with tiny counts: both clients run every step and the table is printed. */
class KvBenchTest {

    @Test
    void runsBothClientsWithTinyCounts() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            KvBench.main(new String[] {"--ops", "50", "--object-mib", "1", "--rounds", "2"});
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        for (String line : new String[] {"round 1 nats4j", "round 1 jnats", "round 2 nats4j", "round 2 jnats",
                "kv put ops/s"}) {
            assertTrue(out.contains(line), "'" + line + "' in:\n" + out);
        }
        assertTrue(out.lines().anyMatch(l -> l.startsWith("nats4j ")) && out.lines().anyMatch(l -> l.startsWith("jnats ")),
                out);
    }
}
