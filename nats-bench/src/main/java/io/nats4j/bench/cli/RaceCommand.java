package io.nats4j.bench.cli;

import io.nats4j.bench.core.BenchException;
import io.nats4j.bench.race.Race;
import io.nats4j.bench.race.RaceResult;
import io.nats4j.bench.race.RaceTable;
import io.nats4j.bench.race.SvgChart;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nats-bench race}: nats4j against io.nats:jnats and libnats on a server of its own. */
@Command(name = "race", mixinStandardHelpOptions = true,
        description = "Race nats4j, io.nats:jnats and libnats (C) on a nats-server started for the purpose: every cell "
                + "in a fresh process, several rounds in rotating order. Writes race.md, race.json and race.svg.")
final class RaceCommand implements Callable<Integer> {

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--scale", defaultValue = "1.0",
            description = "Scale every count (default ${DEFAULT-VALUE}: 2 M msgs for pub-only 16 B, 100 k subscriptions).")
    double scale;

    @Option(names = "--quick", description = "Tiny counts and one round: proves the race works, measures nothing.")
    boolean quick;

    @Option(names = "--clients", split = ",", defaultValue = "nats4j,jnats,libnats",
            description = "Clients to race (default ${DEFAULT-VALUE}).")
    List<String> clients;

    @Option(names = "--schemes", split = ",", defaultValue = "nats,ws",
            description = "URL schemes; ws rows run when a nats4j ws:// transport is present (default ${DEFAULT-VALUE}).")
    List<String> schemes;

    @Option(names = "--only", paramLabel = "REGEX", description = "Only scenarios whose id matches (pub-16, req-seq, ...).")
    String only;

    @Option(names = "--heap", defaultValue = "512m", description = "Worker JVM heap, -Xms = -Xmx (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--jvm-opts", defaultValue = "-XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError",
            description = "More worker JVM options, space-separated (default ${DEFAULT-VALUE}).")
    String jvmOpts;

    @Option(names = "--out", defaultValue = "race-results", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--json", description = "Print JSON instead of the Markdown table.")
    boolean json;

    @Option(names = "--no-progress", description = "No progress line per cell.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (String c : clients) {
            if (!List.of("nats4j", "jnats", "libnats").contains(c)) {
                throw new BenchException("--clients: unknown client '" + c + "' (nats4j, jnats, libnats)");
            }
        }
        for (String s : schemes) {
            if (!List.of("nats", "ws").contains(s)) {
                throw new BenchException("--schemes: unknown scheme '" + s + "' (nats, ws)");
            }
        }
        if (rounds < 1 || scale <= 0) {
            throw new BenchException("--rounds must be at least 1 and --scale positive");
        }
        List<String> jvm = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
        jvm.addAll(Arrays.stream(jvmOpts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        PrintStream progress = noProgress ? null : new PrintStream(new java.io.OutputStream() {
            private final PrintWriter err = spec.commandLine().getErr();

            @Override
            public void write(int b) {
                err.write(b);
            }

            @Override
            public void flush() {
                err.flush();
            }
        }, true, StandardCharsets.UTF_8);
        Race.Settings settings = new Race.Settings(quick ? 1 : rounds, quick ? 0.001 : scale, clients, schemes, only,
                jvm, out.resolve("work"), progress);
        RaceResult result = Race.run(settings);
        String md = RaceTable.markdown(result);
        String js = RaceTable.json(result);
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("race.md"), md, StandardCharsets.UTF_8);
            Files.writeString(out.resolve("race.json"), js + "\n", StandardCharsets.UTF_8);
            Files.writeString(out.resolve("race.svg"), SvgChart.draw(result), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BenchException("--out " + out + ": cannot write (" + e.getMessage() + ")", e);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println(json ? js : md + "\nwritten: " + out.resolve("race.md") + ", race.json, race.svg");
        w.flush();
        return result.cells().stream().anyMatch(c -> c.error() != null) ? BenchCli.EXIT_FAILED : 0;
    }
}
