package io.nats4j.jetstream;

import io.nats4j.protocol.NatsIllegalArgumentException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How continuous consumption ({@link Consumer#consume}, {@link Consumer#messages}) pulls: it keeps up
 * to {@code batchSize} messages (or {@code maxBytes} bytes) requested or buffered, and asks for more
 * when what is left falls to {@code thresholdPercent} of that.
 *
 * @param batchSize most messages requested or buffered at once; default 500 (ignored in bytes mode,
 *     where the request's batch is 1,000,000)
 * @param maxBytes most bytes requested or buffered at once, 0 for messages mode (the default)
 * @param expires how long one pull request stays at the server, default 30 s, at least 1 s
 * @param idleHeartbeat how often the server signals an idle pull request; default half of
 *     {@code expires} capped at 30 s; between 500 ms and 30 s. Two missed heartbeats count as a
 *     lost request: the consumer warns and pulls again.
 * @param thresholdPercent pull again when what is left falls to this percent, default 50
 * @param errorListener told about warnings and the terminal error, empty for none
 */
public record ConsumeOptions(int batchSize, long maxBytes, Duration expires, Duration idleHeartbeat,
                             int thresholdPercent, Optional<ConsumeErrorListener> errorListener) {

    /** All defaults. */
    public static final ConsumeOptions DEFAULT = builder().build();

    /**
     * Checks the components.
     *
     * @param batchSize see {@link #batchSize()}
     * @param maxBytes see {@link #maxBytes()}
     * @param expires see {@link #expires()}
     * @param idleHeartbeat see {@link #idleHeartbeat()}
     * @param thresholdPercent see {@link #thresholdPercent()}
     * @param errorListener see {@link #errorListener()}
     * @throws NatsIllegalArgumentException when a value is out of range
     */
    public ConsumeOptions {
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(idleHeartbeat, "idleHeartbeat");
        Objects.requireNonNull(errorListener, "errorListener");
        if (batchSize < 1) {
            throw new NatsIllegalArgumentException("consume: batchSize must be at least 1, was " + batchSize);
        }
        if (maxBytes < 0) {
            throw new NatsIllegalArgumentException("consume: maxBytes must not be negative, was " + maxBytes);
        }
        if (expires.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new NatsIllegalArgumentException("consume: expires must be at least 1 s, was " + expires);
        }
        if (idleHeartbeat.compareTo(Duration.ofMillis(500)) < 0 || idleHeartbeat.compareTo(Duration.ofSeconds(30)) > 0
                || idleHeartbeat.compareTo(expires) >= 0) {
            throw new NatsIllegalArgumentException("consume: idleHeartbeat must be 500 ms to 30 s and less than expires, was "
                    + idleHeartbeat);
        }
        if (thresholdPercent < 1 || thresholdPercent > 100) {
            throw new NatsIllegalArgumentException("consume: thresholdPercent must be 1 to 100, was " + thresholdPercent);
        }
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ConsumeOptions}. */
    public static final class Builder {
        private int batchSize = 500;
        private long maxBytes;
        private Duration expires = Duration.ofSeconds(30);
        private Duration idleHeartbeat;
        private int thresholdPercent = 50;
        private ConsumeErrorListener errorListener;

        private Builder() {
        }

        /**
         * Sets the most messages requested or buffered. Default: 500.
         *
         * @param batchSize at least 1
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Switches to bytes mode: the most bytes requested or buffered. Default: messages mode.
         *
         * @param maxBytes the byte budget
         * @return this builder
         */
        public Builder maxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * Sets how long each pull request lives. Default: 30 s.
         *
         * @param expires at least 1 s
         * @return this builder
         */
        public Builder expires(Duration expires) {
            this.expires = Objects.requireNonNull(expires, "expires");
            return this;
        }

        /**
         * Sets the idle heartbeat. Default: half of expires, at most 30 s.
         *
         * @param idleHeartbeat 500 ms to 30 s, less than expires
         * @return this builder
         */
        public Builder idleHeartbeat(Duration idleHeartbeat) {
            this.idleHeartbeat = Objects.requireNonNull(idleHeartbeat, "idleHeartbeat");
            return this;
        }

        /**
         * Sets the re-pull threshold. Default: 50 %.
         *
         * @param percent 1 to 100
         * @return this builder
         */
        public Builder thresholdPercent(int percent) {
            this.thresholdPercent = percent;
            return this;
        }

        /**
         * Sets the listener for warnings and the terminal error. Default: none.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder errorListener(ConsumeErrorListener listener) {
            this.errorListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws NatsIllegalArgumentException when a value is out of range
         */
        public ConsumeOptions build() {
            Duration hb = idleHeartbeat;
            if (hb == null) {
                hb = expires.dividedBy(2);
                if (hb.compareTo(Duration.ofSeconds(30)) > 0) {
                    hb = Duration.ofSeconds(30);
                }
            }
            return new ConsumeOptions(batchSize, maxBytes, expires, hb, thresholdPercent,
                    Optional.ofNullable(errorListener));
        }
    }
}
