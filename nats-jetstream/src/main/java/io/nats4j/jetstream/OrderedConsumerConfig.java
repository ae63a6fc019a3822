package io.nats4j.jetstream;

import io.nats4j.protocol.NatsIllegalArgumentException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an ordered consumer ({@link JetStream#orderedConsumer}) reads: an ephemeral, in-memory, single
 * replica consumer without acks that the client re-creates from the next expected stream sequence
 * whenever it sees a gap, misses heartbeats, finds the consumer deleted, or reconnects.
 *
 * @param filterSubject only messages of this subject; empty for all
 * @param deliverPolicy where reading starts
 * @param startSequence the first sequence for {@link DeliverPolicy#BY_START_SEQUENCE}, else 0
 * @param startTime the start time for {@link DeliverPolicy#BY_START_TIME}
 * @param headersOnly deliver headers without payloads
 */
public record OrderedConsumerConfig(Optional<String> filterSubject, DeliverPolicy deliverPolicy,
                                    long startSequence, Optional<Instant> startTime, boolean headersOnly) {

    /** Everything from the start, payloads included. */
    public static final OrderedConsumerConfig DEFAULT = builder().build();

    /**
     * Checks the components.
     *
     * @param filterSubject see {@link #filterSubject()}
     * @param deliverPolicy see {@link #deliverPolicy()}
     * @param startSequence see {@link #startSequence()}
     * @param startTime see {@link #startTime()}
     * @param headersOnly see {@link #headersOnly()}
     * @throws NatsIllegalArgumentException when the deliver policy lacks its start sequence or time
     */
    public OrderedConsumerConfig {
        Objects.requireNonNull(filterSubject, "filterSubject");
        Objects.requireNonNull(deliverPolicy, "deliverPolicy");
        Objects.requireNonNull(startTime, "startTime");
        if (deliverPolicy == DeliverPolicy.BY_START_SEQUENCE && startSequence <= 0) {
            throw new NatsIllegalArgumentException("deliver policy BY_START_SEQUENCE needs a startSequence of 1 or more");
        }
        if (deliverPolicy == DeliverPolicy.BY_START_TIME && startTime.isEmpty()) {
            throw new NatsIllegalArgumentException("deliver policy BY_START_TIME needs a startTime");
        }
    }

    /**
     * A builder: all subjects, from the first message, with payloads.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link OrderedConsumerConfig}. */
    public static final class Builder {
        private String filterSubject;
        private DeliverPolicy deliverPolicy = DeliverPolicy.ALL;
        private long startSequence;
        private Instant startTime;
        private boolean headersOnly;

        private Builder() {
        }

        /**
         * Reads only this subject.
         *
         * @param subject the subject (wildcards allowed)
         * @return this builder
         */
        public Builder filterSubject(String subject) {
            this.filterSubject = Objects.requireNonNull(subject, "subject");
            return this;
        }

        /**
         * Sets where reading starts. Default: {@link DeliverPolicy#ALL}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder deliverPolicy(DeliverPolicy policy) {
            this.deliverPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Starts at a stream sequence (sets {@link DeliverPolicy#BY_START_SEQUENCE}).
         *
         * @param sequence the first sequence
         * @return this builder
         */
        public Builder startSequence(long sequence) {
            this.startSequence = sequence;
            this.deliverPolicy = DeliverPolicy.BY_START_SEQUENCE;
            return this;
        }

        /**
         * Starts at a time (sets {@link DeliverPolicy#BY_START_TIME}).
         *
         * @param time the earliest store time
         * @return this builder
         */
        public Builder startTime(Instant time) {
            this.startTime = Objects.requireNonNull(time, "time");
            this.deliverPolicy = DeliverPolicy.BY_START_TIME;
            return this;
        }

        /**
         * Leaves out payloads. Default: false.
         *
         * @param headersOnly whether to leave out payloads
         * @return this builder
         */
        public Builder headersOnly(boolean headersOnly) {
            this.headersOnly = headersOnly;
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         * @throws NatsIllegalArgumentException when the settings do not fit together
         */
        public OrderedConsumerConfig build() {
            return new OrderedConsumerConfig(Optional.ofNullable(filterSubject), deliverPolicy, startSequence,
                    Optional.ofNullable(startTime), headersOnly);
        }
    }
}
