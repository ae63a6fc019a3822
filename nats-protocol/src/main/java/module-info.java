/**
 * The NATS wire codec and the SPIs every other nats4j module builds on. No threads, no sockets.
 */
module io.nats4j.protocol {
    requires com.fasterxml.jackson.core; // INFO/CONNECT JSON, streaming only

    exports io.nats4j.protocol;
    exports io.nats4j.protocol.spi;
}
