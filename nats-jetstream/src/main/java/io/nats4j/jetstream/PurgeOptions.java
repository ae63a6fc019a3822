package io.nats4j.jetstream;

import io.nats4j.protocol.NatsIllegalArgumentException;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Stream#purge(PurgeOptions)} removes: every message, or those of a subject, those below a
 * sequence, or all but the last {@code keep}. {@code sequence} and {@code keep} exclude each other.
 *
 * @param subject only messages of this subject (wildcards allowed); empty for all
 * @param sequence remove messages with a lower sequence than this; 0 when not set
 * @param keep keep this many of the newest messages; 0 when not set
 */
public record PurgeOptions(Optional<String> subject, long sequence, long keep) {

    /**
     * Checks the components.
     *
     * @param subject see {@link #subject()}
     * @param sequence see {@link #sequence()}
     * @param keep see {@link #keep()}
     * @throws NatsIllegalArgumentException when both sequence and keep are set, or either is negative
     */
    public PurgeOptions {
        Objects.requireNonNull(subject, "subject");
        if (sequence < 0 || keep < 0) {
            throw new NatsIllegalArgumentException("purge: sequence and keep must not be negative");
        }
        if (sequence > 0 && keep > 0) {
            throw new NatsIllegalArgumentException("purge: sequence and keep exclude each other");
        }
    }

    /**
     * A builder; by default the whole stream is purged.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PurgeOptions}. */
    public static final class Builder {
        private String subject;
        private long sequence;
        private long keep;

        private Builder() {
        }

        /**
         * Purges only this subject.
         *
         * @param subject the subject (wildcards allowed)
         * @return this builder
         */
        public Builder subject(String subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
            return this;
        }

        /**
         * Purges messages with a sequence lower than this one.
         *
         * @param sequence the first sequence kept
         * @return this builder
         */
        public Builder sequence(long sequence) {
            this.sequence = sequence;
            return this;
        }

        /**
         * Keeps this many of the newest messages.
         *
         * @param keep how many to keep
         * @return this builder
         */
        public Builder keep(long keep) {
            this.keep = keep;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws NatsIllegalArgumentException when both sequence and keep are set
         */
        public PurgeOptions build() {
            return new PurgeOptions(Optional.ofNullable(subject), sequence, keep);
        }
    }
}
