package io.nats4j.bench.race;

import io.nats4j.bench.core.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link RaceResult} as a Markdown table and as JSON. */
public final class RaceTable {

    private RaceTable() {
    }

    /**
     * The Markdown report: environment, one row per scenario metric with median (min–max) per
     * client, the per-round ratios nats4j / jnats and nats4j / libnats, then failures and notes.
     *
     * @param r the race
     * @return Markdown text
     */
    public static String markdown(RaceResult r) {
        StringBuilder b = new StringBuilder();
        Map<String, String> e = r.env();
        b.append(String.format(Locale.ROOT, "Race on %s cores, JDK %s, GC %s, worker JVM `%s`, %s; load average %s"
                + " before, %s after.%n%n", e.get("nproc"), e.getOrDefault("jdk", "?"), e.getOrDefault("gc", "?"),
                e.get("jvm_options"), e.get("server"), e.get("load_before"), e.get("load_after")));
        List<String> clients = r.clients();
        b.append("| scenario | metric |");
        clients.forEach(c -> b.append(' ').append(c).append(" |"));
        List<String> others = clients.stream().filter(c -> !c.equals("nats4j")).toList();
        others.forEach(o -> b.append(" nats4j / ").append(o).append(" |"));
        b.append('\n').append("|---|---|");
        clients.forEach(c -> b.append("---|"));
        others.forEach(o -> b.append("---|"));
        b.append('\n');
        for (Scenario s : r.scenarios()) {
            for (RaceResult.Metric m : RaceResult.metrics(s)) {
                b.append("| ").append(s.title()).append(" | ").append(m.label())
                        .append(m.higherIsBetter() ? "" : " (lower is better)").append(" |");
                for (String c : clients) {
                    b.append(' ').append(cell(r.values(s.id(), c, m.key()), m.key())).append(" |");
                }
                if (clients.contains("nats4j")) {
                    for (String o : others) {
                        double ratio = r.ratio(s.id(), "nats4j", o, m.key());
                        b.append(' ').append(Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f", ratio))
                                .append(" |");
                    }
                }
                b.append('\n');
            }
        }
        b.append('\n');
        for (Cell c : r.cells()) {
            if (c.error() != null) {
                b.append("- FAILED ").append(c.scenario()).append(' ').append(c.client()).append(" round ")
                        .append(c.round()).append(": ").append(c.error()).append('\n');
            } else if (c.value("missing").orElse(0.0) > 0 || c.value("timeouts").orElse(0.0) > 0
                    || c.value("errors").orElse(0.0) > 0) {
                b.append(String.format(Locale.ROOT, "- %s %s round %d: missing %.0f, timeouts %.0f, errors %.0f%n",
                        c.scenario(), c.client(), c.round(), c.value("missing").orElse(0.0),
                        c.value("timeouts").orElse(0.0), c.value("errors").orElse(0.0)));
            }
        }
        r.notes().forEach(n -> b.append("- ").append(n).append('\n'));
        return b.toString();
    }

    /**
     * The JSON report: environment, notes, and per scenario and metric each client's samples,
     * median, min and max, and the ratios.
     *
     * @param r the race
     * @return one JSON object
     */
    public static String json(RaceResult r) {
        Json j = new Json().begin(null).begin("env");
        r.env().forEach(j::field);
        j.end().array("notes");
        r.notes().forEach(n -> j.begin(null).field("note", n).end());
        j.endArray().array("scenarios");
        for (Scenario s : r.scenarios()) {
            j.begin(null).field("id", s.id()).field("title", s.title()).field("size", s.size()).field("msgs", s.msgs())
                    .field("scheme", s.scheme()).array("metrics");
            for (RaceResult.Metric m : RaceResult.metrics(s)) {
                j.begin(null).field("metric", m.key()).field("higher_is_better", m.higherIsBetter()).begin("clients");
                for (String c : r.clients()) {
                    double[] v = r.values(s.id(), c, m.key());
                    if (v.length == 0) {
                        continue;
                    }
                    j.begin(c).field("median", RaceResult.median(v)).field("min", Arrays.stream(v).min().orElse(0))
                            .field("max", Arrays.stream(v).max().orElse(0)).array("samples");
                    for (double x : v) {
                        j.begin(null).field("value", x).end();
                    }
                    j.endArray().end();
                }
                j.end().begin("ratios");
                for (String c : r.clients()) {
                    if (!c.equals("nats4j")) {
                        j.field("nats4j/" + c, r.ratio(s.id(), "nats4j", c, m.key()));
                    }
                }
                j.end().end();
            }
            j.endArray().end();
        }
        j.endArray().array("failures");
        r.cells().stream().filter(c -> c.error() != null).forEach(c -> j.begin(null).field("scenario", c.scenario())
                .field("client", c.client()).field("round", c.round()).field("error", c.error()).end());
        return j.endArray().end().toString();
    }

    private static String cell(double[] v, String key) {
        if (v.length == 0) {
            return "—";
        }
        double med = RaceResult.median(v);
        double min = Arrays.stream(v).min().orElse(med);
        double max = Arrays.stream(v).max().orElse(med);
        if (v.length == 1) {
            return format(med, key);
        }
        String unit = format(med, key).replaceAll("^[0-9.,]+", "");
        return format(med, key) + " (" + number(min, key, unit) + "–" + number(max, key, unit) + ")";
    }

    /** A range bound in the median's unit, without repeating the unit. */
    private static String number(double v, String key, String unit) {
        double div = switch (unit) {
            case " M/s" -> 1e6;
            case " k/s" -> 1e3;
            default -> 1;
        };
        double x = v / div;
        return key.endsWith("_us") && x >= 100 || unit.equals("/s") ? String.format(Locale.ROOT, "%.0f", x)
                : key.equals("seconds") ? String.format(Locale.ROOT, "%.3f", x)
                : String.format(Locale.ROOT, unit.equals(" M/s") ? "%.2f" : "%.1f", x);
    }

    /**
     * Formats a value in its unit: {@code 4.06 M/s}, {@code 13.7 k/s}, {@code 85 µs}, {@code 0.412 s}, {@code 12.3 MiB}.
     *
     * @param v the value
     * @param key the metric
     * @return the text
     */
    static String format(double v, String key) {
        if (key.equals("msgs_per_sec")) {
            return v >= 1e6 ? String.format(Locale.ROOT, "%.2f M/s", v / 1e6)
                    : v >= 1e3 ? String.format(Locale.ROOT, "%.1f k/s", v / 1e3) : String.format(Locale.ROOT, "%.0f/s", v);
        }
        if (key.endsWith("_us")) {
            return v >= 100 ? String.format(Locale.ROOT, "%.0f µs", v) : String.format(Locale.ROOT, "%.1f µs", v);
        }
        if (key.equals("heap_mb")) {
            return String.format(Locale.ROOT, "%.1f MiB", v);
        }
        return String.format(Locale.ROOT, "%.3f s", v);
    }
}
