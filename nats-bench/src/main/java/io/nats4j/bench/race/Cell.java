package io.nats4j.bench.race;

import java.util.Map;
import java.util.Optional;

/**
 * One measured cell: one client, one scenario, one round.
 *
 * @param scenario the scenario id
 * @param client {@code nats4j}, {@code jnats} or {@code libnats}
 * @param round from 1
 * @param values what the worker reported ({@code msgs_per_sec}, {@code p50_us}, ...)
 * @param error why the cell failed, or {@code null}
 */
public record Cell(String scenario, String client, int round, Map<String, Double> values, String error) {

    /**
     * Copies the values.
     *
     * @param scenario see the record component
     * @param client see the record component
     * @param round see the record component
     * @param values see the record component
     * @param error see the record component
     */
    public Cell {
        values = Map.copyOf(values);
    }

    /**
     * Returns one value.
     *
     * @param key the metric
     * @return the value, if the worker reported it
     */
    public Optional<Double> value(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
