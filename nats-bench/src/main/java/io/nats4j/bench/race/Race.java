package io.nats4j.bench.race;

import io.nats4j.bench.core.BenchException;
import io.nats4j.protocol.spi.TransportProvider;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The race: starts its own {@code nats-server} through nats-testing and runs every scenario for
 * nats4j, io.nats:jnats and libnats, each cell in a fresh process (JVMs with a fixed heap),
 * alternating the order round by round.
 */
public final class Race {

    /** A cell that takes longer has hung (a full-scale cell takes well under a minute). */
    private static final int CELL_TIMEOUT_MINUTES = 4;

    /**
     * What to race.
     *
     * @param rounds rounds; the clients' order rotates each round
     * @param scale 1.0 for the full counts, smaller for a quick run
     * @param clients which clients ({@code nats4j}, {@code jnats}, {@code libnats})
     * @param schemes URL schemes ({@code nats}, {@code ws})
     * @param only a regular expression scenario ids must match, or {@code null} for all
     * @param jvmOptions options of every worker JVM (the heap is fixed: -Xms = -Xmx)
     * @param work directory for the harness binary and worker logs
     * @param progress where the progress line goes, or {@code null}
     */
    public record Settings(int rounds, double scale, List<String> clients, List<String> schemes, String only,
            List<String> jvmOptions, Path work, PrintStream progress) {
    }

    private Race() {
    }

    /**
     * Runs the race.
     *
     * @param s the settings
     * @return every cell with the environment and notes
     * @throws BenchException when the server cannot be started
     * @throws InterruptedException if interrupted
     */
    public static RaceResult run(Settings s) throws InterruptedException {
        List<String> notes = new ArrayList<>();
        List<String> schemes = new ArrayList<>(s.schemes());
        if (schemes.contains("ws") && !nats4jSupports("ws")) {
            schemes.remove("ws");
            notes.add("ws:// rows skipped: no nats4j transport for ws:// on the class path (nats-transport-ws)");
        }
        List<Scenario> scenarios = Scenario.standard(s.scale(), schemes).stream()
                .filter(x -> s.only() == null || Pattern.compile(s.only()).matcher(x.id()).find()).toList();
        List<String> clients = new ArrayList<>(s.clients());
        Optional<Path> harness = Optional.empty();
        try {
            Files.createDirectories(s.work());
        } catch (IOException e) {
            throw new BenchException("cannot create " + s.work() + ": " + e.getMessage(), e);
        }
        if (clients.contains("libnats")) {
            harness = LibnatsHarness.compile(s.work(), notes);
            if (harness.isEmpty()) {
                clients.remove("libnats");
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("load_before", loadAverage());
        NatsServerConfig.Builder cfg = NatsServerConfig.builder();
        if (schemes.contains("ws")) {
            cfg.websocket(false);
        }
        List<Cell> cells = new ArrayList<>();
        try (NatsServer server = NatsServer.start(cfg.build())) {
            env.put("server", serverVersion());
            env.put("nproc", Integer.toString(Runtime.getRuntime().availableProcessors()));
            env.put("jvm_options", String.join(" ", s.jvmOptions()));
            int total = s.rounds() * scenarios.size() * clients.size();
            int done = 0;
            for (int round = 1; round <= s.rounds(); round++) {
                for (Scenario sc : scenarios) {
                    List<String> order = rotate(clients, round - 1 + scenarios.indexOf(sc));
                    for (String client : order) {
                        if (client.equals("libnats") && !sc.libnats()) {
                            continue;
                        }
                        String url = sc.scheme().equals("ws") ? server.wsUrl() : server.url();
                        Cell cell = client.equals("libnats") ? runHarness(harness.orElseThrow(), sc, url, round, s)
                                : runJvm(client, sc, url, round, s, env);
                        cells.add(cell);
                        done++;
                        progress(s, done, total, round, sc, cell);
                    }
                }
            }
        }
        env.put("load_after", loadAverage());
        return new RaceResult(env, scenarios, clients, cells, notes);
    }

    private static boolean nats4jSupports(String scheme) {
        for (TransportProvider p : ServiceLoader.load(TransportProvider.class)) {
            if (p.schemes().contains(scheme)) {
                return true;
            }
        }
        return false;
    }

    static List<String> rotate(List<String> list, int by) {
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(list.get((i + by) % list.size()));
        }
        return out;
    }

    private static Cell runJvm(String client, Scenario sc, String url, int round, Settings s, Map<String, String> env)
            throws InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(s.jvmOptions());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(RaceWorker.class.getName());
        cmd.add(client);
        cmd.add(url);
        cmd.addAll(sc.args());
        return runProcess(cmd, client, sc, round, s, env);
    }

    private static Cell runHarness(Path bin, Scenario sc, String url, int round, Settings s) throws InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(bin.toString());
        cmd.addAll(LibnatsHarness.args(sc, url));
        return runProcess(cmd, "libnats", sc, round, s, null);
    }

    private static Cell runProcess(List<String> cmd, String client, Scenario sc, int round, Settings s,
            Map<String, String> env) throws InterruptedException {
        Path out = s.work().resolve(sc.id() + "-" + client + "-" + round + ".out");
        Path err = s.work().resolve(sc.id() + "-" + client + "-" + round + ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(CELL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Cell(sc.id(), client, round, Map.of(), "timed out after " + CELL_TIMEOUT_MINUTES + " min");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.startsWith("RESULT ")) {
                    values.putAll(parse(line.substring(7)));
                } else if (line.startsWith("ENV ") && env != null) {
                    for (String kv : line.substring(4).split(" ")) {
                        int eq = kv.indexOf('=');
                        if (eq > 0) {
                            env.putIfAbsent(kv.substring(0, eq), kv.substring(eq + 1));
                        }
                    }
                }
            }
            if (p.exitValue() != 0 || values.isEmpty()) {
                return new Cell(sc.id(), client, round, values, "exit " + p.exitValue() + ": " + lastLine(err));
            }
            return new Cell(sc.id(), client, round, values, null);
        } catch (IOException e) {
            return new Cell(sc.id(), client, round, Map.of(), "cannot start: " + e.getMessage());
        }
    }

    static Map<String, Double> parse(String kvs) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String kv : kvs.trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                try {
                    out.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
                } catch (NumberFormatException e) {
                    // a descriptive field (spread=...), kept out of the numbers
                }
            }
        }
        return out;
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).strip();
            if (!l.startsWith("at ") && !l.startsWith("...")) {
                return l;
            }
        }
        return "(no output)";
    }

    private static void progress(Settings s, int done, int total, int round, Scenario sc, Cell cell) {
        if (s.progress() == null) {
            return;
        }
        String what = cell.error() != null ? "FAILED: " + cell.error()
                : cell.value("msgs_per_sec").map(v -> String.format(Locale.ROOT, "%,.0f msgs/s", v))
                        .orElse(cell.value("seconds").map(v -> String.format(Locale.ROOT, "%.3f s", v)).orElse(""));
        s.progress().printf(Locale.ROOT, "race [%d/%d] round %d/%d %-12s %-8s %s%n", done, total, round, s.rounds(),
                sc.id(), cell.client(), what);
        s.progress().flush();
    }

    private static String serverVersion() {
        try {
            Process p = new ProcessBuilder(NatsServer.binary().toString(), "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return v;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
