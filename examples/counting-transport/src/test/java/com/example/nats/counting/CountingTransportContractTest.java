package com.example.nats.counting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.transport.AbstractTransportSuite;
import io.nats4j.testing.transport.TransportTestSupport;
import io.nats4j.transport.tcp.TcpOptions;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;

/**
 * The transport contract suite of {@code nats-testing}, run for {@code counting://} as a third party
 * would run it for its own transport: connect and talk, reads of any size, big gathering writes,
 * concurrent reader and writer, close unblocking a read, the peer going away, a reset, the write
 * deadline.
 */
class CountingTransportContractTest extends AbstractTransportSuite {

    private final CountingTransportProvider provider = new CountingTransportProvider();
    private final ByteCounter counter = new ByteCounter();

    private static NatsUri counting(String natsUrl) {
        NatsUri tcp = NatsUri.parse(natsUrl);
        return NatsUri.parse(CountingTransportProvider.SCHEME + "://" + tcp.hostForUrl() + ":" + tcp.port());
    }

    @Override
    protected NatsServer startServer() {
        return NatsServer.start();
    }

    @Override
    protected Transport open(NatsServer server) throws IOException {
        return provider.open(counting(server.url()), TransportTestSupport.plain(counter));
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
        // the TCP options reach the wrapped transport untouched: small socket buffers when the suite fills the socket
        TcpOptions tcp = smallBuffers
                ? TcpOptions.defaults().withSendBufferSize(16 * 1024).withReceiveBufferSize(16 * 1024)
                : TcpOptions.defaults();
        return provider.open(counting(fake.url()), TransportTestSupport.withTimeouts(
                TransportTestSupport.plain(counter, tcp), Duration.ofSeconds(5), writeTimeout));
    }

    @AfterAll
    void everyByteOfTheSuiteWasCounted() {
        assertTrue(counter.transportsOpened() > 5 && counter.bytesWritten() > 1024 * 1024 && counter.bytesRead() > 0,
                counter.toString());
    }
}
