package io.nats4j.bench.soak;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.ConnectionListener;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.Status;
import io.nats4j.client.Subscription;
import io.nats4j.protocol.NatsException;
import io.nats4j.testing.NatsCluster;
import io.nats4j.testing.NatsServer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The churn soak: a 3-node cluster from {@code nats-testing} whose nodes are killed (SIGKILL) and
 * restarted one at a time (a seeded random node each time) while a publisher sends numbered messages at a steady rate in flushed
 * batches and a subscriber on another connection counts them.
 *
 * <p>It prints sent / received / lost in quiet batches / lost during failures / out of order /
 * client drops, and threads and heap before and after. The promise: 0 lost in quiet batches, 0 out of
 * order, 0 duplicates, 0 client-side drops; {@link #main} exits 1 when it is broken. Run it for five
 * minutes with {@code mvn -o -B -pl nats-bench -am test -Dtest=ChurnSoakTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dnats4j.soak.seconds=300} (the build runs it for 8 s).
 */
public final class ChurnSoak {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SUBJECT = "soak.churn";

    private ChurnSoak() {
    }

    /**
     * What to run.
     *
     * @param duration how long to publish
     * @param rate messages per second
     * @param batch messages per flushed batch
     * @param quiet time between a node's recovery and the next kill
     * @param down how long a killed node stays down
     */
    public record Settings(Duration duration, int rate, int batch, Duration quiet, Duration down) {

        /**
         * The defaults for a run of the given length: 2,000 msgs/s in batches of 100, a node down
         * for 2 s after every 4 quiet seconds.
         *
         * @param duration how long to publish
         * @return the settings
         */
        public static Settings of(Duration duration) {
            return new Settings(duration, 2_000, 100, Duration.ofSeconds(4), Duration.ofSeconds(2));
        }
    }

    /**
     * Runs the soak with {@code --seconds N} (default 300), {@code --rate N} and {@code --batch N}.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        Settings s = Settings.of(Duration.ofSeconds(300));
        for (int i = 0; i + 1 < args.length; i += 2) {
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--seconds" -> s = new Settings(Duration.ofSeconds(v), s.rate(), s.batch(), s.quiet(), s.down());
                case "--rate" -> s = new Settings(s.duration(), v, s.batch(), s.quiet(), s.down());
                case "--batch" -> s = new Settings(s.duration(), s.rate(), v, s.quiet(), s.down());
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --seconds, --rate, --batch)");
            }
        }
        SoakReport report = run(s);
        System.out.println(report.text());
        if (!report.promiseKept()) {
            System.exit(1);
        }
    }

    /**
     * Runs the soak.
     *
     * @param s the settings
     * @return the figures
     */
    public static SoakReport run(Settings s) {
        SoakLedger ledger = new SoakLedger(TimeUnit.SECONDS.toNanos(1));
        try (NatsCluster cluster = NatsCluster.start(3)) {
            SoakReport.Snapshot before = SoakReport.Snapshot.take();
            Tracker pubTracker = new Tracker(ledger);
            Tracker subTracker = new Tracker(ledger);
            Connection sub = Nats.connect(options(cluster, "soak-sub", subTracker));
            Connection pub = Nats.connect(options(cluster, "soak-pub", pubTracker));
            Subscription subscription = sub.subscribe(SUBJECT, m -> ledger.received(ByteBuffer.wrap(m.data()).getLong()));
            sub.flush(WAIT);
            Churner churner = new Churner(cluster, ledger, s, sub);
            Thread churn = new Thread(churner, "soak-churn");
            churn.start();
            long start = System.nanoTime();
            publish(pub, ledger, s, start);
            churner.stop();
            join(churn);
            settle(pub, sub, ledger);
            long drops = subscription.droppedMessages() + sub.statistics().droppedMessages()
                    + pub.statistics().droppedMessages();
            long[] reconnects = {pub.statistics().reconnects(), sub.statistics().reconnects()};
            pub.close();
            sub.close();
            SoakReport.Snapshot after = SoakReport.Snapshot.afterClose();
            return new SoakReport(s, Duration.ofNanos(System.nanoTime() - start), ledger.counts(), drops,
                    churner.kills(), reconnects[0], reconnects[1], before, after);
        }
    }

    private static Options options(NatsCluster cluster, String name, Tracker tracker) {
        return Options.builder().server(cluster.urls()).connectionName(name)
                .reconnectWait(Duration.ofMillis(100)).reconnectJitter(Duration.ofMillis(50), Duration.ofMillis(50))
                .maxReconnects(-1).connectionListener(tracker).build();
    }

    /** Publishes numbered messages in batches at the steady rate, flushing each batch. */
    private static void publish(Connection pub, SoakLedger ledger, Settings s, long start) {
        long end = start + s.duration().toNanos();
        long interval = TimeUnit.SECONDS.toNanos(1) * s.batch() / s.rate();
        long seq = 0;
        byte[] payload = new byte[8];
        for (long b = 0; ; b++) {
            long due = start + b * interval;
            if (due >= end) {
                return;
            }
            LockSupport.parkNanos(due - System.nanoTime()); // pacing of the steady publish rate
            long batchStart = System.nanoTime();
            long first = seq;
            boolean allAccepted = true;
            for (int i = 0; i < s.batch(); i++, seq++) {
                ByteBuffer.wrap(payload).putLong(seq);
                try {
                    pub.publish(SUBJECT, payload);
                    ledger.sent(seq);
                } catch (NatsException e) {
                    ledger.publishFailed(); // never reported as sent (the reconnect buffer was full)
                    allAccepted = false;
                }
            }
            boolean flushed = flushQuietly(pub);
            ledger.batch(first, s.batch(), batchStart, System.nanoTime(), flushed && allAccepted);
        }
    }

    private static boolean flushQuietly(Connection c) {
        try {
            c.flush(Duration.ofSeconds(5));
            return true;
        } catch (NatsException e) {
            return false;
        }
    }

    /** Waits until both clients are connected, everything is flushed and delivery stops changing. */
    private static void settle(Connection pub, Connection sub, SoakLedger ledger) {
        awaitTrue(() -> pub.status() == Status.CONNECTED && sub.status() == Status.CONNECTED, Duration.ofSeconds(30));
        awaitTrue(() -> flushQuietly(pub) && flushQuietly(sub), Duration.ofSeconds(30));
        long sent = ledger.sent();
        long last = -1;
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && ledger.receivedCount() < sent) {
            long now = ledger.receivedCount();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(3)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // poll interval of a bounded wait
        }
    }

    static boolean awaitTrue(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // poll interval of a bounded wait
        }
        return true;
    }

    private static void join(Thread t) {
        try {
            t.join(TimeUnit.MINUTES.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Opens a failure window when its client is disconnected, closes it once resubscribed. */
    private static final class Tracker implements ConnectionListener {
        private final SoakLedger ledger;
        private int window = -1; // events come one at a time, on the client's events thread

        Tracker(SoakLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public synchronized void onEvent(Connection connection, ConnectionEvent event) {
            if (event == ConnectionEvent.DISCONNECTED && window < 0) {
                window = ledger.open();
            } else if ((event == ConnectionEvent.RESUBSCRIBED || event == ConnectionEvent.CLOSED) && window >= 0) {
                ledger.close(window);
                window = -1;
            }
        }
    }

    /** Kills and restarts the nodes one at a time, each outage a failure window until the mesh is whole. */
    private static final class Churner implements Runnable {
        private final NatsCluster cluster;
        private final SoakLedger ledger;
        private final Settings settings;
        private final Connection sub;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile int kills;

        Churner(NatsCluster cluster, SoakLedger ledger, Settings settings, Connection sub) {
            this.cluster = cluster;
            this.ledger = ledger;
            this.settings = settings;
            this.sub = sub;
        }

        void stop() {
            running.set(false);
        }

        int kills() {
            return kills;
        }

        @Override
        public void run() {
            // a random node each time: killing in turn makes a client that fails over in pool order
            // land on the next victim every time, which measures the order rather than the churn
            java.util.Random random = new java.util.Random(20261201L);
            while (pause(settings.quiet())) {
                NatsServer victim = cluster.server(random.nextInt(cluster.size()));
                int window = ledger.open();
                victim.kill();
                kills++;
                pauseAnyway(settings.down());
                victim.restart();
                cluster.awaitRoutes(Duration.ofSeconds(30));
                // interest of a subscriber that moved must reach every node before the window closes
                awaitTrue(() -> sub.status() == Status.CONNECTED && flushQuietly(sub), Duration.ofSeconds(30));
                ledger.close(window);
            }
        }

        /** Waits, returning false at once when the soak is over. */
        private boolean pause(Duration d) {
            long deadline = System.nanoTime() + d.toNanos();
            while (running.get() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return running.get();
        }

        private void pauseAnyway(Duration d) {
            long deadline = System.nanoTime() + d.toNanos();
            while (System.nanoTime() < deadline) {
                LockSupport.parkNanos(deadline - System.nanoTime()); // a node's outage
            }
        }
    }
}
