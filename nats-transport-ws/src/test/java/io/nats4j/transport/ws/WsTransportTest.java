package io.nats4j.transport.ws;

import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.transport.AbstractTransportSuite;
import io.nats4j.testing.transport.TransportTestSupport;
import java.io.IOException;
import java.time.Duration;

/** The transport contract suite over plain WebSocket ({@code ws://}). */
class WsTransportTest extends AbstractTransportSuite {

    private final WsTransportProvider provider = new WsTransportProvider();

    @Override
    protected NatsServer startServer() {
        return NatsServer.start(NatsServerConfig.builder().websocket(false).build());
    }

    @Override
    protected Transport open(NatsServer server) throws IOException {
        return provider.open(NatsUri.parse(server.wsUrl()), TransportTestSupport.plain());
    }

    @Override
    protected int port(NatsServer server) {
        return server.wsPort();
    }

    @Override
    protected boolean secure() {
        return false;
    }

    @Override
    protected FakeServer startFake(FakeServer.Script script) {
        return FakeServer.startWebSocket(script);
    }

    @Override
    protected Transport openFake(FakeServer fake, Duration writeTimeout, boolean smallBuffers) throws IOException {
        return provider.open(NatsUri.parse(fake.url()), TransportTestSupport.withTimeouts(
                TransportTestSupport.plain(), Duration.ofSeconds(5), writeTimeout));
    }
}
