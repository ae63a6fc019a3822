package io.nats4j.transport.tcp;

import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.protocol.spi.TransportOptions;
import io.nats4j.testing.transport.TransportTestSupport;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.transport.AbstractTransportSuite;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.TestCertificates;
import java.io.IOException;
import java.time.Duration;

/**
 * The transport suite over TLS: {@code tls://} to a TLS-required server, upgraded after INFO; the
 * fake-server cases use TLS handshake-first.
 */
class TlsTcpTransportTest extends AbstractTransportSuite {

    private final TcpTransportProvider provider = new TcpTransportProvider();
    private TestCertificates certs;

    @Override
    protected NatsServer startServer() {
        if (certs == null) {
            certs = TestCertificates.generate();
        }
        return NatsServer.start(NatsServerConfig.builder().tls(certs).build());
    }

    @Override
    protected Transport open(NatsServer server) throws IOException {
        return provider.open(NatsUri.parse(server.tlsUrl()), TransportTestSupport.tls(certs.clientContext()));
    }

    @Override
    protected void afterInfo(Transport transport) throws IOException {
        transport.upgradeToTls();
    }

    @Override
    protected boolean secure() {
        return true;
    }

    @Override
    protected FakeServer startFake(FakeServer.Script script) {
        return FakeServer.startTls(certs.serverContext(), script);
    }

    @Override
    protected Transport openFake(FakeServer fake, Duration writeTimeout, boolean smallBuffers) throws IOException {
        TransportOptions o = TransportTestSupport.handshakeFirst(TransportTestSupport.extensions(
                TransportTestSupport.tls(certs.clientContext()), PlainTcpTransportTest.socketOptions(smallBuffers)));
        return provider.open(NatsUri.parse(fake.url()), TransportTestSupport.withTimeouts(o,
                Duration.ofSeconds(5), writeTimeout));
    }
}
