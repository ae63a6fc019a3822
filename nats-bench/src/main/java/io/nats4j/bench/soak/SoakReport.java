package io.nats4j.bench.soak;

import java.time.Duration;

/**
 * The figures of one churn soak run.
 *
 * @param settings what ran
 * @param elapsed the whole run, settling included
 * @param counts sent, received and the losses
 * @param drops client-side drops (slow consumer) on either connection
 * @param kills nodes killed and restarted
 * @param publisherReconnects reconnects of the publishing connection
 * @param subscriberReconnects reconnects of the subscribing connection
 * @param before threads and heap with the cluster up, before the clients connected
 * @param after threads and heap after the clients closed
 */
public record SoakReport(ChurnSoak.Settings settings, Duration elapsed, SoakLedger.Counts counts, long drops,
        int kills, long publisherReconnects, long subscriberReconnects, Snapshot before, Snapshot after) {

    /**
     * Whether the promise held: nothing lost in a quiet batch, nothing out of order or twice, no
     * client-side drop, and no client thread left.
     *
     * @return true when it held
     */
    public boolean promiseKept() {
        return counts.lostQuiet() == 0 && counts.outOfOrder() == 0 && counts.duplicates() == 0 && drops == 0
                && after.clientThreads() == 0;
    }

    /**
     * The report as printed.
     *
     * @return several lines of text
     */
    public String text() {
        SoakLedger.Counts c = counts;
        return String.format("churn soak: %d s of publishing (%d s in all), 3-node cluster, %d msgs/s in flushed"
                        + " batches of %d, a node killed for %d s after every %d quiet s%n"
                        + "node kills: %d; reconnects: publisher %d, subscriber %d; failure windows: %d%n"
                        + "sent: %d (publish refused: %d)   received: %d%n"
                        + "lost in quiet batches: %d (of %d messages in %d quiet batches)%n"
                        + "lost during failures: %d (of %d messages in %d batches near a failure)%n"
                        + "out of order: %d   duplicates: %d   client drops: %d%n"
                        + "threads: %d before, %d after (nats4j-* after close: %d); heap used after GC:"
                        + " %.1f MiB before, %.1f MiB after%n"
                        + "%s",
                settings.duration().toSeconds(), elapsed.toSeconds(), settings.rate(), settings.batch(),
                settings.down().toSeconds(), settings.quiet().toSeconds(),
                kills, publisherReconnects, subscriberReconnects, c.failureWindows(),
                c.sent(), c.publishFailures(), c.received(),
                c.lostQuiet(), c.quietSent(), c.quietBatches(),
                c.lostFailure(), c.sent() - c.quietSent(), c.batches() - c.quietBatches(),
                c.outOfOrder(), c.duplicates(), drops,
                before.threads(), after.threads(), after.clientThreads(), before.heapMiB(), after.heapMiB(),
                promiseKept() ? "PROMISE KEPT: 0 lost in quiet batches, 0 out of order, 0 duplicates, 0 client drops"
                        : "PROMISE BROKEN");
    }

    /**
     * Live threads and heap at one moment.
     *
     * @param threads live threads
     * @param clientThreads live threads named {@code nats4j-*}
     * @param heapMiB heap in use after a GC, in MiB
     */
    public record Snapshot(int threads, int clientThreads, double heapMiB) {

        static Snapshot take() {
            System.gc(); // the figure is meant as "live heap", so ask for a collection first
            Runtime rt = Runtime.getRuntime();
            double heap = (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
            int all = 0;
            int client = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.isAlive()) {
                    all++;
                    client += t.getName().startsWith("nats4j-") ? 1 : 0;
                }
            }
            return new Snapshot(all, client, heap);
        }

        /** After close(): client threads end promptly, so give them a bounded moment. */
        static Snapshot afterClose() {
            ChurnSoak.awaitTrue(() -> take().clientThreads() == 0, Duration.ofSeconds(10));
            return take();
        }
    }
}
