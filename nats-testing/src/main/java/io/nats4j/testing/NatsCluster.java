package io.nats4j.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cluster of {@code nats-server} nodes on loopback, fully meshed by routes, every port ephemeral.
 *
 * <p>{@link #start(int, NatsServerConfig)} returns once every node has a route to every other node.
 * Each node is an ordinary {@link NatsServer}: stop, kill, restart or lame-duck one to test
 * failover. A restarted node keeps its ports and routes to all the others; call
 * {@link #awaitRoutes(Duration)} to wait until the mesh is whole again.
 *
 * <pre>{@code
 * try (NatsCluster cluster = NatsCluster.start(3, NatsServerConfig.defaults())) {
 *     Connection c = Nats.connect(cluster.urls());
 *     cluster.server(0).kill();   // the client fails over to another node
 * }
 * }</pre>
 *
 * <p>Every node has the monitoring listener enabled whatever the config says: the fixture reads
 * {@code /routez} to know when the routes are up. Nodes are named {@code <cluster>-<index>}.
 */
public final class NatsCluster implements AutoCloseable {

    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern REMOTE_ID = Pattern.compile("\"remote_id\"\\s*:\\s*\"([^\"]+)\"");

    private final String name;
    private final List<NatsServer> servers;

    private NatsCluster(String name, List<NatsServer> servers) {
        this.name = name;
        this.servers = List.copyOf(servers);
    }

    /**
     * Starts an {@code n}-node cluster with the default config.
     *
     * @param n the number of nodes, at least 1
     * @return the running cluster, with all routes up
     * @throws IllegalArgumentException if {@code n} is less than 1
     * @throws NatsTestingException if a node does not start or the routes do not come up in time
     */
    public static NatsCluster start(int n) {
        return start(n, NatsServerConfig.defaults());
    }

    /**
     * Starts an {@code n}-node cluster, every node with {@code config} (plus its cluster settings).
     * Node 0 starts first; every later node gets routes to all nodes started before it.
     *
     * @param n the number of nodes, at least 1
     * @param config the config for every node; a fixed client port is not allowed
     * @return the running cluster, with all routes up
     * @throws IllegalArgumentException if {@code n} is less than 1, {@code config} is null, or
     *     {@code config} fixes the client port
     * @throws NatsTestingException if a node does not start or the routes do not come up in time
     */
    public static NatsCluster start(int n, NatsServerConfig config) {
        if (n < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, was " + n);
        }
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        if (config.hasFixedPort()) {
            throw new IllegalArgumentException("cluster nodes need ephemeral client ports: use port(0)");
        }
        String name = "nats4j-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        List<NatsServer> started = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                List<Integer> routes = started.stream().map(NatsServer::clusterPort).collect(Collectors.toList());
                started.add(NatsServer.start(config,
                    new NatsServerConfig.ClusterSettings(name, name + "-" + i, routes)));
            }
            List<Integer> all = started.stream().map(NatsServer::clusterPort).collect(Collectors.toList());
            for (NatsServer s : started) {
                List<Integer> others = new ArrayList<>(all);
                others.remove(Integer.valueOf(s.clusterPort()));
                s.routes(others);
            }
            NatsCluster cluster = new NatsCluster(name, started);
            cluster.awaitRoutes(ROUTE_TIMEOUT);
            return cluster;
        } catch (RuntimeException e) {
            for (NatsServer s : started) {
                s.close();
            }
            throw e;
        }
    }

    /**
     * Waits until every running node has a route to every other running node.
     *
     * @param timeout the longest time to wait
     * @throws NatsTestingException if the mesh is not complete in time; the message shows each
     *     node's route count and the logs
     */
    public void awaitRoutes(Duration timeout) {
        if (Fixtures.await(timeout, this::meshComplete)) {
            return;
        }
        StringBuilder sb = new StringBuilder("cluster " + name + " routes not complete within "
            + timeout.toMillis() + " ms:");
        for (NatsServer s : servers) {
            sb.append("\nnode ").append(s).append(" routes=").append(s.isRunning() ? routeCount(s) : "stopped");
        }
        for (NatsServer s : servers) {
            sb.append("\n--- log of ").append(s).append(" ---\n").append(s.log());
        }
        throw new NatsTestingException(sb.toString());
    }

    private boolean meshComplete() {
        long running = servers.stream().filter(NatsServer::isRunning).count();
        for (NatsServer s : servers) {
            if (s.isRunning() && routeCount(s) != running - 1) {
                return false;
            }
        }
        return true;
    }

    /** Counts distinct peers: two connections to one peer can coexist briefly while the server resolves them. */
    private static int routeCount(NatsServer s) {
        String routez;
        try {
            routez = s.routez();
        } catch (NatsTestingException e) {
            return -1;
        }
        Set<String> peers = new HashSet<>();
        Matcher m = REMOTE_ID.matcher(routez);
        while (m.find()) {
            peers.add(m.group(1));
        }
        return peers.size();
    }

    /**
     * Returns the nodes, in start order.
     *
     * @return an unmodifiable list of the nodes
     */
    public List<NatsServer> servers() {
        return servers;
    }

    /**
     * Returns one node.
     *
     * @param index the node index, from 0
     * @return the node
     * @throws IndexOutOfBoundsException if there is no such node
     */
    public NatsServer server(int index) {
        return servers.get(index);
    }

    /**
     * Returns the number of nodes.
     *
     * @return the node count
     */
    public int size() {
        return servers.size();
    }

    /**
     * Returns the cluster name shared by the nodes.
     *
     * @return the cluster name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the client URLs of all nodes, comma-separated, in node order.
     *
     * @return {@code nats://127.0.0.1:a,nats://127.0.0.1:b,...}
     */
    public String urls() {
        return servers.stream().map(NatsServer::url).collect(Collectors.joining(","));
    }

    /**
     * Closes every node. Idempotent.
     */
    @Override
    public void close() {
        RuntimeException first = null;
        for (NatsServer s : servers) {
            try {
                s.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Describes the cluster.
     *
     * @return its name and node URLs
     */
    @Override
    public String toString() {
        return "NatsCluster[" + name + ", " + urls() + "]";
    }
}
