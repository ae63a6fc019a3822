package io.nats4j.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The churn soak as a smoke test: {@code nats4j.soak.seconds} of publishing (the build passes 8: one
 * node killed and restarted); {@code -Dnats4j.soak.seconds=300} is the five-minute run.
 */
class ChurnSoakTest {

    @Test
    void churnLosesNothingOutsideFailuresAndKeepsOrder() {
        int seconds = Integer.getInteger("nats4j.soak.seconds", 8);
        SoakReport report = ChurnSoak.run(ChurnSoak.Settings.of(Duration.ofSeconds(seconds)));
        System.out.println(report.text());
        assertTrue(report.kills() >= 1, "at least one node was killed: " + report.text());
        assertTrue(report.counts().quietBatches() > 0, "some batches were quiet: " + report.text());
        assertEquals(0, report.counts().lostQuiet(), report.text());
        assertEquals(0, report.counts().outOfOrder(), report.text());
        assertEquals(0, report.counts().duplicates(), report.text());
        assertEquals(0, report.drops(), report.text());
        assertEquals(0, report.after().clientThreads(), report.text());
    }
}
