package io.nats4j.bench.core;

import java.util.List;

/**
 * Everything one benchmark run measured.
 *
 * @param command the workload ({@code pub}, {@code sub}, {@code pubsub}, {@code request}, {@code reply})
 * @param client which Java client drove it
 * @param servers the target URLs (credentials redacted)
 * @param load the load settings
 * @param results one entry per client, publishers first
 */
public record RunReport(String command, ClientKind client, String servers, Load load, List<ClientResult> results) {

    /**
     * Copies the result list.
     *
     * @param command see the record component
     * @param client see the record component
     * @param servers see the record component
     * @param load see the record component
     * @param results see the record component
     */
    public RunReport {
        results = List.copyOf(results);
    }

    /**
     * Returns the results of one role.
     *
     * @param role {@code pub}, {@code sub}, {@code req} or {@code rep}
     * @return the results, in client order
     */
    public List<ClientResult> role(String role) {
        return results.stream().filter(r -> r.role().equals(role)).toList();
    }

    /**
     * Returns every problem counted across all clients.
     *
     * @return timeouts + errors + drops + reconnects + missing messages
     */
    public long problems() {
        return results.stream().mapToLong(ClientResult::problems).sum();
    }
}
