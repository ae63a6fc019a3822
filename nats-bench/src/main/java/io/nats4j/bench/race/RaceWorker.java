package io.nats4j.bench.race;

import io.nats4j.bench.core.Bench;
import io.nats4j.bench.core.BenchClient;
import io.nats4j.bench.core.ClientKind;
import io.nats4j.bench.core.ClientResult;
import io.nats4j.bench.core.ConnectSpec;
import io.nats4j.bench.core.Load;
import io.nats4j.bench.core.Progress;
import io.nats4j.bench.core.Publisher;
import io.nats4j.bench.core.Replier;
import io.nats4j.bench.core.Requester;
import io.nats4j.bench.core.RunReport;
import io.nats4j.bench.core.Subscriber;
import io.nats4j.bench.core.Summary;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One race cell in a fresh JVM: one client, one scenario, a warm-up round, then the measured round.
 * Prints {@code ENV ...} and {@code RESULT key=value ...} lines that {@link Race} reads.
 */
public final class RaceWorker {

    private static final Progress NONE = new Progress(0);

    private RaceWorker() {
    }

    /**
     * Runs one cell.
     *
     * @param args {@code client url} followed by {@link Scenario#args()}
     * @throws Exception when the cell fails; the race reports it and goes on
     */
    public static void main(String[] args) throws Exception {
        ClientKind kind = ClientKind.valueOf(args[0].toUpperCase(Locale.ROOT));
        ConnectSpec spec = ConnectSpec.of(args[1]);
        Scenario s = Scenario.parse(args, 2);
        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining("+")).replace(' ', '_');
        System.out.printf(Locale.ROOT, "ENV jdk=%s gc=%s heap_max_mb=%d nproc=%d%n", Runtime.version(), gcs,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        String result = switch (s.kind()) {
            case PUB -> pub(kind, spec, s);
            case PUBSUB -> pubsub(kind, spec, s);
            case REQ -> request(kind, spec, s);
            case FANOUT -> fanout(kind, spec, s);
            case SUBS -> subscriptions(kind, spec, s);
        };
        System.out.println("RESULT " + result);
        System.out.flush();
    }

    private static String pub(ClientKind kind, ConnectSpec spec, Scenario s) {
        try (BenchClient c = kind.connect(spec, "race-pub")) {
            Load load = Load.of("race.pub", s.msgs(), s.size());
            Publisher.run(c, 1, load, s.warmup(), 0, NONE);
            ClientResult r = Publisher.run(c, 1, load, s.msgs(), 0, NONE);
            return String.format(Locale.ROOT, "msgs_per_sec=%.1f mb_per_sec=%.3f seconds=%.6f errors=%d",
                    r.msgsPerSec(), r.mbPerSec(), r.nanos() / 1e9, r.problems());
        }
    }

    private static String pubsub(ClientKind kind, ConnectSpec spec, Scenario s) throws InterruptedException {
        try (BenchClient sub = kind.connect(spec, "race-sub"); BenchClient pub = kind.connect(spec, "race-pub")) {
            pubsubRound(sub, pub, Load.of("race.warm", s.warmup(), s.size()));
            Load load = Load.of("race.stream", s.msgs(), s.size());
            long[] r = pubsubRound(sub, pub, load);
            double secs = r[1] / 1e9;
            return String.format(Locale.ROOT, "msgs_per_sec=%.1f mb_per_sec=%.3f seconds=%.6f received=%d missing=%d"
                    + " errors=%d", r[0] / secs, r[0] * (double) s.size() / secs / 1e6, secs, r[0], s.msgs() - r[0], r[2]);
        }
    }

    /** Returns {received, nanos from first publish to last message, problems}. */
    private static long[] pubsubRound(BenchClient sub, BenchClient pub, Load load) throws InterruptedException {
        Subscriber subscriber = Subscriber.start(sub, 1, load, load.msgs(), NONE);
        ClientResult p = Publisher.run(pub, 1, load, load.msgs(), 0, NONE);
        ClientResult r = subscriber.await();
        return new long[] {r.msgs(), Math.max(1, r.endNanos() - p.startNanos()), r.problems() + p.problems()};
    }

    private static String request(ClientKind kind, ConnectSpec spec, Scenario s) throws InterruptedException {
        try (BenchClient rep = kind.connect(spec, "race-rep"); BenchClient req = kind.connect(spec, "race-req")) {
            Load load = Load.of("race.req", s.msgs(), s.size()).withInFlight(s.inFlight());
            CountDownLatch never = new CountDownLatch(1);
            Replier replier = Replier.start(rep, 1, load, new AtomicLong(), Long.MAX_VALUE, never, NONE);
            Requester.run(req, 1, load, s.warmup(), 0, NONE);
            ClientResult r = Requester.run(req, 1, load, s.msgs(), 0, NONE);
            replier.stop();
            Summary sum = Summary.of("req", List.of(r));
            return String.format(Locale.ROOT, "msgs_per_sec=%.1f p50_us=%.1f p90_us=%.1f p99_us=%.1f p999_us=%.1f"
                    + " max_us=%.1f timeouts=%d errors=%d", r.msgsPerSec(), sum.latencyMicros(50), sum.latencyMicros(90),
                    sum.latencyMicros(99), sum.latencyMicros(99.9), sum.latencyMaxMicros(), r.timeouts(), r.problems());
        }
    }

    private static String fanout(ClientKind kind, ConnectSpec spec, Scenario s) throws InterruptedException {
        Load warm = Load.of("race.fanwarm", s.warmup(), s.size()).withQueue("race");
        Bench.pubsub(kind, spec, warm, 1, Scenario.FANOUT_SUBS, NONE);
        RunReport report = Bench.pubsub(kind, spec, Load.of("race.fan", s.msgs(), s.size()).withQueue("race"), 1,
                Scenario.FANOUT_SUBS, NONE);
        ClientResult p = report.role("pub").get(0);
        List<ClientResult> subs = report.role("sub");
        long received = subs.stream().mapToLong(ClientResult::msgs).sum();
        long end = subs.stream().mapToLong(ClientResult::endNanos).max().orElse(p.endNanos());
        double secs = Math.max(1, end - p.startNanos()) / 1e9;
        String spread = subs.stream().map(r -> Long.toString(r.msgs())).collect(Collectors.joining("/"));
        return String.format(Locale.ROOT, "msgs_per_sec=%.1f seconds=%.6f received=%d missing=%d errors=%d spread=%s",
                received / secs, secs, received, s.msgs() - received, report.problems(), spread);
    }

    private static String subscriptions(ClientKind kind, ConnectSpec spec, Scenario s) {
        try (BenchClient c = kind.connect(spec, "race-subs")) {
            long heap0 = usedHeapAfterGc();
            List<BenchClient.BenchSubscription> subs = new ArrayList<>((int) s.msgs());
            long t0 = System.nanoTime();
            for (int i = 0; i < s.msgs(); i++) {
                subs.add(c.subscribe("race.subs." + i, null, (data, reply) -> { }));
            }
            c.flush(Duration.ofSeconds(120));
            double secs = (System.nanoTime() - t0) / 1e9;
            long heap1 = usedHeapAfterGc();
            return String.format(Locale.ROOT, "seconds=%.6f heap_mb=%.1f subscriptions=%d", secs,
                    (heap1 - heap0) / 1048576.0, subs.size());
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
