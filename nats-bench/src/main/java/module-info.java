/** Benchmarks (JMH and end-to-end against jnats) and the demo. */
module io.nats4j.bench {
    requires io.nats4j.client;
    requires io.nats4j.testing;
    requires jmh.core; // JMH benchmarks in io.nats4j.bench.jmh (automatic module)

    requires io.nats4j.jetstream; // KvBench: the kv and os packages
    requires static io.nats.jnats; // KvBench runs jnats beside nats4j (automatic module)

    exports io.nats4j.bench.jmh; // JMH instantiates the benchmark classes
}
