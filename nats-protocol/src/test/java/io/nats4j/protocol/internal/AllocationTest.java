package io.nats4j.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Guards the zero-allocation paths (parser view path, {@link Encoder#pub}) against regressions,
 * with the JVM's per-thread allocation counter. JMH ({@code nats-bench}) gives the precise figure.
 */
class AllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocated() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    @Test
    void parsingWholeFramesAllocatesNothing() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            s.append("MSG bench.subject ").append(i).append(" _INBOX.r 16\r\n0123456789abcdef\r\n");
            s.append("HMSG bench.subject ").append(i).append(" 12 28\r\nNATS/1.0\r\n\r\n0123456789abcdef\r\n");
        }
        ByteBuffer buffer = ByteBuffer.wrap(s.toString().getBytes(StandardCharsets.US_ASCII));
        long[] sum = new long[1];
        Parser parser = new Parser(new RecordingSink() {
            @Override
            public void onMsg(MsgView m) {
                sum[0] += m.sid() + m.payloadLength() + m.subjectLength();
            }
        });
        int rounds = 2000;
        for (int i = 0; i < rounds; i++) {
            buffer.clear();
            parser.parse(buffer);
        }
        long before = allocated();
        for (int i = 0; i < rounds; i++) {
            buffer.clear();
            parser.parse(buffer);
        }
        long perMessage = (allocated() - before) / (rounds * 200L);
        assertTrue(perMessage == 0, "bytes allocated per message: " + perMessage);
        assertTrue(sum[0] > 0);
    }

    @Test
    void encodingAPublishAllocatesNothing() {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        byte[] payload = new byte[16];
        int rounds = 200_000;
        for (int i = 0; i < rounds; i++) {
            if (buffer.remaining() < 256) {
                buffer.clear();
            }
            Encoder.pub(buffer, "bench.subject.events", "_INBOX.abc.1", payload, 0, payload.length);
        }
        long before = allocated();
        for (int i = 0; i < rounds; i++) {
            if (buffer.remaining() < 256) {
                buffer.clear();
            }
            Encoder.pub(buffer, "bench.subject.events", "_INBOX.abc.1", payload, 0, payload.length);
        }
        long perPublish = (allocated() - before) / rounds;
        assertTrue(perPublish == 0, "bytes allocated per publish: " + perPublish);
    }
}
