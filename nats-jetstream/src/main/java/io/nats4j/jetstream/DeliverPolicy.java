package io.nats4j.jetstream;

/** Where a consumer starts in its stream. */
public enum DeliverPolicy {
    /** From the first message (the default). */
    ALL("all"),

    /** From the last message. */
    LAST("last"),

    /** Only messages stored after the consumer was created. */
    NEW("new"),

    /** From a stream sequence (startSequence). */
    BY_START_SEQUENCE("by_start_sequence"),

    /** From a time (startTime). */
    BY_START_TIME("by_start_time"),

    /** The last message of each subject, then new ones. */
    LAST_PER_SUBJECT("last_per_subject");

    private final String wire;

    DeliverPolicy(String wire) {
        this.wire = wire;
    }

    /**
     * The name the JetStream API uses in JSON.
     *
     * @return the wire name
     */
    public String wireName() {
        return wire;
    }

    /**
     * Finds the constant for a wire name.
     *
     * @param wire the JSON value
     * @return the constant, or empty for a value this version does not know
     */
    public static java.util.Optional<DeliverPolicy> fromWire(String wire) {
        for (DeliverPolicy v : values()) {
            if (v.wire.equals(wire)) {
                return java.util.Optional.of(v);
            }
        }
        return java.util.Optional.empty();
    }
}
