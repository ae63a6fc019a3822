package io.nats4j.jetstream;

import java.util.List;
import java.util.Optional;

/**
 * The replica group of a stream or consumer in a JetStream cluster.
 *
 * @param name the cluster name
 * @param leader the server name of the current leader, empty during an election
 * @param replicas the other members
 */
public record ClusterInfo(String name, Optional<String> leader, List<PeerInfo> replicas) {

    /**
     * A member of a replica group other than the leader.
     *
     * @param name the server name
     * @param current whether it is up to date
     * @param offline whether it is offline
     * @param lag how many operations it is behind
     */
    public record PeerInfo(String name, boolean current, boolean offline, long lag) {
    }
}
