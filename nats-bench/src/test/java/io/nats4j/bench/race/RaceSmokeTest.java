package io.nats4j.bench.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.nats4j.bench.cli.BenchCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The race runs every scenario with tiny counts, each cell in a fresh process; no speed is asserted. */
class RaceSmokeTest {

    @TempDir
    Path out;

    @Test
    void quickRaceRunsEveryScenarioAndWritesTableJsonAndChart() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = BenchCli.run(new String[] {"race", "--quick", "--out", out.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String md = stdout.toString(StandardCharsets.UTF_8);
        System.out.print(md);
        System.out.print(stderr.toString(StandardCharsets.UTF_8));
        assertEquals(0, exit, "no cell failed: " + md);
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("race [1/"), "a progress line per cell");
        for (Scenario s : Scenario.standard(0.001, List.of("nats"))) {
            assertTrue(md.contains("| " + s.title() + " |"), "row for " + s.id() + " in\n" + md);
        }
        assertFalse(md.contains("| — | — |"), "every row has figures for the Java clients:\n" + md);
        assertTrue(md.contains("nats4j / jnats"), md);
        String json = Files.readString(out.resolve("race.json"));
        try (JsonParser p = new JsonFactory().createParser(json)) {
            while (p.nextToken() != null) {
                // well-formed to the end
            }
        }
        assertTrue(json.contains("\"failures\":[]"), json);
        String svg = Files.readString(out.resolve("race.svg"));
        assertTrue(svg.startsWith("<svg") && svg.strip().endsWith("</svg>"), svg);
        assertTrue(svg.contains("<rect x="), "bars drawn");
        assertEquals(md.strip(), (Files.readString(out.resolve("race.md")).strip() + "\n\nwritten: "
                + out.resolve("race.md") + ", race.json, race.svg").strip());
    }
}
