package io.nats4j.services;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One endpoint of a service, for {@link Service.Builder#endpoint(EndpointConfig)}.
 *
 * <pre>{@code
 * EndpointConfig.builder().name("create").subject("orders.create").queueGroup("orders")
 *     .metadata(Map.of("schema", "v2")).handler(req -> req.respond(...)).build();
 * }</pre>
 *
 * @param name the endpoint name: letters, digits, {@code -} and {@code _}
 * @param subject the subject, relative to the group it is added in; the name when not set
 * @param queueGroup the queue group; empty to inherit the group's or service's (default {@code "q"})
 * @param queueGroupDisabled true to subscribe without a queue group (every instance gets every request)
 * @param metadata the endpoint metadata (immutable)
 * @param handler the request handler
 */
public record EndpointConfig(String name, String subject, Optional<String> queueGroup, boolean queueGroupDisabled,
        Map<String, String> metadata, ServiceHandler handler) {

    /**
     * Checks that name, subject and handler are present and copies the metadata.
     *
     * @param name the endpoint name
     * @param subject the subject
     * @param queueGroup the queue group
     * @param queueGroupDisabled no queue group
     * @param metadata the metadata
     * @param handler the handler
     */
    public EndpointConfig {
        Objects.requireNonNull(name, "endpoint name");
        Objects.requireNonNull(subject, "endpoint subject");
        Objects.requireNonNull(queueGroup, "endpoint queue group");
        Objects.requireNonNull(handler, "endpoint handler");
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this config's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).subject(subject).metadata(metadata).handler(handler);
        queueGroup.ifPresent(b::queueGroup);
        if (queueGroupDisabled) {
            b.noQueueGroup();
        }
        return b;
    }

    /** Builds an {@link EndpointConfig}; name and handler are required. */
    public static final class Builder {
        private String name;
        private String subject;
        private String queueGroup;
        private boolean queueGroupDisabled;
        private Map<String, String> metadata = Map.of();
        private ServiceHandler handler;

        private Builder() {
        }

        /**
         * The endpoint name (required).
         *
         * @param name letters, digits, {@code -} and {@code _}
         * @return this
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "endpoint name");
            return this;
        }

        /**
         * The subject, relative to the group. Default: the name.
         *
         * @param subject a subscribe subject; wildcards allowed
         * @return this
         */
        public Builder subject(String subject) {
            this.subject = Objects.requireNonNull(subject, "endpoint subject");
            return this;
        }

        /**
         * The queue group. Default: the group's, else the service's ({@code "q"} unless changed).
         *
         * @param queueGroup the queue group
         * @return this
         */
        public Builder queueGroup(String queueGroup) {
            this.queueGroup = Objects.requireNonNull(queueGroup, "queue group");
            this.queueGroupDisabled = false;
            return this;
        }

        /**
         * Subscribe without a queue group: every running instance receives every request.
         *
         * @return this
         */
        public Builder noQueueGroup() {
            this.queueGroup = null;
            this.queueGroupDisabled = true;
            return this;
        }

        /**
         * The endpoint metadata. Default: none.
         *
         * @param metadata names to values; copied
         * @return this
         */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /**
         * The request handler (required).
         *
         * @param handler the handler
         * @return this
         */
        public Builder handler(ServiceHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         * @throws io.nats4j.protocol.NatsIllegalArgumentException when the name or handler is missing
         */
        public EndpointConfig build() {
            if (name == null) {
                throw new io.nats4j.protocol.NatsIllegalArgumentException("endpoint name is required");
            }
            if (handler == null) {
                throw new io.nats4j.protocol.NatsIllegalArgumentException("endpoint '" + name + "' has no handler");
            }
            return new EndpointConfig(name, subject == null ? name : subject, Optional.ofNullable(queueGroup),
                    queueGroupDisabled, metadata, handler);
        }
    }
}
