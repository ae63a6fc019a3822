package io.nats4j.jetstream;

import io.nats4j.protocol.NatsIllegalArgumentException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Options of one publish: a message id for de-duplication, expectations the stream checks before
 * storing, and a timeout for the acknowledgement.
 *
 * @param messageId sent as {@code Nats-Msg-Id}: a second message with the same id within the
 *     stream's duplicate window is not stored again ({@link PubAck#duplicate()})
 * @param expectedStream sent as {@code Nats-Expected-Stream}: the name of the stream that must store it
 * @param expectedLastSequence sent as {@code Nats-Expected-Last-Sequence}: the stream's last sequence
 * @param expectedLastSubjectSequence sent as {@code Nats-Expected-Last-Subject-Sequence}: the last
 *     sequence of this subject in the stream (0 means the subject must have no message)
 * @param expectedLastMessageId sent as {@code Nats-Expected-Last-Msg-Id}: the id of the stream's last message
 * @param timeout how long to wait for the acknowledgement; empty for the context's request timeout
 */
public record PublishOptions(Optional<String> messageId, Optional<String> expectedStream,
                             OptionalLong expectedLastSequence, OptionalLong expectedLastSubjectSequence,
                             Optional<String> expectedLastMessageId, Optional<Duration> timeout) {

    /** No id, no expectations, the context's timeout. */
    public static final PublishOptions DEFAULT = builder().build();

    /**
     * Checks the components.
     *
     * @param messageId see {@link #messageId()}
     * @param expectedStream see {@link #expectedStream()}
     * @param expectedLastSequence see {@link #expectedLastSequence()}
     * @param expectedLastSubjectSequence see {@link #expectedLastSubjectSequence()}
     * @param expectedLastMessageId see {@link #expectedLastMessageId()}
     * @param timeout see {@link #timeout()}
     * @throws NatsIllegalArgumentException when a sequence is negative or the timeout not positive
     */
    public PublishOptions {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(expectedStream, "expectedStream");
        Objects.requireNonNull(expectedLastSequence, "expectedLastSequence");
        Objects.requireNonNull(expectedLastSubjectSequence, "expectedLastSubjectSequence");
        Objects.requireNonNull(expectedLastMessageId, "expectedLastMessageId");
        Objects.requireNonNull(timeout, "timeout");
        if (expectedLastSequence.orElse(0) < 0 || expectedLastSubjectSequence.orElse(0) < 0) {
            throw new NatsIllegalArgumentException("publish: expected sequences must not be negative");
        }
        if (timeout.isPresent() && (timeout.get().isZero() || timeout.get().isNegative())) {
            throw new NatsIllegalArgumentException("publish: timeout must be positive, was " + timeout.get());
        }
    }

    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PublishOptions}. */
    public static final class Builder {
        private String messageId;
        private String expectedStream;
        private OptionalLong expectedLastSequence = OptionalLong.empty();
        private OptionalLong expectedLastSubjectSequence = OptionalLong.empty();
        private String expectedLastMessageId;
        private Duration timeout;

        private Builder() {
        }

        /**
         * Sets the message id ({@code Nats-Msg-Id}).
         *
         * @param messageId the id
         * @return this builder
         */
        public Builder messageId(String messageId) {
            this.messageId = Objects.requireNonNull(messageId, "messageId");
            return this;
        }

        /**
         * Expects this stream to store the message.
         *
         * @param stream the stream name
         * @return this builder
         */
        public Builder expectedStream(String stream) {
            this.expectedStream = Objects.requireNonNull(stream, "stream");
            return this;
        }

        /**
         * Expects the stream's last sequence to be this one.
         *
         * @param sequence the sequence
         * @return this builder
         */
        public Builder expectedLastSequence(long sequence) {
            this.expectedLastSequence = OptionalLong.of(sequence);
            return this;
        }

        /**
         * Expects the last sequence of the message's subject to be this one (0: no message yet).
         *
         * @param sequence the sequence
         * @return this builder
         */
        public Builder expectedLastSubjectSequence(long sequence) {
            this.expectedLastSubjectSequence = OptionalLong.of(sequence);
            return this;
        }

        /**
         * Expects the stream's last message id to be this one.
         *
         * @param messageId the id
         * @return this builder
         */
        public Builder expectedLastMessageId(String messageId) {
            this.expectedLastMessageId = Objects.requireNonNull(messageId, "messageId");
            return this;
        }

        /**
         * Sets how long to wait for the acknowledgement. Default: the context's request timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws NatsIllegalArgumentException when a value is out of range
         */
        public PublishOptions build() {
            return new PublishOptions(Optional.ofNullable(messageId), Optional.ofNullable(expectedStream),
                    expectedLastSequence, expectedLastSubjectSequence, Optional.ofNullable(expectedLastMessageId),
                    Optional.ofNullable(timeout));
        }
    }
}
