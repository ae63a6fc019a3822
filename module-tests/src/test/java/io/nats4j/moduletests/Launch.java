package io.nats4j.moduletests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a JDK tool in its own process, bounded in time, and keeps what it printed. */
final class Launch {

    private static final long TIMEOUT_SECONDS = 120;

    /** What a process printed (stdout and stderr together) and how it ended. */
    record Result(List<String> command, int exit, String output) {

        /** The {@code key=value} lines the probe application prints. */
        Map<String, String> values() {
            Map<String, String> out = new LinkedHashMap<>();
            for (String line : output.split("\\R")) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).matches("[a-z]+")) {
                    out.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return out;
        }

        String describe() {
            return "command: " + String.join(" ", command) + "\nexit " + exit + ", output:\n" + output;
        }
    }

    private Launch() {
    }

    static Result run(Path jdk, String tool, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(jdk.resolve("bin").resolve(tool).toString());
        command.addAll(args);
        try {
            Path log = java.nio.file.Files.createTempFile("nats4j-launch", ".log");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                pb.environment().remove("JDK_JAVA_OPTIONS");
                pb.environment().remove("JAVA_TOOL_OPTIONS");
                Process p = pb.start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command)
                            + "\n" + java.nio.file.Files.readString(log, StandardCharsets.UTF_8));
                }
                return new Result(command, p.exitValue(), java.nio.file.Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                java.nio.file.Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs the tool and fails the test, showing what it printed, unless it exits with 0. */
    static Result ok(Path jdk, String tool, List<String> args) {
        Result r = run(jdk, tool, args);
        if (r.exit() != 0) {
            throw new AssertionError(tool + " failed\n" + r.describe());
        }
        return r;
    }
}
