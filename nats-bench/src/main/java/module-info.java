/** nats-bench: the benchmark tool (pub/sub/request/reply against any deployment), the race against jnats and libnats, JMH, and the demo. */
module io.nats4j.bench {
    requires io.nats4j.client;
    requires io.nats4j.testing;
    requires io.nats.jnats; // the reference client the race and --client jnats drive (automatic module)
    requires info.picocli; // the command line
    requires HdrHistogram; // latency histograms (automatic module)
    requires jmh.core; // JMH benchmarks in io.nats4j.bench.jmh (automatic module)

    exports io.nats4j.bench.cli; // the tool's entry point
    exports io.nats4j.bench.jmh; // JMH instantiates the benchmark classes
    opens io.nats4j.bench.cli to info.picocli; // picocli fills annotated option fields reflectively
}
