/** Benchmarks (JMH and end-to-end against jnats) and the demo. */
module io.nats4j.bench {
    requires io.nats4j.client;
    requires io.nats4j.transport.ws; // WsBench passes WsOptions
    requires io.nats4j.testing;
    requires static io.nats.jnats; // the race, --client jnats and KvBench drive it; optional at run time (automatic module)
    requires info.picocli; // the command line
    requires HdrHistogram; // latency histograms (automatic module)
    requires java.management; // the race worker records the GC in use
    requires jmh.core; // JMH benchmarks in io.nats4j.bench.jmh (automatic module)

    requires io.nats4j.jetstream; // KvBench and the js / kv subcommands

    exports io.nats4j.bench.cli; // the tool's entry point
    exports io.nats4j.bench.jmh; // JMH instantiates the benchmark classes
    exports io.nats4j.bench.race; // the race's worker main runs in fresh JVMs
    opens io.nats4j.bench.cli to info.picocli; // picocli fills annotated option fields reflectively

    uses io.nats4j.protocol.spi.TransportProvider; // the race looks for a ws:// transport
}
