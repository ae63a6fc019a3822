package io.nats4j.services;

import java.util.Map;

/**
 * Who a service instance is: the answer to {@code $SRV.PING}.
 *
 * @param name the service name (its kind, shared by all instances)
 * @param id the instance id, unique per running instance
 * @param version the service version (SemVer)
 * @param metadata the service metadata
 */
public record ServiceIdentity(String name, String id, String version, Map<String, String> metadata) {

    /**
     * Copies the metadata so the record is immutable.
     *
     * @param name the service name
     * @param id the instance id
     * @param version the version
     * @param metadata the metadata
     */
    public ServiceIdentity {
        metadata = Map.copyOf(metadata);
    }
}
