package io.nats4j.bench.race;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every cell of a race with its environment (JDK, server, nproc, GC, load) and notes (skipped columns).
 *
 * @param env environment facts, in the order recorded
 * @param scenarios the scenarios run
 * @param clients the clients that ran
 * @param cells every cell
 * @param notes skipped columns and rows, with the reason
 */
public record RaceResult(Map<String, String> env, List<Scenario> scenarios, List<String> clients, List<Cell> cells,
        List<String> notes) {

    /**
     * Copies the lists.
     *
     * @param env see the record component
     * @param scenarios see the record component
     * @param clients see the record component
     * @param cells see the record component
     * @param notes see the record component
     */
    public RaceResult {
        env = Map.copyOf(env);
        scenarios = List.copyOf(scenarios);
        clients = List.copyOf(clients);
        cells = List.copyOf(cells);
        notes = List.copyOf(notes);
    }

    /**
     * A row's metric.
     *
     * @param key its name in the JSON output
     * @param label its name in the table
     * @param higherIsBetter whether a larger figure is the better one (throughput) or not (latency)
     */
    public record Metric(String key, String label, boolean higherIsBetter) {
    }

    /**
     * The metrics a scenario reports, in table order.
     *
     * @param s the scenario
     * @return its metrics
     */
    public static List<Metric> metrics(Scenario s) {
        Metric rate = new Metric("msgs_per_sec", "msgs/s", true);
        return switch (s.kind()) {
            case PUB, PUBSUB, FANOUT -> List.of(rate);
            case REQ -> s.inFlight() == 1
                    ? List.of(new Metric("p50_us", "p50", false), new Metric("p90_us", "p90", false),
                            new Metric("p99_us", "p99", false), new Metric("p999_us", "p99.9", false), rate)
                    : List.of(rate, new Metric("p50_us", "p50", false), new Metric("p99_us", "p99", false));
            case SUBS -> List.of(new Metric("seconds", "subscribe + flush", false), new Metric("heap_mb", "heap", false));
        };
    }

    /**
     * Returns one client's values of a metric across rounds.
     *
     * @param scenario the scenario id
     * @param client the client
     * @param key the metric
     * @return the values, in round order
     */
    public double[] values(String scenario, String client, String key) {
        return cells.stream().filter(c -> c.scenario().equals(scenario) && c.client().equals(client) && c.error() == null)
                .map(c -> c.value(key)).filter(v -> v.isPresent()).mapToDouble(v -> v.get()).toArray();
    }

    /**
     * Returns the median of per-round ratios {@code a / b} (rounds where both ran).
     *
     * @param scenario the scenario id
     * @param a the numerator client
     * @param b the denominator client
     * @param key the metric
     * @return the median ratio, or NaN without a pair
     */
    public double ratio(String scenario, String a, String b, String key) {
        List<Double> ratios = new ArrayList<>();
        for (Cell ca : cells) {
            if (!ca.scenario().equals(scenario) || !ca.client().equals(a) || ca.error() != null) {
                continue;
            }
            for (Cell cb : cells) {
                if (cb.scenario().equals(scenario) && cb.client().equals(b) && cb.round() == ca.round()
                        && cb.error() == null && ca.value(key).isPresent() && cb.value(key).isPresent()
                        && cb.value(key).get() > 0) {
                    ratios.add(ca.value(key).get() / cb.value(key).get());
                }
            }
        }
        return median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Returns the median.
     *
     * @param v values
     * @return the median, NaN when empty
     */
    public static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
