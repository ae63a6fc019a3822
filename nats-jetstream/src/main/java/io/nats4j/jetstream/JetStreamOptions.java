package io.nats4j.jetstream;

import io.nats4j.protocol.NatsIllegalArgumentException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Settings of a {@link JetStream} context.
 *
 * @param domain the JetStream domain to talk to (API prefix {@code $JS.<domain>.API}); empty for the
 *     local one
 * @param apiPrefix the API subject prefix, default {@code $JS.API}; ignored when a domain is set
 * @param requestTimeout how long an API request or a publish waits for its answer, default 5 s
 * @param maxPendingAsyncPublishes most {@link JetStream#publishAsync} acknowledgements outstanding at
 *     once, default 4000; a further publishAsync waits (up to its timeout) for room
 * @param executor where user callbacks ({@link JetStreamMessageHandler}, future completions) run;
 *     empty for a pool the context owns (daemon threads named {@code nats4j-js-N}, ended when the
 *     connection closes). Never the client's reader or dispatch threads.
 */
public record JetStreamOptions(Optional<String> domain, String apiPrefix, Duration requestTimeout,
                               int maxPendingAsyncPublishes, Optional<Executor> executor) {

    /** The default API prefix. */
    public static final String DEFAULT_API_PREFIX = "$JS.API";

    /** All defaults. */
    public static final JetStreamOptions DEFAULT = builder().build();

    /**
     * Checks the components.
     *
     * @param domain see {@link #domain()}
     * @param apiPrefix see {@link #apiPrefix()}
     * @param requestTimeout see {@link #requestTimeout()}
     * @param maxPendingAsyncPublishes see {@link #maxPendingAsyncPublishes()}
     * @param executor see {@link #executor()}
     * @throws NatsIllegalArgumentException when a value is out of range
     */
    public JetStreamOptions {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(apiPrefix, "apiPrefix");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(executor, "executor");
        if (apiPrefix.isEmpty() || apiPrefix.endsWith(".") || apiPrefix.contains(" ")) {
            throw new NatsIllegalArgumentException("JetStream API prefix '" + apiPrefix
                    + "' must be a subject without a trailing '.'");
        }
        if (domain.isPresent() && (domain.get().isEmpty() || domain.get().contains(".")
                || domain.get().contains(" "))) {
            throw new NatsIllegalArgumentException("JetStream domain '" + domain.get() + "' must be one subject token");
        }
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new NatsIllegalArgumentException("JetStream request timeout must be positive, was " + requestTimeout);
        }
        if (maxPendingAsyncPublishes < 1) {
            throw new NatsIllegalArgumentException("maxPendingAsyncPublishes must be at least 1, was "
                    + maxPendingAsyncPublishes);
        }
    }

    /**
     * The API prefix in effect: {@code $JS.<domain>.API} when a domain is set, else {@link #apiPrefix()}.
     *
     * @return the prefix, without a trailing dot
     */
    public String effectivePrefix() {
        return domain.map(d -> "$JS." + d + ".API").orElse(apiPrefix);
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.domain = domain.orElse(null);
        b.apiPrefix = apiPrefix;
        b.requestTimeout = requestTimeout;
        b.maxPendingAsyncPublishes = maxPendingAsyncPublishes;
        b.executor = executor.orElse(null);
        return b;
    }

    /** Builds {@link JetStreamOptions}. */
    public static final class Builder {
        private String domain;
        private String apiPrefix = DEFAULT_API_PREFIX;
        private Duration requestTimeout = Duration.ofSeconds(5);
        private int maxPendingAsyncPublishes = 4000;
        private Executor executor;

        private Builder() {
        }

        /**
         * Talks to the JetStream of this domain. Default: the local one.
         *
         * @param domain the domain name
         * @return this builder
         */
        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /**
         * Sets the API prefix (for an account that imports another's JetStream). Default {@code $JS.API}.
         *
         * @param apiPrefix the prefix, with or without a trailing dot
         * @return this builder
         */
        public Builder apiPrefix(String apiPrefix) {
            Objects.requireNonNull(apiPrefix, "apiPrefix");
            this.apiPrefix = apiPrefix.endsWith(".") ? apiPrefix.substring(0, apiPrefix.length() - 1) : apiPrefix;
            return this;
        }

        /**
         * Sets the timeout of API requests and publishes. Default: 5 s.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets how many async publishes may wait for their acknowledgement at once. Default: 4000.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxPendingAsyncPublishes(int max) {
            this.maxPendingAsyncPublishes = max;
            return this;
        }

        /**
         * Runs user callbacks on this executor. Default: a pool owned by the context.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws NatsIllegalArgumentException when a value is out of range
         */
        public JetStreamOptions build() {
            return new JetStreamOptions(Optional.ofNullable(domain), apiPrefix, requestTimeout,
                    maxPendingAsyncPublishes, Optional.ofNullable(executor));
        }
    }
}
