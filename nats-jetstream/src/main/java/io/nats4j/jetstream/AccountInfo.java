package io.nats4j.jetstream;

import java.util.Optional;

/**
 * The account's JetStream usage and limits.
 *
 * @param memory bytes of memory storage used
 * @param storage bytes of file storage used
 * @param streams number of streams
 * @param consumers number of consumers
 * @param limits the account's limits
 * @param domain the JetStream domain, when the server has one
 * @param apiTotal API requests served
 * @param apiErrors API requests that failed
 */
public record AccountInfo(long memory, long storage, int streams, int consumers, AccountLimits limits,
                          Optional<String> domain, long apiTotal, long apiErrors) {

    /**
     * An account's JetStream limits; -1 means no limit.
     *
     * @param maxMemory most bytes of memory storage
     * @param maxStorage most bytes of file storage
     * @param maxStreams most streams
     * @param maxConsumers most consumers
     * @param maxAckPending most unacknowledged messages per consumer
     */
    public record AccountLimits(long maxMemory, long maxStorage, int maxStreams, int maxConsumers,
                                int maxAckPending) {
    }
}
