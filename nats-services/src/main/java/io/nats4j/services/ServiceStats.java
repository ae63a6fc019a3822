package io.nats4j.services;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of a service's statistics, as sent in answer to {@code $SRV.STATS}.
 *
 * @param name the service name
 * @param id the service instance id
 * @param version the service version
 * @param started when the service started (or its stats were last reset)
 * @param endpoints the statistics of each endpoint, in the order they were added
 */
public record ServiceStats(String name, String id, String version, Instant started, List<EndpointStats> endpoints) {

    /**
     * Copies the endpoint list so the record is immutable.
     *
     * @param name the service name
     * @param id the service instance id
     * @param version the service version
     * @param started when the service started
     * @param endpoints the endpoint statistics
     */
    public ServiceStats {
        endpoints = List.copyOf(endpoints);
    }
}
