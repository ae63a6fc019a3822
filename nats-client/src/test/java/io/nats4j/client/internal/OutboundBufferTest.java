package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsConnectionException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class OutboundBufferTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void publishingAllocatesNothingOnceTheBuffersHaveGrown() {
        OutboundBuffer out = new OutboundBuffer(1 << 20, 1_000_000_000L);
        Session s = EngineParts.session();
        out.attach(s, new SubscriptionRegistry(null, out, new Dispatcher(Runnable::run, null),
                new Listeners(null, Thread::new, null, null), new Counters(), () -> false, 0, 0));
        byte[] payload = new byte[16];
        int rounds = 100_000;
        publishAndWrite(out, s, payload, rounds); // warm-up: buffers grow, code is compiled
        long before = THREADS.getCurrentThreadAllocatedBytes();
        publishAndWrite(out, s, payload, rounds);
        long perPublish = (THREADS.getCurrentThreadAllocatedBytes() - before) / rounds;
        assertEquals(0, perPublish, "bytes allocated per publish");
    }

    /** Publishes, and every 100 publishes does what the writer does: take, write (nothing), release. */
    private static void publishAndWrite(OutboundBuffer out, Session s, byte[] payload, int rounds) {
        for (int i = 0; i < rounds; i++) {
            out.publish("bench.subject", null, null, payload);
            if (i % 100 == 99) {
                ByteBuffer b = out.take(s);
                out.release(b);
            }
        }
    }

    @Test
    void whileDisconnectedPublishesStopAtTheReconnectBufferSize() {
        OutboundBuffer out = new OutboundBuffer(100, 1_000_000_000L);
        out.publish("a", null, null, new byte[50]);
        NatsConnectionException e = assertThrows(NatsConnectionException.class,
                () -> out.publish("a", null, null, new byte[50]));
        assertTrue(e.getMessage().contains("reconnect buffer full (100 bytes)"), e.getMessage());
        OutboundBuffer none = new OutboundBuffer(0, 1_000_000_000L);
        assertThrows(NatsConnectionException.class, () -> none.publish("a", null, null, new byte[1]));
        out.close();
        NatsConnectionException closed = assertThrows(NatsConnectionException.class,
                () -> out.publish("a", null, null, new byte[0]));
        assertEquals("connection is closed", closed.getMessage());
    }
}
