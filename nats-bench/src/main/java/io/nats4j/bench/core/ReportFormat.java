package io.nats4j.bench.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link RunReport} as text for people, CSV and JSON for machines. */
public final class ReportFormat {

    private static final String[] ROLES = {"pub", "sub", "req", "rep"};
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};
    /** Commands whose payload size is what arrived, not an option. */
    private static final java.util.Set<String> RECEIVING = java.util.Set.of("sub", "js consume", "kv get");

    private ReportFormat() {
    }

    /**
     * Renders the human-readable report: one line per client, an aggregate line per role with
     * min/avg/max/stddev across clients, latency percentiles where measured, and the error counts.
     *
     * @param r the report
     * @return the text, lines ending in {@code \n}
     */
    public static String text(RunReport r) {
        StringBuilder b = new StringBuilder();
        Load l = r.load();
        b.append(String.format(Locale.ROOT, "nats-bench %s: %s -> %s, subject %s%s%s%s%n", r.command(),
                r.client().label(), r.servers(), l.subject(), RECEIVING.contains(r.command()) ? "" : ", " + l.size() + " B payload",
                l.queue() == null ? "" : ", queue " + l.queue(),
                l.rate() > 0 ? String.format(Locale.ROOT, ", target %,.0f msgs/s", l.rate()) : ""));
        for (Summary s : summaries(r)) {
            for (ClientResult c : r.role(s.role())) {
                b.append(String.format(Locale.ROOT, "  %-3s #%-3d %,13d msgs %,14.0f msgs/s %10.2f MB/s %9.3f s%n",
                        c.role(), c.index(), c.msgs(), c.msgsPerSec(), c.mbPerSec(), c.nanos() / 1e9));
            }
            b.append(String.format(Locale.ROOT, "  %-3s all  %,13d msgs %,14.0f msgs/s %10.2f MB/s %9.3f s", s.role(),
                    s.msgs(), s.msgsPerSec(), s.mbPerSec(), s.nanos() / 1e9));
            if (s.clients() > 1) {
                b.append(String.format(Locale.ROOT, "  (%d clients: min %,.0f avg %,.0f max %,.0f stddev %,.0f msgs/s)",
                        s.clients(), s.min(), s.avg(), s.max(), s.stddev()));
            }
            b.append(System.lineSeparator());
            if (s.latency() != null) {
                b.append(String.format(Locale.ROOT, "  %-3s latency (%,d samples): p50 %.1f us  p90 %.1f us  p99 %.1f us"
                        + "  p99.9 %.1f us  max %.1f us%n", s.role(), s.latency().getTotalCount(), s.latencyMicros(50),
                        s.latencyMicros(90), s.latencyMicros(99), s.latencyMicros(99.9), s.latencyMaxMicros()));
            }
        }
        long[] e = errors(r);
        b.append(String.format(Locale.ROOT, "errors: timeouts %d, dropped %d, reconnects %d, missing %d, other %d%n",
                e[0], e[1], e[2], e[3], e[4]));
        return b.toString();
    }

    /**
     * Renders CSV: a header, then one row per client and one {@code all} row per role.
     *
     * @param r the report
     * @return the CSV text
     */
    public static String csv(RunReport r) {
        StringBuilder b = new StringBuilder("command,client,role,index,msgs,bytes,seconds,msgs_per_sec,mb_per_sec,"
                + "timeouts,errors,dropped,reconnects,missing,p50_us,p90_us,p99_us,p999_us,max_us\n");
        for (Summary s : summaries(r)) {
            for (ClientResult c : r.role(s.role())) {
                Summary one = Summary.of(c.role(), List.of(c));
                row(b, r, c.role(), Integer.toString(c.index()), one);
            }
            row(b, r, s.role(), "all", s);
        }
        return b.toString();
    }

    private static void row(StringBuilder b, RunReport r, String role, String index, Summary s) {
        b.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%d,%.6f,%.1f,%.3f,%d,%d,%d,%d,%d,%s,%s,%s,%s,%s%n",
                r.command(), r.client().label(), role, index, s.msgs(), s.bytes(), s.nanos() / 1e9, s.msgsPerSec(),
                s.mbPerSec(), s.timeouts(), s.errors(), s.dropped(), s.reconnects(), s.missing(),
                micros(s.latencyMicros(50)), micros(s.latencyMicros(90)), micros(s.latencyMicros(99)),
                micros(s.latencyMicros(99.9)), micros(s.latencyMaxMicros())));
    }

    private static String micros(double v) {
        return v < 0 ? "" : String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Renders JSON: the settings, every client, the aggregates and the error totals.
     *
     * @param r the report
     * @return one JSON object
     */
    public static String json(RunReport r) {
        Json j = new Json().begin(null).field("command", r.command()).field("client", r.client().label())
                .field("servers", r.servers()).field("subject", r.load().subject()).field("size", r.load().size())
                .field("queue", r.load().queue()).field("rate", r.load().rate());
        j.array("clients");
        for (ClientResult c : r.results()) {
            j.begin(null).field("role", c.role()).field("index", c.index()).field("msgs", c.msgs())
                    .field("bytes", c.bytes()).field("seconds", c.nanos() / 1e9).field("msgs_per_sec", c.msgsPerSec())
                    .field("mb_per_sec", c.mbPerSec()).field("timeouts", c.timeouts()).field("errors", c.errors())
                    .field("dropped", c.dropped()).field("reconnects", c.reconnects()).field("missing", c.missing())
                    .end();
        }
        j.endArray().array("aggregate");
        for (Summary s : summaries(r)) {
            j.begin(null).field("role", s.role()).field("clients", s.clients()).field("msgs", s.msgs())
                    .field("bytes", s.bytes()).field("seconds", s.nanos() / 1e9).field("msgs_per_sec", s.msgsPerSec())
                    .field("mb_per_sec", s.mbPerSec());
            j.begin("client_msgs_per_sec").field("min", s.min()).field("avg", s.avg()).field("max", s.max())
                    .field("stddev", s.stddev()).end();
            if (s.latency() != null) {
                j.begin("latency_us").field("samples", s.latency().getTotalCount());
                for (double p : PERCENTILES) {
                    j.field("p" + (p == 99.9 ? "99.9" : Integer.toString((int) p)), s.latencyMicros(p));
                }
                j.field("max", s.latencyMaxMicros()).end();
            }
            j.end();
        }
        long[] e = errors(r);
        j.endArray().begin("errors").field("timeouts", e[0]).field("dropped", e[1]).field("reconnects", e[2])
                .field("missing", e[3]).field("other", e[4]).end();
        return j.end().toString();
    }

    /**
     * Returns one summary per role present, in the order pub, sub, req, rep.
     *
     * @param r the report
     * @return the summaries
     */
    public static List<Summary> summaries(RunReport r) {
        List<Summary> out = new ArrayList<>();
        for (String role : ROLES) {
            List<ClientResult> rs = r.role(role);
            if (!rs.isEmpty()) {
                out.add(Summary.of(role, rs));
            }
        }
        return out;
    }

    private static long[] errors(RunReport r) {
        long[] e = new long[5];
        for (ClientResult c : r.results()) {
            e[0] += c.timeouts();
            e[1] += c.dropped();
            e[2] += c.reconnects();
            e[3] += c.missing();
            e[4] += c.errors();
        }
        return e;
    }
}
