/**
 * The NATS wire codec and the SPIs every other nats4j module builds on. The codec has no threads
 * and no sockets; the socket and TLS plumbing shared by the two transport modules lives in
 * qualified-export packages that only those modules can read.
 */
@SuppressWarnings("module") // qualified exports name sibling modules that are compiled after this one
module io.nats4j.protocol {
    requires com.fasterxml.jackson.core; // INFO/CONNECT JSON, streaming only

    exports io.nats4j.protocol;
    exports io.nats4j.protocol.spi;
    exports io.nats4j.protocol.internal.net to io.nats4j.transport.tcp, io.nats4j.transport.ws; // sockets
    exports io.nats4j.protocol.internal.tls to io.nats4j.transport.tcp, io.nats4j.transport.ws; // SSLEngine
    exports io.nats4j.protocol.internal to io.nats4j.client, io.nats4j.transport.tcp, io.nats4j.bench; // codec: not API
}
