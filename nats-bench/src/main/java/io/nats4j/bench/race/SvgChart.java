package io.nats4j.bench.race;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the race's chart as plain SVG (no dependency): pub-only msgs/s by payload size on a log
 * scale, and the sequential request-reply latency percentiles, nats4j beside jnats and libnats.
 * Bars are medians across rounds.
 */
public final class SvgChart {

    private static final Map<String, String> COLORS = Map.of("nats4j", "#1f77b4", "jnats", "#ff7f0e",
            "libnats", "#7f7f7f");
    private static final int W = 900;
    private static final int PANEL_H = 300;

    private SvgChart() {
    }

    /**
     * Draws the chart.
     *
     * @param r the race
     * @return an SVG document
     */
    public static String draw(RaceResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", W, 2 * PANEL_H + 60));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        List<Scenario> pubs = r.scenarios().stream()
                .filter(s -> s.kind() == Scenario.Kind.PUB && s.scheme().equals("nats")).toList();
        List<String> sizes = pubs.stream().map(s -> Scenario.bytes(s.size())).toList();
        Map<String, double[]> rates = new LinkedHashMap<>();
        for (String c : r.clients()) {
            rates.put(c, pubs.stream().mapToDouble(s -> RaceResult.median(r.values(s.id(), c, "msgs_per_sec"))).toArray());
        }
        panel(b, 20, "pub-only: msgs/s by payload size (log scale, median of rounds)", sizes, rates, true, "msgs_per_sec");
        List<String> pct = List.of("p50", "p90", "p99", "p99.9");
        List<String> keys = List.of("p50_us", "p90_us", "p99_us", "p999_us");
        Map<String, double[]> lat = new LinkedHashMap<>();
        r.scenarios().stream().filter(s -> s.id().equals("req-seq")).findFirst().ifPresent(s -> {
            for (String c : r.clients()) {
                lat.put(c, keys.stream().mapToDouble(k -> RaceResult.median(r.values(s.id(), c, k))).toArray());
            }
        });
        panel(b, PANEL_H + 40, "request-reply sequential 16 B: latency percentiles in µs (log scale, lower is better)",
                pct, lat, true, "p50_us");
        legend(b, r.clients(), 2 * PANEL_H + 45);
        return b.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder b, int top, String title, List<String> categories,
            Map<String, double[]> series, boolean log, String unitKey) {
        int left = 90;
        int plotW = W - left - 30;
        int plotH = PANEL_H - 70;
        int base = top + 30 + plotH;
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                left, top + 15, escape(title)));
        double max = 0;
        double min = Double.MAX_VALUE;
        for (double[] v : series.values()) {
            for (double x : v) {
                if (x > 0 && Double.isFinite(x)) {
                    max = Math.max(max, x);
                    min = Math.min(min, x);
                }
            }
        }
        if (max == 0 || categories.isEmpty()) {
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">no data</text>%n", left, top + 60));
            return;
        }
        double lo = log ? Math.pow(10, Math.floor(Math.log10(min))) : 0;
        double hi = log ? Math.pow(10, Math.ceil(Math.log10(max * 1.01))) : max * 1.1;
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double t = lo; t <= hi * 1.0001; t *= 10) {
                ticks.add(t);
            }
        } else {
            for (int i = 0; i <= 4; i++) {
                ticks.add(hi * i / 4);
            }
        }
        for (double t : ticks) {
            double y = base - scale(t, lo, hi, log) * plotH;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    left, left + plotW, y, y));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left - 6,
                    y + 4, escape(RaceTable.format(t, unitKey))));
        }
        int groups = categories.size();
        double groupW = (double) plotW / groups;
        int n = series.size();
        double barW = groupW * 0.8 / Math.max(1, n);
        int gi = 0;
        for (String cat : categories) {
            double gx = left + gi * groupW + groupW * 0.1;
            int si = 0;
            for (Map.Entry<String, double[]> e : series.entrySet()) {
                double v = e.getValue()[gi];
                if (v > 0 && Double.isFinite(v)) {
                    double h = scale(v, lo, hi, log) * plotH;
                    double x = gx + si * barW;
                    b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                            + "fill=\"%s\"><title>%s %s: %s</title></rect>%n", x, base - h, barW - 2, h,
                            COLORS.getOrDefault(e.getKey(), "#2ca02c"), e.getKey(), escape(cat),
                            escape(RaceTable.format(v, unitKey))));
                    b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                            + "font-size=\"10\">%s</text>%n", x + barW / 2 - 1, base - h - 3,
                            escape(RaceTable.format(v, unitKey))));
                }
                si++;
            }
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    left + gi * groupW + groupW / 2, base + 16, escape(cat)));
            gi++;
        }
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", left,
                left + plotW, base, base));
    }

    private static double scale(double v, double lo, double hi, boolean log) {
        if (!log) {
            return v / hi;
        }
        return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
    }

    private static void legend(StringBuilder b, List<String> clients, int y) {
        int x = 90;
        for (String c : clients) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y, COLORS.getOrDefault(c, "#2ca02c"), x + 16, y + 11, c));
            x += 110;
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
