package io.nats4j.jetstream;

import io.nats4j.jetstream.internal.Names;
import io.nats4j.protocol.NatsIllegalArgumentException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pull consumer's configuration. A consumer with a {@code durable} name outlives its clients; one
 * without is ephemeral and removed by the server after {@code inactiveThreshold} without clients
 * (the server's default is 5 s). A config read from the server keeps every field this version does
 * not model in {@link #unknownFields()} and sends it back on update.
 *
 * <pre>{@code
 * ConsumerConfig cfg = ConsumerConfig.builder().durable("worker").filterSubject("orders.new")
 *     .ackWait(Duration.ofSeconds(30)).maxDeliver(5).build();
 * }</pre>
 *
 * @param durable the durable name; empty for an ephemeral consumer
 * @param name the consumer name (equal to durable when both are set); empty to let the server or
 *     the durable name decide
 * @param description a description, empty when none
 * @param filterSubject deliver only messages of this subject; empty for all
 * @param filterSubjects several filter subjects (needs nats-server 2.10+); empty for none
 * @param deliverPolicy where the consumer starts
 * @param startSequence the first stream sequence for {@link DeliverPolicy#BY_START_SEQUENCE}, else 0
 * @param startTime the start time for {@link DeliverPolicy#BY_START_TIME}
 * @param ackPolicy how messages are acknowledged
 * @param ackWait how long the server waits for an ack before redelivering; zero for its default (30 s)
 * @param maxDeliver most deliveries of one message; 0 or -1 for no limit
 * @param maxAckPending most unacknowledged messages; 0 for the server's default (1000), -1 for none
 * @param maxWaiting most pull requests waiting at once; 0 for the server's default (512)
 * @param inactiveThreshold how long an ephemeral (or, on 2.10+, a durable) consumer may go without
 *     clients before the server removes it; zero for the server's default
 * @param replicas the consumer's replicas; 0 to follow the stream
 * @param memoryStorage keep the consumer's state in memory even for a file stream
 * @param headersOnly deliver headers and the payload size ({@code Nats-Msg-Size}) but no payload
 * @param unknownFields server fields this version does not model, name to raw JSON value
 */
public record ConsumerConfig(Optional<String> durable, Optional<String> name, String description,
                             Optional<String> filterSubject, List<String> filterSubjects,
                             DeliverPolicy deliverPolicy, long startSequence, Optional<Instant> startTime,
                             AckPolicy ackPolicy, Duration ackWait, int maxDeliver, int maxAckPending,
                             int maxWaiting, Duration inactiveThreshold, int replicas, boolean memoryStorage,
                             boolean headersOnly, Map<String, String> unknownFields) {

    /**
     * Checks and copies the components.
     *
     * @param durable see {@link #durable()}
     * @param name see {@link #name()}
     * @param description see {@link #description()}
     * @param filterSubject see {@link #filterSubject()}
     * @param filterSubjects see {@link #filterSubjects()}
     * @param deliverPolicy see {@link #deliverPolicy()}
     * @param startSequence see {@link #startSequence()}
     * @param startTime see {@link #startTime()}
     * @param ackPolicy see {@link #ackPolicy()}
     * @param ackWait see {@link #ackWait()}
     * @param maxDeliver see {@link #maxDeliver()}
     * @param maxAckPending see {@link #maxAckPending()}
     * @param maxWaiting see {@link #maxWaiting()}
     * @param inactiveThreshold see {@link #inactiveThreshold()}
     * @param replicas see {@link #replicas()}
     * @param memoryStorage see {@link #memoryStorage()}
     * @param headersOnly see {@link #headersOnly()}
     * @param unknownFields see {@link #unknownFields()}
     * @throws NatsIllegalArgumentException when names are invalid or differ, or the deliver policy
     *     lacks its start sequence or time
     */
    public ConsumerConfig {
        Objects.requireNonNull(durable, "durable");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(filterSubject, "filterSubject");
        filterSubjects = List.copyOf(filterSubjects);
        Objects.requireNonNull(deliverPolicy, "deliverPolicy");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(ackPolicy, "ackPolicy");
        Objects.requireNonNull(ackWait, "ackWait");
        Objects.requireNonNull(inactiveThreshold, "inactiveThreshold");
        durable.ifPresent(d -> Names.checkName(d, "durable name"));
        name.ifPresent(n -> Names.checkName(n, "consumer name"));
        if (durable.isPresent() && name.isPresent() && !durable.equals(name)) {
            throw new NatsIllegalArgumentException("consumer name '" + name.get() + "' and durable name '"
                    + durable.get() + "' must be equal when both are set");
        }
        if (deliverPolicy == DeliverPolicy.BY_START_SEQUENCE && startSequence <= 0) {
            throw new NatsIllegalArgumentException("deliver policy BY_START_SEQUENCE needs a startSequence of 1 or more");
        }
        if (deliverPolicy == DeliverPolicy.BY_START_TIME && startTime.isEmpty()) {
            throw new NatsIllegalArgumentException("deliver policy BY_START_TIME needs a startTime");
        }
        if (ackWait.isNegative() || inactiveThreshold.isNegative()) {
            throw new NatsIllegalArgumentException("ackWait and inactiveThreshold must not be negative");
        }
        if (replicas < 0 || replicas > 5) {
            throw new NatsIllegalArgumentException("consumer replicas must be 0 to 5, was " + replicas);
        }
        unknownFields = Map.copyOf(unknownFields);
    }

    /**
     * The name the consumer goes by: the name, else the durable name.
     *
     * @return the name, empty for an ephemeral consumer whose name the server picks
     */
    public Optional<String> effectiveName() {
        return name.isPresent() ? name : durable;
    }

    /**
     * A builder with the defaults: ephemeral, deliver all, explicit acks, server defaults elsewhere.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this config's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link ConsumerConfig}. Not thread-safe. */
    public static final class Builder {
        private String durable;
        private String name;
        private String description = "";
        private String filterSubject;
        private List<String> filterSubjects = List.of();
        private DeliverPolicy deliverPolicy = DeliverPolicy.ALL;
        private long startSequence;
        private Instant startTime;
        private AckPolicy ackPolicy = AckPolicy.EXPLICIT;
        private Duration ackWait = Duration.ZERO;
        private int maxDeliver;
        private int maxAckPending;
        private int maxWaiting;
        private Duration inactiveThreshold = Duration.ZERO;
        private int replicas;
        private boolean memoryStorage;
        private boolean headersOnly;
        private final Map<String, String> unknownFields = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(ConsumerConfig c) {
            durable = c.durable.orElse(null);
            name = c.name.orElse(null);
            description = c.description;
            filterSubject = c.filterSubject.orElse(null);
            filterSubjects = c.filterSubjects;
            deliverPolicy = c.deliverPolicy;
            startSequence = c.startSequence;
            startTime = c.startTime.orElse(null);
            ackPolicy = c.ackPolicy;
            ackWait = c.ackWait;
            maxDeliver = c.maxDeliver;
            maxAckPending = c.maxAckPending;
            maxWaiting = c.maxWaiting;
            inactiveThreshold = c.inactiveThreshold;
            replicas = c.replicas;
            memoryStorage = c.memoryStorage;
            headersOnly = c.headersOnly;
            unknownFields.putAll(c.unknownFields);
        }

        /**
         * Makes the consumer durable under this name. Default: ephemeral.
         *
         * @param durable the durable name
         * @return this builder
         */
        public Builder durable(String durable) {
            this.durable = Objects.requireNonNull(durable, "durable");
            return this;
        }

        /**
         * Names the consumer (an ephemeral one too; needs nats-server 2.9+). Default: the durable name
         * or a server-chosen one.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the description. Default: none.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Delivers only messages of this subject. Default: all subjects of the stream.
         *
         * @param subject the subject (wildcards allowed)
         * @return this builder
         */
        public Builder filterSubject(String subject) {
            this.filterSubject = Objects.requireNonNull(subject, "subject");
            return this;
        }

        /**
         * Delivers only messages of these subjects; needs nats-server 2.10+ (an older server refuses
         * the consumer). Default: none.
         *
         * @param subjects the subjects
         * @return this builder
         */
        public Builder filterSubjects(String... subjects) {
            this.filterSubjects = List.copyOf(Arrays.asList(subjects));
            return this;
        }

        /**
         * Sets where the consumer starts. Default: {@link DeliverPolicy#ALL}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder deliverPolicy(DeliverPolicy policy) {
            this.deliverPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the start sequence and the deliver policy {@link DeliverPolicy#BY_START_SEQUENCE}.
         *
         * @param sequence the first stream sequence delivered
         * @return this builder
         */
        public Builder startSequence(long sequence) {
            this.startSequence = sequence;
            this.deliverPolicy = DeliverPolicy.BY_START_SEQUENCE;
            return this;
        }

        /**
         * Sets the start time and the deliver policy {@link DeliverPolicy#BY_START_TIME}.
         *
         * @param time the earliest store time delivered
         * @return this builder
         */
        public Builder startTime(Instant time) {
            this.startTime = Objects.requireNonNull(time, "time");
            this.deliverPolicy = DeliverPolicy.BY_START_TIME;
            return this;
        }

        /**
         * Sets the ack policy. Default: {@link AckPolicy#EXPLICIT}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder ackPolicy(AckPolicy policy) {
            this.ackPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets how long the server waits for an ack. Default: the server's (30 s).
         *
         * @param ackWait the wait
         * @return this builder
         */
        public Builder ackWait(Duration ackWait) {
            this.ackWait = Objects.requireNonNull(ackWait, "ackWait");
            return this;
        }

        /**
         * Sets the most deliveries of one message. Default: no limit.
         *
         * @param maxDeliver the limit
         * @return this builder
         */
        public Builder maxDeliver(int maxDeliver) {
            this.maxDeliver = maxDeliver;
            return this;
        }

        /**
         * Sets the most unacknowledged messages. Default: the server's (1000).
         *
         * @param maxAckPending the limit, -1 for none
         * @return this builder
         */
        public Builder maxAckPending(int maxAckPending) {
            this.maxAckPending = maxAckPending;
            return this;
        }

        /**
         * Sets the most pull requests waiting at once. Default: the server's (512).
         *
         * @param maxWaiting the limit
         * @return this builder
         */
        public Builder maxWaiting(int maxWaiting) {
            this.maxWaiting = maxWaiting;
            return this;
        }

        /**
         * Sets how long the consumer may go without clients before the server removes it.
         * Default: the server's (5 s for ephemeral consumers; durable ones stay, unless set on 2.10+).
         *
         * @param threshold the threshold
         * @return this builder
         */
        public Builder inactiveThreshold(Duration threshold) {
            this.inactiveThreshold = Objects.requireNonNull(threshold, "threshold");
            return this;
        }

        /**
         * Sets the consumer's replicas. Default: 0, as many as the stream.
         *
         * @param replicas 0 to 5
         * @return this builder
         */
        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        /**
         * Keeps the consumer's state in memory. Default: false (as the stream stores).
         *
         * @param memoryStorage whether to keep state in memory
         * @return this builder
         */
        public Builder memoryStorage(boolean memoryStorage) {
            this.memoryStorage = memoryStorage;
            return this;
        }

        /**
         * Delivers headers only. Default: false.
         *
         * @param headersOnly whether to leave out payloads
         * @return this builder
         */
        public Builder headersOnly(boolean headersOnly) {
            this.headersOnly = headersOnly;
            return this;
        }

        /**
         * Sets a server field this version does not model (e.g. {@code "backoff"}, {@code "metadata"}),
         * as raw JSON.
         *
         * @param field the JSON field name
         * @param rawJson the value as JSON text
         * @return this builder
         */
        public Builder unknownField(String field, String rawJson) {
            unknownFields.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(rawJson, "rawJson"));
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         * @throws NatsIllegalArgumentException when the settings do not fit together
         */
        public ConsumerConfig build() {
            return new ConsumerConfig(Optional.ofNullable(durable), Optional.ofNullable(name), description,
                    Optional.ofNullable(filterSubject), filterSubjects, deliverPolicy, startSequence,
                    Optional.ofNullable(startTime), ackPolicy, ackWait, maxDeliver, maxAckPending, maxWaiting,
                    inactiveThreshold, replicas, memoryStorage, headersOnly, unknownFields);
        }
    }
}
