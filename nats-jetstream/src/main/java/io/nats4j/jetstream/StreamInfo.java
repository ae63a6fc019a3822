package io.nats4j.jetstream;

import java.time.Instant;
import java.util.Optional;

/**
 * A stream's configuration and state as the server reported them.
 *
 * @param config the configuration (with the server's defaults filled in)
 * @param state the state
 * @param created when the stream was created
 * @param cluster the stream's replica group, when the server runs clustered
 */
public record StreamInfo(StreamConfig config, StreamState state, Instant created, Optional<ClusterInfo> cluster) {
}
