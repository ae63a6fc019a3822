package io.nats4j.jetstream;

/** When a stream removes messages. */
public enum RetentionPolicy {
    /** Keep messages until a limit (count, bytes, age) removes them (the default). */
    LIMITS("limits"),

    /** Keep a message until every consumer has acknowledged it. */
    INTEREST("interest"),

    /** Remove a message once one consumer has acknowledged it. */
    WORK_QUEUE("workqueue");

    private final String wire;

    RetentionPolicy(String wire) {
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
    public static java.util.Optional<RetentionPolicy> fromWire(String wire) {
        for (RetentionPolicy v : values()) {
            if (v.wire.equals(wire)) {
                return java.util.Optional.of(v);
            }
        }
        return java.util.Optional.empty();
    }
}
