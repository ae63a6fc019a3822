/**
 * An example third-party transport: {@code counting://host:port} is plain NATS over TCP with every
 * byte read and written counted, for an application that wants to see its wire traffic.
 *
 * <p>Registered only here, with {@code provides}: on the module path the client finds it through
 * {@link java.util.ServiceLoader} (there is deliberately no {@code META-INF/services} entry, so on
 * the class path it is not found).
 */
module com.example.nats.counting {
    requires transitive io.nats4j.protocol; // the SPI types appear in our signatures
    requires io.nats4j.transport.tcp;       // the wrapped transport: its provider is exported API
    exports com.example.nats.counting;
    provides io.nats4j.protocol.spi.TransportProvider
        with com.example.nats.counting.CountingTransportProvider;
}
