package io.nats4j.protocol.internal;

import io.nats4j.protocol.NatsIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EncoderTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs the encoder on a heap buffer, a heap slice with an array offset, and a direct buffer. */
    static void assertEncodes(String expected, Consumer<ByteBuffer> encode) {
        byte[] want = utf8(expected);

        ByteBuffer heap = ByteBuffer.allocate(want.length + 200);
        heap.position(3);
        encode.accept(heap);
        assertEquals(3 + want.length, heap.position());
        assertEquals(expected, new String(heap.array(), 3, want.length, StandardCharsets.UTF_8));

        ByteBuffer slice = ByteBuffer.allocate(want.length + 300).position(50).slice();
        encode.accept(slice);
        assertEquals(want.length, slice.position());
        assertEquals(expected, new String(slice.array(), slice.arrayOffset(), want.length, StandardCharsets.UTF_8));

        ByteBuffer direct = ByteBuffer.allocateDirect(want.length + 200);
        direct.position(5);
        encode.accept(direct);
        assertEquals(5 + want.length, direct.position());
        byte[] got = new byte[want.length];
        direct.get(5, got);
        assertEquals(expected, new String(got, StandardCharsets.UTF_8));
    }

    @Test
    void pub() {
        byte[] data = utf8("xxhelloxx");
        assertEncodes("PUB foo.bar 5\r\nhello\r\n", b -> Encoder.pub(b, "foo.bar", null, data, 2, 5));
        assertEncodes("PUB foo _INBOX.abc.1 5\r\nhello\r\n", b -> Encoder.pub(b, "foo", "_INBOX.abc.1", data, 2, 5));
        assertEncodes("PUB foo 0\r\n\r\n", b -> Encoder.pub(b, "foo", null, data, 0, 0));
        assertEncodes("PUB ünï.çødé.😀 rép 1\r\nx\r\n", b -> Encoder.pub(b, "ünï.çødé.😀", "rép", utf8("x"), 0, 1));
        assertEncodes("PUB a*b.c> 1\r\nx\r\n", b -> Encoder.pub(b, "a*b.c>", null, utf8("x"), 0, 1));
        byte[] big = new byte[1_234_567];
        ByteBuffer b = ByteBuffer.allocate(Encoder.pubCapacity("s", null, big.length));
        Encoder.pub(b, "s", null, big, 0, big.length);
        assertEquals("PUB s 1234567\r\n".length() + big.length + 2, b.position());
    }

    @Test
    void hpub() {
        byte[] headers = utf8("NATS/1.0\r\nA: b\r\n\r\n");
        assertEncodes("HPUB foo 18 23\r\nNATS/1.0\r\nA: b\r\n\r\nhello\r\n",
                b -> Encoder.hpub(b, "foo", null, headers, utf8("hello"), 0, 5));
        assertEncodes("HPUB foo r.1 18 18\r\nNATS/1.0\r\nA: b\r\n\r\n\r\n",
                b -> Encoder.hpub(b, "foo", "r.1", headers, new byte[0], 0, 0));
    }

    @Test
    void subUnsubPingPong() {
        assertEncodes("SUB foo.* 1\r\n", b -> Encoder.sub(b, "foo.*", null, 1));
        assertEncodes("SUB foo.> workers 9223372036854775807\r\n", b -> Encoder.sub(b, "foo.>", "workers", Long.MAX_VALUE));
        assertEncodes("SUB * q.ü 0\r\n", b -> Encoder.sub(b, "*", "q.ü", 0));
        assertEncodes("UNSUB 17\r\n", b -> Encoder.unsub(b, 17, 0));
        assertEncodes("UNSUB 17\r\n", b -> Encoder.unsub(b, 17, -3));
        assertEncodes("UNSUB 17 100\r\n", b -> Encoder.unsub(b, 17, 100));
        assertEncodes("PING\r\n", Encoder::ping);
        assertEncodes("PONG\r\n", Encoder::pong);
    }

    @Test
    void numbersAtEveryDigitCount() {
        long power = 1;
        for (int digits = 1; digits <= 19; digits++) {
            long low = power;
            long high = digits == 19 ? Long.MAX_VALUE : power * 10 - 1;
            assertEncodes("UNSUB " + low + " " + high + "\r\n", b -> Encoder.unsub(b, low, high));
            assertEncodes("UNSUB " + high + "\r\n", b -> Encoder.unsub(b, high, 0));
            power = digits == 19 ? power : power * 10;
        }
        assertEncodes("UNSUB 0 9\r\n", b -> Encoder.unsub(b, 0, 9));
    }

    @Test
    void capacityIsAnUpperBound() {
        String subject = "😀".repeat(50) + ".ü";
        String reply = "é".repeat(30);
        int cap = Encoder.pubCapacity(subject, reply, 10);
        ByteBuffer b = ByteBuffer.allocate(cap);
        Encoder.pub(b, subject, reply, new byte[10], 0, 10);
        assertTrue(b.position() <= cap);
        int hcap = Encoder.hpubCapacity(subject, reply, 12, 10);
        ByteBuffer h = ByteBuffer.allocate(hcap);
        Encoder.hpub(h, subject, reply, new byte[12], new byte[10], 0, 10);
        assertTrue(h.position() <= hcap);
    }

    @Test
    void tooSmallBufferThrowsWithoutWriting() {
        ByteBuffer b = ByteBuffer.allocate(10);
        assertThrows(BufferOverflowException.class, () -> Encoder.pub(b, "foo", null, new byte[5], 0, 5));
        assertThrows(BufferOverflowException.class, () -> Encoder.sub(b, "foo", null, 1));
        assertEquals(0, b.position());
        assertThrows(IndexOutOfBoundsException.class,
                () -> Encoder.pub(ByteBuffer.allocate(100), "foo", null, new byte[5], 3, 5));
    }

    static Stream<Arguments> invalidPublish() {
        return Stream.of(
                Arguments.of("", "subject must not be empty"),
                Arguments.of("foo..bar", "empty token"),
                Arguments.of(".foo", "empty token"),
                Arguments.of("foo.", "empty token"),
                Arguments.of(".", "empty token"),
                Arguments.of("foo bar", "whitespace"),
                Arguments.of("foo\tbar", "whitespace"),
                Arguments.of("foo\r\nPUB x", "whitespace"),
                Arguments.of("foo\u0000", "control"),
                Arguments.of("foo\u00a0bar", "whitespace"),
                Arguments.of("foo.*", "wildcard"),
                Arguments.of(">", "wildcard"),
                Arguments.of("a.*.b", "wildcard"),
                Arguments.of("a\ud800b", "unpaired surrogate"));
    }

    @ParameterizedTest
    @MethodSource("invalidPublish")
    void invalidSubjectsLeaveTheBufferUntouched(String subject, String problem) {
        for (ByteBuffer b : new ByteBuffer[] {ByteBuffer.allocate(256), ByteBuffer.allocateDirect(256)}) {
            b.position(7);
            NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                    () -> Encoder.pub(b, subject, null, new byte[3], 0, 3));
            assertTrue(e.getMessage().contains(problem), e.getMessage());
            assertTrue(e.getMessage().contains("subject"), e.getMessage());
            assertEquals(7, b.position());
            NatsIllegalArgumentException r = assertThrows(NatsIllegalArgumentException.class,
                    () -> Encoder.pub(b, "ok", subject, new byte[3], 0, 3));
            assertTrue(r.getMessage().contains("reply subject"), r.getMessage());
            assertThrows(NatsIllegalArgumentException.class,
                    () -> Encoder.hpub(b, subject, null, new byte[12], new byte[3], 0, 3));
            assertEquals(7, b.position());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a..b", "a.>.b", ">.a", "a b", "a.\n"})
    void invalidSubscribeSubjects(String subject) {
        ByteBuffer b = ByteBuffer.allocate(256);
        assertThrows(NatsIllegalArgumentException.class, () -> Encoder.sub(b, subject, null, 1));
        assertEquals(0, b.position());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "q\t", "\r\n"})
    void invalidQueues(String queue) {
        ByteBuffer b = ByteBuffer.allocate(256);
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                () -> Encoder.sub(b, "foo", queue, 1));
        assertTrue(e.getMessage().contains("queue group"), e.getMessage());
        assertEquals(0, b.position());
    }

    @Test
    void negativeSidRejected() {
        assertThrows(NatsIllegalArgumentException.class, () -> Encoder.sub(ByteBuffer.allocate(64), "a", null, -1));
        assertThrows(NatsIllegalArgumentException.class, () -> Encoder.unsub(ByteBuffer.allocate(64), -1, 0));
    }

    @Test
    void pubFrameIsWhatTheParserReadsBackAsMsg() {
        // PUB and MSG share the layout after the op name: swap the op and parse.
        ByteBuffer b = ByteBuffer.allocate(256);
        Encoder.pub(b, "a.b", "r", utf8("payload"), 0, 7);
        String pub = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
        String asMsg = "MSG a.b 1 " + pub.substring("PUB a.b ".length());
        RecordingSink sink = new RecordingSink();
        new Parser(sink).parse(ByteBuffer.wrap(utf8(asMsg)));
        assertEquals("MSG a.b 1 reply=r data=payload", sink.events.get(0));
    }
}
