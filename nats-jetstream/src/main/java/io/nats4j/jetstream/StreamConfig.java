package io.nats4j.jetstream;

import io.nats4j.jetstream.internal.Names;
import io.nats4j.protocol.NatsIllegalArgumentException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stream's configuration. Build one with {@link #builder()}; a config read from the server
 * ({@link StreamInfo#config()}) keeps every field this version does not model in
 * {@link #unknownFields()} and sends them back unchanged on {@link JetStream#updateStream}.
 *
 * <pre>{@code
 * StreamConfig cfg = StreamConfig.builder().name("ORDERS").subjects("orders.>")
 *     .storage(StorageType.FILE).maxAge(Duration.ofDays(7)).build();
 * }</pre>
 *
 * @param name the stream name (no spaces, dots, {@code *}, {@code >} or path separators)
 * @param description a description, empty when none
 * @param subjects the subjects the stream captures
 * @param retention when messages are removed
 * @param storage file or memory
 * @param maxMessages most messages kept, -1 for no limit
 * @param maxBytes most bytes kept, -1 for no limit
 * @param maxAge the oldest a message may get, {@link Duration#ZERO} for no limit
 * @param maxMessageSize the largest message accepted, -1 for no limit
 * @param maxMessagesPerSubject most messages kept per subject, -1 for no limit
 * @param discard what to do when a limit is reached
 * @param replicas how many servers keep a copy (1 to 5)
 * @param duplicateWindow how long message ids are remembered for de-duplication; zero means the
 *     server's default (2 minutes)
 * @param allowDirect whether messages may be read with direct get (any replica answers)
 * @param allowRollup whether the {@code Nats-Rollup} header may purge a subject or the stream
 * @param denyDelete whether deleting single messages is refused
 * @param denyPurge whether purging is refused
 * @param unknownFields server fields this version does not model, name to raw JSON value
 */
public record StreamConfig(String name, String description, List<String> subjects, RetentionPolicy retention,
                           StorageType storage, long maxMessages, long maxBytes, Duration maxAge,
                           int maxMessageSize, long maxMessagesPerSubject, DiscardPolicy discard, int replicas,
                           Duration duplicateWindow, boolean allowDirect, boolean allowRollup, boolean denyDelete,
                           boolean denyPurge, Map<String, String> unknownFields) {

    /**
     * Checks and copies the components.
     *
     * @param name see {@link #name()}
     * @param description see {@link #description()}
     * @param subjects see {@link #subjects()}
     * @param retention see {@link #retention()}
     * @param storage see {@link #storage()}
     * @param maxMessages see {@link #maxMessages()}
     * @param maxBytes see {@link #maxBytes()}
     * @param maxAge see {@link #maxAge()}
     * @param maxMessageSize see {@link #maxMessageSize()}
     * @param maxMessagesPerSubject see {@link #maxMessagesPerSubject()}
     * @param discard see {@link #discard()}
     * @param replicas see {@link #replicas()}
     * @param duplicateWindow see {@link #duplicateWindow()}
     * @param allowDirect see {@link #allowDirect()}
     * @param allowRollup see {@link #allowRollup()}
     * @param denyDelete see {@link #denyDelete()}
     * @param denyPurge see {@link #denyPurge()}
     * @param unknownFields see {@link #unknownFields()}
     * @throws NatsIllegalArgumentException when the name is missing or invalid, or a value is out of range
     */
    public StreamConfig {
        Names.checkName(name, "stream name");
        Objects.requireNonNull(description, "description");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(discard, "discard");
        Objects.requireNonNull(duplicateWindow, "duplicateWindow");
        if (maxAge.isNegative() || duplicateWindow.isNegative()) {
            throw new NatsIllegalArgumentException("stream '" + name + "': maxAge and duplicateWindow must not be negative");
        }
        if (replicas < 1 || replicas > 5) {
            throw new NatsIllegalArgumentException("stream '" + name + "': replicas must be 1 to 5, was " + replicas);
        }
        unknownFields = Map.copyOf(unknownFields);
    }

    /**
     * A builder with the defaults: no subjects (the server then uses the name), limits retention,
     * file storage, no limits, discard old, one replica.
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

    /** Builds a {@link StreamConfig}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private String description = "";
        private List<String> subjects = List.of();
        private RetentionPolicy retention = RetentionPolicy.LIMITS;
        private StorageType storage = StorageType.FILE;
        private long maxMessages = -1;
        private long maxBytes = -1;
        private Duration maxAge = Duration.ZERO;
        private int maxMessageSize = -1;
        private long maxMessagesPerSubject = -1;
        private DiscardPolicy discard = DiscardPolicy.OLD;
        private int replicas = 1;
        private Duration duplicateWindow = Duration.ZERO;
        private boolean allowDirect;
        private boolean allowRollup;
        private boolean denyDelete;
        private boolean denyPurge;
        private final Map<String, String> unknownFields = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(StreamConfig c) {
            name = c.name;
            description = c.description;
            subjects = c.subjects;
            retention = c.retention;
            storage = c.storage;
            maxMessages = c.maxMessages;
            maxBytes = c.maxBytes;
            maxAge = c.maxAge;
            maxMessageSize = c.maxMessageSize;
            maxMessagesPerSubject = c.maxMessagesPerSubject;
            discard = c.discard;
            replicas = c.replicas;
            duplicateWindow = c.duplicateWindow;
            allowDirect = c.allowDirect;
            allowRollup = c.allowRollup;
            denyDelete = c.denyDelete;
            denyPurge = c.denyPurge;
            unknownFields.putAll(c.unknownFields);
        }

        /**
         * Sets the stream name. Required.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
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
         * Sets the subjects captured (wildcards allowed). Default: none, the server then uses the name.
         *
         * @param subjects the subjects
         * @return this builder
         */
        public Builder subjects(String... subjects) {
            this.subjects = List.copyOf(Arrays.asList(subjects));
            return this;
        }

        /**
         * Sets the subjects captured.
         *
         * @param subjects the subjects
         * @return this builder
         */
        public Builder subjects(List<String> subjects) {
            this.subjects = List.copyOf(subjects);
            return this;
        }

        /**
         * Sets the retention policy. Default: {@link RetentionPolicy#LIMITS}.
         *
         * @param retention the policy
         * @return this builder
         */
        public Builder retention(RetentionPolicy retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /**
         * Sets the storage. Default: {@link StorageType#FILE}.
         *
         * @param storage the storage type
         * @return this builder
         */
        public Builder storage(StorageType storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * Sets the most messages kept. Default: -1, no limit.
         *
         * @param maxMessages the limit
         * @return this builder
         */
        public Builder maxMessages(long maxMessages) {
            this.maxMessages = maxMessages;
            return this;
        }

        /**
         * Sets the most bytes kept. Default: -1, no limit.
         *
         * @param maxBytes the limit
         * @return this builder
         */
        public Builder maxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * Sets the oldest a message may get. Default: zero, no limit.
         *
         * @param maxAge the age
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
            return this;
        }

        /**
         * Sets the largest message accepted. Default: -1, no limit (the server's max payload).
         *
         * @param maxMessageSize the size in bytes
         * @return this builder
         */
        public Builder maxMessageSize(int maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
            return this;
        }

        /**
         * Sets the most messages kept per subject. Default: -1, no limit.
         *
         * @param maxMessagesPerSubject the limit
         * @return this builder
         */
        public Builder maxMessagesPerSubject(long maxMessagesPerSubject) {
            this.maxMessagesPerSubject = maxMessagesPerSubject;
            return this;
        }

        /**
         * Sets the discard policy. Default: {@link DiscardPolicy#OLD}.
         *
         * @param discard the policy
         * @return this builder
         */
        public Builder discard(DiscardPolicy discard) {
            this.discard = Objects.requireNonNull(discard, "discard");
            return this;
        }

        /**
         * Sets the number of replicas. Default: 1.
         *
         * @param replicas 1 to 5
         * @return this builder
         */
        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        /**
         * Sets the de-duplication window. Default: zero, the server's (2 minutes).
         *
         * @param duplicateWindow the window
         * @return this builder
         */
        public Builder duplicateWindow(Duration duplicateWindow) {
            this.duplicateWindow = Objects.requireNonNull(duplicateWindow, "duplicateWindow");
            return this;
        }

        /**
         * Allows direct get. Default: false.
         *
         * @param allowDirect whether direct get is allowed
         * @return this builder
         */
        public Builder allowDirect(boolean allowDirect) {
            this.allowDirect = allowDirect;
            return this;
        }

        /**
         * Allows roll-ups with the {@code Nats-Rollup} header. Default: false.
         *
         * @param allowRollup whether roll-ups are allowed
         * @return this builder
         */
        public Builder allowRollup(boolean allowRollup) {
            this.allowRollup = allowRollup;
            return this;
        }

        /**
         * Refuses deleting single messages. Default: false.
         *
         * @param denyDelete whether deletes are refused
         * @return this builder
         */
        public Builder denyDelete(boolean denyDelete) {
            this.denyDelete = denyDelete;
            return this;
        }

        /**
         * Refuses purges. Default: false.
         *
         * @param denyPurge whether purges are refused
         * @return this builder
         */
        public Builder denyPurge(boolean denyPurge) {
            this.denyPurge = denyPurge;
            return this;
        }

        /**
         * Sets a server field this version does not model (for example a 2.10+ field such as
         * {@code "metadata"}), as raw JSON. Sent as given; the server validates it.
         *
         * @param field the JSON field name
         * @param rawJson the value as JSON text, e.g. {@code "{\"team\":\"a\"}"} or {@code "true"}
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
         * @throws NatsIllegalArgumentException when the name is missing or invalid, or a value is out of range
         */
        public StreamConfig build() {
            return new StreamConfig(name, description, subjects, retention, storage, maxMessages, maxBytes, maxAge,
                    maxMessageSize, maxMessagesPerSubject, discard, replicas, duplicateWindow, allowDirect,
                    allowRollup, denyDelete, denyPurge, unknownFields);
        }
    }
}
