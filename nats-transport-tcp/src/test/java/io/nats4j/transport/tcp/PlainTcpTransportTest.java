package io.nats4j.transport.tcp;

import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.NatsServer;
import java.io.IOException;
import java.time.Duration;

/** The transport suite over plain TCP ({@code nats://}). */
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
    protected Transport openFake(FakeServer fake, TcpOptions tcp, Duration writeTimeout) throws IOException {
        return provider.open(NatsUri.parse(fake.url()), TransportTestSupport.withTimeouts(
                TransportTestSupport.plain(tcp), Duration.ofSeconds(5), writeTimeout));
    }
}
