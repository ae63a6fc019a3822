package io.nats4j.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.testing.transport.TransportTestSupport;
import io.nats4j.testing.NatsServer;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A host that resolves to several addresses: the first refuses, the second is the server. */
class MultiAddressTest {

    @Test
    void triesEveryAddressOfTheHost() throws Exception {
        InetAddress[] all = InetAddress.getAllByName("multi.nats4j.test");
        assertArrayEquals(new InetAddress[] {InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1")}, all,
                "the test hosts file is in force");
        try (NatsServer server = NatsServer.start()) {
            TcpTransportProvider provider = new TcpTransportProvider();
            try (Transport t = provider.open(NatsUri.parse("nats://multi.nats4j.test:" + server.port()),
                    TransportTestSupport.plain())) {
                assertEquals("127.0.0.1", t.remoteAddress().getAddress().getHostAddress());
                ByteBuffer buf = ByteBuffer.allocate(4096);
                int n = t.read(buf);
                assertTrue(n > 0);
                assertTrue(new String(buf.array(), 0, n, StandardCharsets.US_ASCII).startsWith("INFO "));
            }
        }
    }
}
