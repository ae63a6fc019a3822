package io.nats4j.jetstream;

/** What a stream does when a limit is reached. */
public enum DiscardPolicy {
    /** Remove the oldest messages (the default). */
    OLD("old"),

    /** Refuse new messages. */
    NEW("new");

    private final String wire;

    DiscardPolicy(String wire) {
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
    public static java.util.Optional<DiscardPolicy> fromWire(String wire) {
        for (DiscardPolicy v : values()) {
            if (v.wire.equals(wire)) {
                return java.util.Optional.of(v);
            }
        }
        return java.util.Optional.empty();
    }
}
