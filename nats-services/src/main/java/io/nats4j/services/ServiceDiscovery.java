package io.nats4j.services;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.client.Subscription;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.Subjects;
import io.nats4j.services.internal.ServiceJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds running services, of nats4j or any other NATS client, through {@code $SRV.PING|INFO|STATS}.
 *
 * <p>A query publishes one request and collects replies until {@code maxWait} has passed or
 * {@code maxResults} replies came, whichever is first; replies that are not valid discovery JSON are
 * skipped. The calling thread waits; nothing runs in the background.
 *
 * <pre>{@code
 * ServiceDiscovery discovery = ServiceDiscovery.of(nc);
 * for (ServiceInfo s : discovery.info("orders")) { ... s.endpoints() ... }
 * }</pre>
 */
public final class ServiceDiscovery {
    private final Connection nc;
    private final Duration maxWait;
    private final int maxResults;
    private final String apiPrefix;

    private ServiceDiscovery(Connection nc, Duration maxWait, int maxResults, String apiPrefix) {
        this.nc = Objects.requireNonNull(nc, "connection");
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new NatsIllegalArgumentException("discovery maxWait must be positive, was " + maxWait);
        }
        if (maxResults < 1) {
            throw new NatsIllegalArgumentException("discovery maxResults must be at least 1, was " + maxResults);
        }
        Subjects.validatePublish(apiPrefix);
        this.maxWait = maxWait;
        this.maxResults = maxResults;
        this.apiPrefix = apiPrefix;
    }

    /**
     * Discovery that waits 1 s for replies, with no limit on their number, under {@code $SRV}.
     *
     * @param nc the connection to ask on
     * @return the discovery
     */
    public static ServiceDiscovery of(Connection nc) {
        return new ServiceDiscovery(nc, Duration.ofSeconds(1), Integer.MAX_VALUE, "$SRV");
    }

    /**
     * Discovery with its own limits.
     *
     * @param nc the connection to ask on
     * @param maxWait how long one query collects replies
     * @param maxResults a query returns as soon as this many replies came
     * @return the discovery
     */
    public static ServiceDiscovery of(Connection nc, Duration maxWait, int maxResults) {
        return new ServiceDiscovery(nc, maxWait, maxResults, "$SRV");
    }

    /**
     * The same limits under another discovery prefix.
     *
     * @param prefix the prefix the services were built with ({@link Service.Builder#apiPrefix})
     * @return a new discovery
     */
    public ServiceDiscovery withApiPrefix(String prefix) {
        return new ServiceDiscovery(nc, maxWait, maxResults, prefix);
    }

    /**
     * Pings every service.
     *
     * @return the identities of the instances that answered
     */
    public List<ServiceIdentity> ping() {
        return collect("PING", null, null, ServiceJson::parsePing, maxResults);
    }

    /**
     * Pings every instance of a service.
     *
     * @param name the service name
     * @return the instances that answered
     */
    public List<ServiceIdentity> ping(String name) {
        return collect("PING", name, null, ServiceJson::parsePing, maxResults);
    }

    /**
     * Pings one instance.
     *
     * @param name the service name
     * @param id the instance id
     * @return its identity, empty when it did not answer in time
     */
    public Optional<ServiceIdentity> ping(String name, String id) {
        return first(collect("PING", name, id, ServiceJson::parsePing, 1));
    }

    /**
     * Asks every service for its info.
     *
     * @return the answers
     */
    public List<ServiceInfo> info() {
        return collect("INFO", null, null, ServiceJson::parseInfo, maxResults);
    }

    /**
     * Asks every instance of a service for its info.
     *
     * @param name the service name
     * @return the answers
     */
    public List<ServiceInfo> info(String name) {
        return collect("INFO", name, null, ServiceJson::parseInfo, maxResults);
    }

    /**
     * Asks one instance for its info.
     *
     * @param name the service name
     * @param id the instance id
     * @return its info, empty when it did not answer in time
     */
    public Optional<ServiceInfo> info(String name, String id) {
        return first(collect("INFO", name, id, ServiceJson::parseInfo, 1));
    }

    /**
     * Asks every service for its stats.
     *
     * @return the answers
     */
    public List<ServiceStats> stats() {
        return collect("STATS", null, null, ServiceJson::parseStats, maxResults);
    }

    /**
     * Asks every instance of a service for its stats.
     *
     * @param name the service name
     * @return the answers
     */
    public List<ServiceStats> stats(String name) {
        return collect("STATS", name, null, ServiceJson::parseStats, maxResults);
    }

    /**
     * Asks one instance for its stats.
     *
     * @param name the service name
     * @param id the instance id
     * @return its stats, empty when it did not answer in time
     */
    public Optional<ServiceStats> stats(String name, String id) {
        return first(collect("STATS", name, id, ServiceJson::parseStats, 1));
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private <T> List<T> collect(String verb, String name, String id, Function<byte[], T> parse, int max) {
        String subject = apiPrefix + "." + verb + (name == null ? "" : "." + name) + (id == null ? "" : "." + id);
        Subjects.validatePublish(subject);
        String inbox = nc.newInbox();
        Subscription sub = nc.subscribe(inbox);
        List<T> found = new ArrayList<>();
        try {
            nc.publish(subject, inbox, new byte[0]);
            long deadline = System.nanoTime() + maxWait.toNanos();
            while (found.size() < max) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Message m = sub.nextMessage(Duration.ofNanos(left));
                if (m == null) {
                    break;
                }
                if (m.isStatus()) {
                    if (m.status() == 503) {
                        break; // no responders: no service is listening
                    }
                    continue;
                }
                try {
                    found.add(parse.apply(m.data()));
                } catch (NatsException notDiscoveryJson) {
                    // someone else answered on the subject; not a service reply
                }
            }
        } finally {
            sub.unsubscribe();
        }
        return found;
    }
}
