package io.nats4j.bench.cli;

import io.nats4j.bench.core.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a run's progress on standard error: a redrawn bar on a terminal, a plain line per second
 * otherwise (logs, CI), nothing with {@code --no-progress}.
 */
final class ProgressDisplay implements AutoCloseable {

    private static final int WIDTH = 30;

    private final Progress progress;
    private final PrintWriter err;
    private final boolean terminal;
    private final Thread thread;
    private final long start = System.nanoTime();
    private volatile boolean running = true;

    private ProgressDisplay(Progress progress, PrintWriter err, boolean terminal) {
        this.progress = progress;
        this.err = err;
        this.terminal = terminal;
        this.thread = new Thread(this::loop, "nats-bench-progress");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts the display, or nothing.
     *
     * @param progress the counter
     * @param err where to draw
     * @param enabled false for {@code --no-progress}
     * @return the display; close it when the run ends
     */
    static AutoCloseable start(Progress progress, PrintWriter err, boolean enabled) {
        if (!enabled) {
            return () -> { };
        }
        return new ProgressDisplay(progress, err, System.console() != null);
    }

    private void loop() {
        long period = terminal ? 200_000_000L : 1_000_000_000L;
        long last = 0;
        long lastAt = start;
        long next = start + period;
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                synchronized (this) {
                    try {
                        if (running) {
                            wait(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            next += period;
            long now = System.nanoTime();
            long done = progress.done();
            double rate = (done - last) * 1e9 / Math.max(1, now - lastAt);
            last = done;
            lastAt = now;
            draw(done, rate, now);
        }
    }

    private void draw(long done, double rate, long now) {
        long target = progress.target();
        double secs = (now - start) / 1e9;
        if (terminal) {
            String bar;
            if (target > 0) {
                int filled = (int) Math.min(WIDTH, done * WIDTH / target);
                bar = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                        + String.format(Locale.ROOT, "%3d%%", Math.min(100, done * 100 / target));
            } else {
                bar = "[" + "=".repeat((int) (secs * 5) % (WIDTH + 1)) + "]";
            }
            err.printf(Locale.ROOT, "\r%s %,d msgs  %,.0f msgs/s  %.1f s   ", bar, done, rate, secs);
        } else {
            err.printf(Locale.ROOT, "progress: %,d%s msgs, %,.0f msgs/s, %.1f s%n", done,
                    target > 0 ? String.format(Locale.ROOT, " of %,d", target) : "", rate, secs);
        }
        err.flush();
    }

    @Override
    public void close() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (terminal) {
            err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            err.flush();
        }
    }
}
