package io.nats4j.services;

import io.nats4j.client.Connection;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.Subjects;
import io.nats4j.services.internal.EndpointSpec;
import io.nats4j.services.internal.ServiceImpl;
import io.nats4j.services.internal.ServiceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * A running NATS service (the "micro" protocol, ADR-32): endpoints answering requests in a queue
 * group, discoverable with {@code $SRV.PING|INFO|STATS[.name[.id]]} by any NATS client's tooling.
 *
 * <pre>{@code
 * Service svc = Service.builder(nc).name("orders").version("1.2.0").description("order intake")
 *     .endpoint("create", "orders.create", req -> req.respond(create(req.data())))
 *     .group("orders.admin")
 *     .endpoint("purge", "purge", req -> req.respondError(403, "not allowed"))   // orders.admin.purge
 *     .build();                                                                    // started
 * ...
 * svc.stop().get();   // drains: requests already received are still answered
 * }</pre>
 *
 * <p>Several services may share one connection. A service stops on {@link #stop()}, {@link #close()},
 * or when its connection closes.
 *
 * <p>Pitfalls: each endpoint handles one request at a time; a handler that blocks holds up its
 * endpoint (but no other endpoint and no other subscription of the connection). Scale out by running
 * more instances: they share the queue group and the server spreads requests among them.
 */
public interface Service extends AutoCloseable {

    /**
     * Starts describing a service on a connection.
     *
     * @param nc the connection the service subscribes on; the application keeps owning it
     * @return a builder
     */
    static Builder builder(Connection nc) {
        return new Builder(nc);
    }

    /**
     * The unique id of this instance, generated at start.
     *
     * @return the id
     */
    String id();

    /**
     * The service name.
     *
     * @return the name
     */
    String name();

    /**
     * The service version.
     *
     * @return the SemVer version
     */
    String version();

    /**
     * What {@code $SRV.INFO} answers.
     *
     * @return the description and endpoints
     */
    ServiceInfo info();

    /**
     * What {@code $SRV.STATS} answers.
     *
     * @return a snapshot of the statistics
     */
    ServiceStats stats();

    /**
     * Adds an endpoint to the running service, outside any group, in the service's default queue
     * group unless the config names one. It answers requests (and shows in INFO and STATS) once this
     * returns; endpoints cannot be removed.
     *
     * @param config the endpoint
     * @throws NatsIllegalArgumentException on an invalid name, subject or queue group
     * @throws io.nats4j.protocol.NatsException when the service is stopping or stopped
     */
    void addEndpoint(EndpointConfig config);

    /** Zeroes every endpoint's statistics and sets {@code started} to now. */
    void reset();

    /**
     * Stops the service: no new requests are taken, those already received are handled and answered,
     * then the discovery subscriptions end. Idempotent.
     *
     * @return completes when every handler has returned; exceptionally with
     *     {@link io.nats4j.protocol.NatsTimeoutException} when a handler was still running after the
     *     drain timeout (see {@link Builder#drainTimeout})
     */
    CompletableFuture<Void> stop();

    /**
     * Whether the service has stopped (by {@link #stop()}, {@link #close()} or its connection closing).
     *
     * @return true once stopped
     */
    boolean isStopped();

    /**
     * Stops the service and waits for that, at most the drain timeout. Never throws.
     */
    @Override
    void close();

    /**
     * Builds and starts a {@link Service}. Name and version are required.
     *
     * <p>{@link #group(String)} sets the subject prefix of the endpoints added after it, so a chain reads
     * top-down: {@code .endpoint(...).group("admin").endpoint(...)}.
     */
    final class Builder {
        private static final Pattern SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

        private final Connection nc;
        private String name;
        private String version;
        private String description = "";
        private Map<String, String> metadata = Map.of();
        private String queueGroup = "q";
        private boolean queueGroupDisabled;
        private String apiPrefix = "$SRV";
        private Executor executor;
        private Duration drainTimeout = Duration.ofSeconds(5);
        private String groupPrefix = "";
        private String groupQueue;
        private final List<EndpointSpec> endpoints = new ArrayList<>();

        private Builder(Connection nc) {
            this.nc = Objects.requireNonNull(nc, "connection");
        }

        /**
         * The service name (required): its kind, shared by every instance.
         *
         * @param name letters, digits, {@code -} and {@code _}
         * @return this
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "service name");
            return this;
        }

        /**
         * The service version (required).
         *
         * @param version a SemVer version such as {@code 1.0.0} or {@code 2.1.0-rc.1}
         * @return this
         */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "service version");
            return this;
        }

        /**
         * A human-readable description. Default: empty.
         *
         * @param description the description
         * @return this
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Free-form metadata reported by discovery. Default: none. Copied; immutable once started.
         *
         * @param metadata names to values
         * @return this
         */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /**
         * The queue group of endpoints that name none (applies to endpoints added after this call).
         * Default: {@code "q"}.
         *
         * @param queueGroup the queue group
         * @return this
         */
        public Builder queueGroup(String queueGroup) {
            Subjects.validateQueue(queueGroup);
            this.queueGroup = queueGroup;
            this.queueGroupDisabled = false;
            return this;
        }

        /**
         * Endpoints added after this call that name no queue group subscribe without one.
         *
         * @return this
         */
        public Builder noQueueGroup() {
            this.queueGroupDisabled = true;
            return this;
        }

        /**
         * The discovery subject prefix. Default: {@code $SRV}.
         *
         * @param prefix the prefix, for example to reach services across accounts
         * @return this
         */
        public Builder apiPrefix(String prefix) {
            Subjects.validatePublish(prefix);
            this.apiPrefix = prefix;
            return this;
        }

        /**
         * Runs the endpoint workers (one long-running task per endpoint) on the application's
         * executor, for example virtual threads. Default: one daemon thread per endpoint.
         *
         * @param executor the executor; the application owns and shuts it down
         * @return this
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * How long {@link Service#stop()} lets received requests finish. Default: 5 s.
         *
         * @param timeout the drain timeout
         * @return this
         */
        public Builder drainTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new NatsIllegalArgumentException("drain timeout must be positive, was " + timeout);
            }
            this.drainTimeout = timeout;
            return this;
        }

        /**
         * Endpoints added after this call listen on {@code prefix.<subject>}. An empty prefix ends grouping.
         *
         * @param prefix a subject prefix without {@code >}, for example {@code "orders.v1"}
         * @return this
         */
        public Builder group(String prefix) {
            return group(prefix, null);
        }

        /**
         * Like {@link #group(String)}, with a default queue group for the group's endpoints.
         *
         * @param prefix the subject prefix
         * @param queueGroup the group's queue group; null to inherit the service's
         * @return this
         */
        public Builder group(String prefix, String queueGroup) {
            Objects.requireNonNull(prefix, "group prefix");
            if (!prefix.isEmpty()) {
                Subjects.validateSubscribe(prefix);
                if (prefix.equals(">") || prefix.endsWith(".>")) {
                    throw new NatsIllegalArgumentException("group prefix '" + prefix + "' may not end with '>'");
                }
            }
            if (queueGroup != null) {
                Subjects.validateQueue(queueGroup);
            }
            this.groupPrefix = prefix;
            this.groupQueue = queueGroup;
            return this;
        }

        /**
         * Adds an endpoint in the current group with the default queue group.
         *
         * @param name the endpoint name: letters, digits, {@code -} and {@code _}
         * @param subject the subject relative to the current group
         * @param handler the request handler
         * @return this
         */
        public Builder endpoint(String name, String subject, ServiceHandler handler) {
            return endpoint(EndpointConfig.builder().name(name).subject(subject).handler(handler).build());
        }

        /**
         * Adds an endpoint in the current group.
         *
         * @param config the endpoint
         * @return this
         * @throws NatsIllegalArgumentException on an invalid name, subject or queue group
         */
        public Builder endpoint(EndpointConfig config) {
            endpoints.add(EndpointSpec.resolve(config, groupPrefix, groupQueue,
                    queueGroupDisabled ? null : queueGroup));
            return this;
        }

        /**
         * Validates the service and starts it: subscribes every endpoint and the discovery subjects,
         * and (when connected) waits until the server has the subscriptions.
         *
         * @return the running service
         * @throws NatsIllegalArgumentException when name or version is missing or invalid
         * @throws io.nats4j.protocol.NatsException when subscribing fails (nothing stays subscribed)
         */
        public Service build() {
            if (name == null || !EndpointSpec.NAME.matcher(name).matches()) {
                throw new NatsIllegalArgumentException("service name " + (name == null ? "is required"
                        : "'" + name + "' may hold only letters, digits, '-' and '_'"));
            }
            if (version == null || !SEMVER.matcher(version).matches()) {
                throw new NatsIllegalArgumentException("service version " + (version == null ? "is required"
                        : "'" + version + "' is not a SemVer version such as 1.0.0"));
            }
            ServiceSettings settings = new ServiceSettings(name, version, description,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata)), apiPrefix,
                    Optional.ofNullable(executor), drainTimeout, List.copyOf(endpoints),
                    queueGroupDisabled ? Optional.empty() : Optional.of(queueGroup));
            return ServiceImpl.start(nc, settings);
        }
    }
}
