package io.nats4j.services.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * A validated service description, from {@link io.nats4j.services.Service.Builder}.
 *
 * @param name the service name
 * @param version the SemVer version
 * @param description the description, maybe empty
 * @param metadata the metadata (unmodifiable)
 * @param apiPrefix the discovery prefix, {@code $SRV} by default
 * @param executor runs the endpoint workers; empty for a daemon thread per endpoint
 * @param drainTimeout how long stop lets received requests finish
 * @param endpoints the endpoints with full subjects and resolved queue groups
 * @param defaultQueueGroup the queue group of endpoints added later that name none; empty for none
 */
public record ServiceSettings(String name, String version, String description, Map<String, String> metadata,
        String apiPrefix, Optional<Executor> executor, Duration drainTimeout, List<EndpointSpec> endpoints,
        Optional<String> defaultQueueGroup) {
}
