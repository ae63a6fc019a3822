package io.nats4j.transport.ws;

import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.TestCertificates;
import io.nats4j.testing.transport.AbstractTransportSuite;
import io.nats4j.testing.transport.TransportTestSupport;
import java.io.IOException;
import java.time.Duration;

/** The transport contract suite over WebSocket behind TLS ({@code wss://}), hostname verification on. */
class WssTransportTest extends AbstractTransportSuite {

    private final WsTransportProvider provider = new WsTransportProvider();
    private TestCertificates certs;

    @Override
    protected NatsServer startServer() {
        if (certs == null) {
            certs = TestCertificates.generate();
        }
        return NatsServer.start(NatsServerConfig.builder().tls(certs).websocket(true).build());
    }

    @Override
    protected Transport open(NatsServer server) throws IOException {
        return provider.open(NatsUri.parse(server.wsUrl()), TransportTestSupport.tls(certs.clientContext()));
    }

    @Override
    protected int port(NatsServer server) {
        return server.wsPort();
    }

    @Override
    protected boolean secure() {
        return true;
    }

    @Override
    protected FakeServer startFake(FakeServer.Script script) {
        return FakeServer.startWebSocketTls(certs.serverContext(), script);
    }

    @Override
    protected Transport openFake(FakeServer fake, Duration writeTimeout, boolean smallBuffers) throws IOException {
        return provider.open(NatsUri.parse(fake.url()), TransportTestSupport.withTimeouts(
                TransportTestSupport.tls(certs.clientContext()), Duration.ofSeconds(5), writeTimeout));
    }
}
