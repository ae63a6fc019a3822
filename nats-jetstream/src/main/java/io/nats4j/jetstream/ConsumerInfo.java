package io.nats4j.jetstream;

import java.time.Instant;
import java.util.Optional;

/**
 * A consumer's configuration and progress as the server reported them.
 *
 * @param stream the stream name
 * @param name the consumer name
 * @param config the configuration (with the server's defaults filled in)
 * @param numPending messages matching the consumer not yet delivered
 * @param numAckPending messages delivered and not yet acknowledged
 * @param numRedelivered messages delivered more than once and not yet acknowledged
 * @param deliveredStreamSequence the stream sequence of the last delivered message
 * @param deliveredConsumerSequence the consumer sequence of the last delivered message
 * @param ackFloorStreamSequence the stream sequence below which everything is acknowledged
 * @param numWaiting pull requests waiting
 * @param created when the consumer was created
 * @param cluster the consumer's replica group, when the server runs clustered
 */
public record ConsumerInfo(String stream, String name, ConsumerConfig config, long numPending,
                           long numAckPending, long numRedelivered, long deliveredStreamSequence,
                           long deliveredConsumerSequence, long ackFloorStreamSequence, int numWaiting,
                           Instant created, Optional<ClusterInfo> cluster) {
}
