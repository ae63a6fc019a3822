package io.nats4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code nats-bench} in-process and keeps what it printed. */
final class Cli {

    final int exit;
    final String out;
    final String err;

    private Cli(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Cli c = new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.print(c.out);
        System.out.print(c.err);
        return c;
    }

    /** Runs the command in the background; {@link Background#awaitErr} waits for a line on its stderr. */
    static Background start(String... args) {
        return new Background(args);
    }

    Map<String, Object> json() throws IOException {
        return JsonTree.object(out.strip());
    }

    Cli assertOk() {
        assertEquals(0, exit, "exit code; stderr: " + err);
        return this;
    }

    /** The aggregate entry of a role from {@code --json} output. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> aggregate(Map<String, Object> json, String role) {
        for (Object o : (List<Object>) json.get("aggregate")) {
            Map<String, Object> m = (Map<String, Object>) o;
            if (role.equals(m.get("role"))) {
                return m;
            }
        }
        throw new AssertionError("no aggregate for " + role + " in " + json);
    }

    @SuppressWarnings("unchecked")
    static void assertNoErrors(Map<String, Object> json) {
        Map<String, Object> e = (Map<String, Object>) json.get("errors");
        for (String k : List.of("timeouts", "dropped", "reconnects", "missing", "other")) {
            assertEquals(0.0, e.get(k), k + " in " + e);
        }
    }

    static long msgs(Map<String, Object> json, String role) {
        return Math.round((Double) aggregate(json, role).get("msgs"));
    }

    /** A command running on another thread. */
    static final class Background {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final SyncBuffer err = new SyncBuffer();
        private final CompletableFuture<Integer> exit;

        private Background(String[] args) {
            exit = CompletableFuture.supplyAsync(() -> BenchCli.run(args,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        }

        void awaitErr(String text, Duration timeout) throws InterruptedException {
            assertTrue(err.await(text, timeout), "'" + text + "' not printed in time; stderr: " + err);
        }

        Cli finish(Duration timeout) throws Exception {
            int code = exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Cli c = new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString());
            System.out.print(c.out);
            System.out.print(c.err);
            return c;
        }
    }

    /** A byte sink whose writers wake up those waiting for a text. */
    static final class SyncBuffer extends java.io.OutputStream {
        private final List<Byte> bytes = new ArrayList<>();

        @Override
        public synchronized void write(int b) {
            bytes.add((byte) b);
            notifyAll();
        }

        synchronized boolean await(String text, Duration timeout) throws InterruptedException {
            long until = System.nanoTime() + timeout.toNanos();
            while (!toString().contains(text)) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        @Override
        public synchronized String toString() {
            byte[] b = new byte[bytes.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = bytes.get(i);
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }
}
