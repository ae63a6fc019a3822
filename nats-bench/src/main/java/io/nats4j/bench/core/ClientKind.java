package io.nats4j.bench.core;

import java.util.Locale;

/** The Java clients a benchmark can drive. */
public enum ClientKind {
    /** This SDK. */
    NATS4J,
    /** io.nats:jnats, the reference Java client. */
    JNATS;

    /**
     * Connects one client.
     *
     * @param spec where and how
     * @param name the connection name the server sees
     * @return the connected client
     * @throws BenchException with a one-line reason when the connect fails
     */
    public BenchClient connect(ConnectSpec spec, String name) {
        if (this == NATS4J) {
            return Nats4jBenchClient.connect(spec, name);
        }
        try {
            return JnatsBenchClient.connect(spec, name);
        } catch (NoClassDefFoundError e) {
            throw new BenchException("--client jnats needs io.nats:jnats on the class path (the nats-bench jar has it)", e);
        }
    }

    /**
     * Returns the lower-case name used on command lines and in reports.
     *
     * @return {@code nats4j} or {@code jnats}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
