package io.nats4j.jetstream.kv;

/**
 * How a watch starts and what it delivers. Default: the latest entry of every matching key
 * (delete and purge markers included), then every change.
 *
 * @param includeHistory deliver every stored entry of the matching keys, not only the latest
 * @param updatesOnly deliver only changes made after the watch started
 * @param ignoreDeletes skip delete and purge markers
 * @param metaOnly deliver entries without their values (headers-only reads)
 */
public record WatchOptions(boolean includeHistory, boolean updatesOnly, boolean ignoreDeletes, boolean metaOnly) {

    /** The default options. */
    public static final WatchOptions DEFAULT = builder().build();

    /**
     * Refuses contradicting options.
     *
     * @param includeHistory history
     * @param updatesOnly updates only
     * @param ignoreDeletes no markers
     * @param metaOnly no values
     * @throws io.nats4j.protocol.NatsIllegalArgumentException when both history and updates-only are asked
     */
    public WatchOptions {
        if (includeHistory && updatesOnly) {
            throw new io.nats4j.protocol.NatsIllegalArgumentException(
                    "watch: includeHistory and updatesOnly exclude each other");
        }
    }

    /**
     * A builder.
     *
     * @return a builder with every option off
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link WatchOptions}. */
    public static final class Builder {
        private boolean includeHistory;
        private boolean updatesOnly;
        private boolean ignoreDeletes;
        private boolean metaOnly;

        private Builder() {
        }

        /**
         * Deliver all stored entries of the matching keys first.
         *
         * @return this
         */
        public Builder includeHistory() {
            includeHistory = true;
            return this;
        }

        /**
         * Deliver only changes made after the watch started.
         *
         * @return this
         */
        public Builder updatesOnly() {
            updatesOnly = true;
            return this;
        }

        /**
         * Skip delete and purge markers.
         *
         * @return this
         */
        public Builder ignoreDeletes() {
            ignoreDeletes = true;
            return this;
        }

        /**
         * Deliver entries without values.
         *
         * @return this
         */
        public Builder metaOnly() {
            metaOnly = true;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public WatchOptions build() {
            return new WatchOptions(includeHistory, updatesOnly, ignoreDeletes, metaOnly);
        }
    }
}
