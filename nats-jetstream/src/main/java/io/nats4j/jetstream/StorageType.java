package io.nats4j.jetstream;

/** Where a stream keeps its messages. */
public enum StorageType {
    /** On disk (the default). */
    FILE("file"),

    /** In memory only; lost when the server restarts. */
    MEMORY("memory");

    private final String wire;

    StorageType(String wire) {
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
    public static java.util.Optional<StorageType> fromWire(String wire) {
        for (StorageType v : values()) {
            if (v.wire.equals(wire)) {
                return java.util.Optional.of(v);
            }
        }
        return java.util.Optional.empty();
    }
}
