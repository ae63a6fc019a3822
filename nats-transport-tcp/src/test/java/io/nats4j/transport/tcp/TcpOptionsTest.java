package io.nats4j.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsIllegalArgumentException;
import org.junit.jupiter.api.Test;

class TcpOptionsTest {

    @Test
    void defaults() {
        TcpOptions d = TcpOptions.defaults();
        assertEquals(0, d.sendBufferSize());
        assertEquals(0, d.receiveBufferSize());
        assertTrue(d.tcpNoDelay());
        assertEquals(false, d.keepAlive());
    }

    @Test
    void withersChangeOneField() {
        TcpOptions o = TcpOptions.defaults().withSendBufferSize(1 << 20).withReceiveBufferSize(1 << 19)
                .withTcpNoDelay(false).withKeepAlive(true);
        assertEquals(new TcpOptions(1 << 20, 1 << 19, false, true), o);
    }

    @Test
    void negativeSizesRejectedWithTheirName() {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                () -> TcpOptions.defaults().withSendBufferSize(-1));
        assertTrue(e.getMessage().contains("sendBufferSize"), e.getMessage());
        e = assertThrows(NatsIllegalArgumentException.class, () -> TcpOptions.defaults().withReceiveBufferSize(-5));
        assertTrue(e.getMessage().contains("receiveBufferSize"), e.getMessage());
    }
}
