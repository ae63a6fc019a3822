package io.nats4j.transport.tcp;

import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.testing.transport.TransportTestSupport;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.transport.AbstractTransportSuite;
import java.io.IOException;
import java.time.Duration;

/** The transport contract suite over plain TCP ({@code nats://}). */
class PlainTcpTransportTest extends AbstractTransportSuite {

    private final TcpTransportProvider provider = new TcpTransportProvider();

    @Override
    protected NatsServer startServer() {
        return NatsServer.start();
    }

    @Override
    protected Transport open(NatsServer server) throws IOException {
        return provider.open(NatsUri.parse(server.url()), TransportTestSupport.plain());
    }

    @Override
    protected boolean secure() {
        return false;
    }

    @Override
    protected FakeServer startFake(FakeServer.Script script) {
        return FakeServer.start(script);
    }

    @Override
    protected Transport openFake(FakeServer fake, Duration writeTimeout, boolean smallBuffers) throws IOException {
        return provider.open(NatsUri.parse(fake.url()), TransportTestSupport.withTimeouts(
                TransportTestSupport.plain(socketOptions(smallBuffers)), Duration.ofSeconds(5), writeTimeout));
    }

    /** 16 KiB socket buffers when the suite is about to fill the socket, else the defaults. */
    static TcpOptions socketOptions(boolean smallBuffers) {
        return smallBuffers
                ? TcpOptions.defaults().withSendBufferSize(16 * 1024).withReceiveBufferSize(16 * 1024)
                : TcpOptions.defaults();
    }
}
