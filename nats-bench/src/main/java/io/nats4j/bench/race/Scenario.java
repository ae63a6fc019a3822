package io.nats4j.bench.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row group of the race: a workload, its payload size and count, and the URL scheme it runs over.
 *
 * @param id short name, unique in a race ({@code pub-16}, {@code req-seq}, {@code ws-pub-16}, ...)
 * @param kind the workload
 * @param size payload bytes
 * @param msgs messages (or requests, or subscriptions) measured
 * @param warmup messages of the warm-up round before it, in the same JVM
 * @param inFlight requests outstanding at once (request scenarios)
 * @param scheme {@code nats} or {@code ws}
 */
public record Scenario(String id, Kind kind, int size, long msgs, long warmup, int inFlight, String scheme) {

    /** The workloads of the race. */
    public enum Kind {
        /** Publish only; the clock stops at the PONG of a final flush. */
        PUB,
        /** One publisher and one subscriber on two connections; clock to the last message received. */
        PUBSUB,
        /** Request-reply against a replier on a second connection in the same process. */
        REQ,
        /** One publisher, four queue subscribers sharing the stream. */
        FANOUT,
        /** Many subscriptions on one connection: subscribe + flush time and heap. */
        SUBS
    }

    /** Queue subscribers of the fan-out scenario. */
    public static final int FANOUT_SUBS = 4;

    /**
     * Returns a readable title for tables.
     *
     * @return e.g. {@code pub-only 16 B} or {@code request-reply, 10 in flight (ws)}
     */
    public String title() {
        String t = switch (kind) {
            case PUB -> "pub-only " + bytes(size);
            case PUBSUB -> "pub→sub " + bytes(size);
            case REQ -> inFlight == 1 ? "request-reply sequential " + bytes(size)
                    : "request-reply " + inFlight + " in flight " + bytes(size);
            case FANOUT -> "queue group fan-out (1 pub → " + FANOUT_SUBS + " queue subs) " + bytes(size);
            case SUBS -> String.format(Locale.ROOT, "%,d subscriptions", msgs);
        };
        return scheme.equals("nats") ? t : t + " (" + scheme + "://)";
    }

    /**
     * Whether the C harness implements this scenario.
     *
     * @return true for pub, pub→sub and sequential request over nats://
     */
    public boolean libnats() {
        return scheme.equals("nats") && (kind == Kind.PUB || kind == Kind.PUBSUB || kind == Kind.REQ && inFlight == 1);
    }

    /**
     * Writes a size the way the tables do.
     *
     * @param size bytes
     * @return {@code 16 B}, {@code 1 KiB}, {@code 64 KiB}
     */
    public static String bytes(int size) {
        return size >= 1024 && size % 1024 == 0 ? size / 1024 + " KiB" : size + " B";
    }

    /**
     * The race's scenarios.
     *
     * @param scale 1.0 for the full race; smaller for quick runs (CI uses 0.001)
     * @param schemes the URL schemes to run; {@code ws} adds a ws:// copy of the main rows
     * @return the scenarios in run order
     */
    public static List<Scenario> standard(double scale, List<String> schemes) {
        List<Scenario> out = new ArrayList<>();
        for (String scheme : schemes) {
            String p = scheme.equals("nats") ? "" : scheme + "-";
            out.add(new Scenario(p + "pub-16", Kind.PUB, 16, n(2_000_000, scale), n(1_000_000, scale), 1, scheme));
            out.add(new Scenario(p + "pub-128", Kind.PUB, 128, n(2_000_000, scale), n(1_000_000, scale), 1, scheme));
            out.add(new Scenario(p + "pub-1k", Kind.PUB, 1024, n(1_000_000, scale), n(500_000, scale), 1, scheme));
            out.add(new Scenario(p + "pub-64k", Kind.PUB, 65536, n(20_000, scale), n(4_096, scale), 1, scheme));
            out.add(new Scenario(p + "pubsub-16", Kind.PUBSUB, 16, n(1_000_000, scale), n(500_000, scale), 1, scheme));
            if (scheme.equals("nats")) {
                out.add(new Scenario("pubsub-1k", Kind.PUBSUB, 1024, n(500_000, scale), n(200_000, scale), 1, scheme));
            }
            out.add(new Scenario(p + "req-seq", Kind.REQ, 16, n(20_000, scale), n(20_000, scale), 1, scheme));
            if (scheme.equals("nats")) {
                out.add(new Scenario("req-10", Kind.REQ, 16, n(100_000, scale), n(20_000, scale), 10, scheme));
                out.add(new Scenario("req-50", Kind.REQ, 16, n(200_000, scale), n(20_000, scale), 50, scheme));
                out.add(new Scenario("fanout-16", Kind.FANOUT, 16, n(1_000_000, scale), n(200_000, scale), 1, scheme));
                out.add(new Scenario("subs-100k", Kind.SUBS, 0, n(100_000, scale), 0, 1, scheme));
            }
        }
        return out;
    }

    private static long n(long full, double scale) {
        return Math.max(200, Math.round(full * scale));
    }

    /**
     * Encodes the scenario as worker arguments.
     *
     * @return {@code id kind size msgs warmup inFlight scheme}
     */
    public List<String> args() {
        return List.of(id, kind.name(), Integer.toString(size), Long.toString(msgs), Long.toString(warmup),
                Integer.toString(inFlight), scheme);
    }

    /**
     * Decodes {@link #args()}.
     *
     * @param a the arguments, from index {@code from}
     * @param from where the scenario starts
     * @return the scenario
     */
    public static Scenario parse(String[] a, int from) {
        return new Scenario(a[from], Kind.valueOf(a[from + 1]), Integer.parseInt(a[from + 2]),
                Long.parseLong(a[from + 3]), Long.parseLong(a[from + 4]), Integer.parseInt(a[from + 5]), a[from + 6]);
    }
}
