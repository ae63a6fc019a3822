package io.nats4j.bench.race;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The C client's column: compiles our small harness ({@code cnats_harness.c}) with {@code gcc}
 * against Debian's {@code libnats-dev} when both are present.
 */
final class LibnatsHarness {

    private static final Path HEADER = Path.of("/usr/include/nats/nats.h");

    private LibnatsHarness() {
    }

    /**
     * Compiles the harness.
     *
     * @param dir where to put the source and the binary
     * @param notes receives a line saying why the column is skipped
     * @return the binary, or empty when libnats or gcc is missing or the compile failed
     */
    static Optional<Path> compile(Path dir, List<String> notes) {
        if (!Files.exists(HEADER)) {
            notes.add("libnats column skipped: " + HEADER + " not found (apt-get install -y libnats-dev gcc)");
            return Optional.empty();
        }
        try {
            Path src = dir.resolve("cnats_harness.c");
            try (InputStream in = LibnatsHarness.class.getResourceAsStream("cnats_harness.c")) {
                if (in == null) {
                    notes.add("libnats column skipped: cnats_harness.c missing from the bench jar");
                    return Optional.empty();
                }
                Files.copy(in, src);
            }
            Path bin = dir.resolve("cnats_harness");
            Path log = dir.resolve("gcc.log");
            Process p = new ProcessBuilder("gcc", "-O2", "-o", bin.toString(), src.toString(), "-lnats", "-lpthread")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                String out = Files.readString(log, StandardCharsets.UTF_8).strip().replace('\n', ' ');
                notes.add("libnats column skipped: gcc failed: " + out);
                return Optional.empty();
            }
            return Optional.of(bin);
        } catch (IOException e) {
            notes.add("libnats column skipped: cannot run gcc (" + e.getMessage() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The harness arguments for a scenario.
     *
     * @param s the scenario ({@link Scenario#libnats()} must hold)
     * @param url the server
     * @return the arguments after the binary
     */
    static List<String> args(Scenario s, String url) {
        String mode = switch (s.kind()) {
            case PUB -> "pub";
            case PUBSUB -> "pubsub";
            default -> "req";
        };
        return List.of(mode, url, Long.toString(s.msgs()), Integer.toString(s.size()), Long.toString(s.warmup()));
    }
}
