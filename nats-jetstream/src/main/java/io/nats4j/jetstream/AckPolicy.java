package io.nats4j.jetstream;

/** How a consumer expects messages to be acknowledged. */
public enum AckPolicy {
    /** Every message acknowledged one by one (the default). */
    EXPLICIT("explicit"),

    /** Acknowledging a message acknowledges every earlier one. */
    ALL("all"),

    /** No acknowledgement; a delivered message counts as done. */
    NONE("none");

    private final String wire;

    AckPolicy(String wire) {
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
    public static java.util.Optional<AckPolicy> fromWire(String wire) {
        for (AckPolicy v : values()) {
            if (v.wire.equals(wire)) {
                return java.util.Optional.of(v);
            }
        }
        return java.util.Optional.empty();
    }
}
