package io.nats4j.services;

import java.util.Map;
import java.util.Optional;

/**
 * How an endpoint is set up, as reported by {@code $SRV.INFO}.
 *
 * @param name the endpoint name
 * @param subject the full subject it listens on (group prefix included)
 * @param queueGroup the queue group, empty when the endpoint subscribes without one
 * @param metadata the endpoint metadata
 */
public record EndpointInfo(String name, String subject, Optional<String> queueGroup, Map<String, String> metadata) {

    /**
     * Copies the metadata so the record is immutable.
     *
     * @param name the endpoint name
     * @param subject the subject
     * @param queueGroup the queue group
     * @param metadata the metadata
     */
    public EndpointInfo {
        metadata = Map.copyOf(metadata);
    }
}
