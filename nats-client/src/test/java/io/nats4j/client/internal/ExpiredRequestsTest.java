package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nats4j.protocol.internal.Encoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The frame walker that drops abandoned requests from the reconnect buffer (issue 11.9). */
class ExpiredRequestsTest {

    private static final byte[] HEADERS = "NATS/1.0\r\nk: v\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static String compact(ByteBuffer buf) {
        int n = ExpiredRequests.compact(buf.array(), buf.position(), reply -> reply.startsWith("_INBOX.x.dead"));
        return new String(Arrays.copyOf(buf.array(), n), StandardCharsets.UTF_8);
    }

    @Test
    void dropsPublishesToAbandonedInboxesAndControlFramesAndKeepsTheOrder() {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        // payloads that look like frames must be skipped by their declared length
        Encoder.pub(buf, "a", null, bytes("PUB x _INBOX.x.dead1 1\r\n"), 0, 24);
        Encoder.pub(buf, "svc", "_INBOX.x.dead1", bytes("late\nrequest"), 0, 12);
        Encoder.ping(buf);
        Encoder.hpub(buf, "svc", "_INBOX.x.dead2", HEADERS, bytes("h"), 0, 1);
        Encoder.hpub(buf, "svc", "_INBOX.x.live3", HEADERS, bytes("h"), 0, 1);
        Encoder.unsub(buf, 7, 0);
        Encoder.pub(buf, "svc", "_INBOX.x.live4", new byte[0], 0, 0);
        Encoder.hpub(buf, "b", null, HEADERS, new byte[0], 0, 0);
        assertEquals("PUB a 24\r\nPUB x _INBOX.x.dead1 1\r\n\r\n"
                + "PING\r\n"
                + "HPUB svc _INBOX.x.live3 " + HEADERS.length + " " + (HEADERS.length + 1) + "\r\n"
                + new String(HEADERS, StandardCharsets.US_ASCII) + "h\r\n"
                // the lost session's UNSUB is dropped: the resubscribe ahead of these frames is authoritative
                + "PUB svc _INBOX.x.live4 0\r\n\r\n"
                + "HPUB b " + HEADERS.length + " " + HEADERS.length + "\r\n" + new String(HEADERS, StandardCharsets.US_ASCII)
                + "\r\n", compact(buf));
    }

    @Test
    void somethingUnexpectedKeepsTheRestAsItIs() {
        ByteBuffer buf = ByteBuffer.allocate(256);
        Encoder.pub(buf, "svc", "_INBOX.x.dead1", bytes("x"), 0, 1);
        buf.put(bytes("PUB svc _INBOX.x.dead2 99\r\nshort"));
        assertEquals("PUB svc _INBOX.x.dead2 99\r\nshort", compact(buf));
        assertEquals(0, ExpiredRequests.compact(new byte[0], 0, r -> true));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
