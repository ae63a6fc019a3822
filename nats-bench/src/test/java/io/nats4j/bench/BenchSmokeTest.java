package io.nats4j.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Proves the benchmarks and the demo run; tiny counts, no speed is asserted. */
class BenchSmokeTest {

    @Test
    void jmhBenchmarksRun() throws Exception {
        Options opts = new OptionsBuilder()
                .include("io.nats4j.bench.jmh.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .param("payloadSize", "16")
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        assertFalse(results.isEmpty(), "no benchmark ran");
    }

    @Test
    void demoRunsAgainstARealServer() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Demo.main(new String[] {"--messages", "2000"});
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        saved.print(text);
        assertTrue(text.contains("duplicates 0"), text);
        assertTrue(text.contains("NoRespondersException"), text);
        assertTrue(text.contains("measured: received 1,000 of 1,000 (all)"), text);
        assertTrue(text.contains("demo finished"), text);
    }
}
