package io.nats4j.services;

import java.util.List;
import java.util.Map;

/**
 * A service's description and endpoints: the answer to {@code $SRV.INFO}.
 *
 * @param name the service name
 * @param id the instance id
 * @param version the version
 * @param description the description, empty when none was given
 * @param metadata the service metadata
 * @param endpoints the endpoints, in the order they were added
 */
public record ServiceInfo(String name, String id, String version, String description, Map<String, String> metadata,
        List<EndpointInfo> endpoints) {

    /**
     * Copies the collections so the record is immutable.
     *
     * @param name the service name
     * @param id the instance id
     * @param version the version
     * @param description the description
     * @param metadata the metadata
     * @param endpoints the endpoints
     */
    public ServiceInfo {
        metadata = Map.copyOf(metadata);
        endpoints = List.copyOf(endpoints);
    }
}
