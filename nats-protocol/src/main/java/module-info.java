/**
 * The NATS wire codec and the SPIs every other nats4j module builds on. No threads, no sockets.
 */
@SuppressWarnings("module") // the qualified export names modules built after this one
module io.nats4j.protocol {
    requires com.fasterxml.jackson.core; // INFO/CONNECT JSON, streaming only

    exports io.nats4j.protocol;
    exports io.nats4j.protocol.spi;
    exports io.nats4j.protocol.internal to io.nats4j.client, io.nats4j.transport.tcp, io.nats4j.bench; // codec: not API
}
