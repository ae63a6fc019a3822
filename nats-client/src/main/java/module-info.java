/**
 * The NATS client: connections, subscriptions, request/reply.
 *
 * <p>Start at {@link io.nats4j.client.Nats}. The client has no compile dependency on any transport
 * or on {@code nats-auth}: it finds them with {@link java.util.ServiceLoader} ({@code uses} below),
 * so an application picks them by putting modules on its path, and a missing one is an error
 * naming the artifact to add.
 */
module io.nats4j.client {
    requires transitive io.nats4j.protocol; // exceptions and ServerInfo appear in our API
    requires jdk.jfr; // Flight Recorder events; not static, so jcmd JFR.start sees them on the module path too

    exports io.nats4j.client;

    uses io.nats4j.protocol.spi.TransportProvider;
    uses io.nats4j.protocol.spi.AuthProvider;
}
