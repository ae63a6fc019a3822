package io.nats4j.protocol.internal;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsProtocolException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParserTest {

    /** One op on the wire and the events it must produce. */
    record Case(String name, byte[] wire, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] msg(String subject, long sid, String reply, String payload) {
        byte[] p = ascii(payload);
        return ascii("MSG " + subject + " " + sid + (reply == null ? "" : " " + reply) + " " + p.length + "\r\n"
                + payload + "\r\n");
    }

    static byte[] hmsg(String subject, long sid, String reply, String headers, String payload) {
        int h = ascii(headers).length;
        int t = h + ascii(payload).length;
        return ascii("HMSG " + subject + " " + sid + (reply == null ? "" : " " + reply) + " " + h + " " + t
                + "\r\n" + headers + payload + "\r\n");
    }

    static String bigInfoJson() {
        StringBuilder b = new StringBuilder("{\"server_id\":\"BIG\",\"connect_urls\":[");
        for (int i = 0; i < 600; i++) {
            b.append(i == 0 ? "" : ",").append("\"10.0.").append(i / 250).append('.').append(i % 250).append(":4222\"");
        }
        return b.append("]}").toString();
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("PING", ascii("PING\r\n"), List.of("PING")));
        c.add(new Case("PONG", ascii("PONG\r\n"), List.of("PONG")));
        c.add(new Case("+OK", ascii("+OK\r\n"), List.of("+OK")));
        c.add(new Case("-ERR", ascii("-ERR 'Authorization Violation'\r\n"), List.of("-ERR Authorization Violation")));
        c.add(new Case("-ERR no quotes", ascii("-ERR  Stale Connection \r\n"), List.of("-ERR Stale Connection")));
        c.add(new Case("INFO", ascii("INFO {\"server_id\":\"NABC\",\"max_payload\":1048576}\r\n"), List.of("INFO NABC")));
        c.add(new Case("MSG", msg("foo.bar", 9, null, "hello"), List.of("MSG foo.bar 9 reply= data=hello")));
        c.add(new Case("MSG reply", msg("foo", 1, "_INBOX.x.y", "abc"), List.of("MSG foo 1 reply=_INBOX.x.y data=abc")));
        c.add(new Case("MSG empty", msg("foo", 12, null, ""), List.of("MSG foo 12 reply= data=")));
        c.add(new Case("MSG payload looks like ops", msg("p", 3, null, "PING\r\nMSG a 1 1\r\nx\r\n\r\n"),
                List.of("MSG p 3 reply= data=PING\r\nMSG a 1 1\r\nx\r\n\r\n")));
        c.add(new Case("MSG max sid", msg("s", Long.MAX_VALUE, null, "x"),
                List.of("MSG s " + Long.MAX_VALUE + " reply= data=x")));
        c.add(new Case("MSG utf8 subject", msg("ünï.çødé", 1, "rép", "x"), List.of("MSG ünï.çødé 1 reply=rép data=x")));
        c.add(new Case("MSG tabs and spaces", ascii("MSG\tfoo  \t5   _R  2 \r\nhi\r\n"),
                List.of("MSG foo 5 reply=_R data=hi")));
        c.add(new Case("msg lower case", ascii("msg a 2 2\r\nhi\r\n"), List.of("MSG a 2 reply= data=hi")));
        c.add(new Case("Msg mixed case", ascii("Msg a 2 2\r\nhi\r\n"), List.of("MSG a 2 reply= data=hi")));
        c.add(new Case("lower case ping pong ok err info", ascii("ping\r\nPong\r\n+ok\r\n-err 'x'\r\ninfo {\"server_id\":\"i\"}\r\n"),
                List.of("PING", "PONG", "+OK", "-ERR x", "INFO i")));
        c.add(new Case("bare LF control lines", ascii("PING\nMSG a 1 1\nx\r\n"), List.of("PING", "MSG a 1 reply= data=x")));
        c.add(new Case("HMSG", hmsg("foo", 7, null, "NATS/1.0\r\n\r\n", "hello"),
                List.of("MSG foo 7 reply= hdr=NATS/1.0\r\n\r\n data=hello")));
        c.add(new Case("HMSG reply", hmsg("foo", 7, "bar", "NATS/1.0\r\nA: b\r\nA: c\r\n\r\n", "x"),
                List.of("MSG foo 7 reply=bar hdr=NATS/1.0\r\nA: b\r\nA: c\r\n\r\n data=x")));
        c.add(new Case("HMSG status only", hmsg("_INBOX.a", 1, null, "NATS/1.0 503\r\n\r\n", ""),
                List.of("MSG _INBOX.a 1 reply= hdr=NATS/1.0 503\r\n\r\n data=")));
        c.add(new Case("hmsg lower case", ascii("hMsG a 1 12 13\r\nNATS/1.0\r\n\r\nz\r\n"),
                List.of("MSG a 1 reply= hdr=NATS/1.0\r\n\r\n data=z")));
        c.add(new Case("INFO over the control-line limit", ascii("INFO " + bigInfoJson() + "\r\n"), List.of("INFO BIG")));
        return c;
    }

    static Stream<Case> eachCase() {
        return cases().stream();
    }

    static List<String> parseChunks(byte[] wire, int... cuts) {
        RecordingSink sink = new RecordingSink();
        Parser parser = new Parser(sink);
        int from = 0;
        for (int cut : cuts) {
            feed(parser, wire, from, cut);
            from = cut;
        }
        feed(parser, wire, from, wire.length);
        assertTrue(parser.isIdle(), "parser idle after a whole op");
        return sink.events;
    }

    static void feed(Parser parser, byte[] wire, int from, int to) {
        ByteBuffer b = ByteBuffer.wrap(wire, from, to - from);
        parser.parse(b);
        assertEquals(to, b.position(), "every byte consumed");
    }

    @ParameterizedTest
    @MethodSource("eachCase")
    void opWhole(Case c) {
        assertEquals(c.expected(), parseChunks(c.wire()));
    }

    @ParameterizedTest
    @MethodSource("eachCase")
    void opSplitAtEveryOffset(Case c) {
        int step = c.wire().length > 2000 ? 97 : 1;
        for (int i = 1; i < c.wire().length; i += step) {
            assertEquals(c.expected(), parseChunks(c.wire(), i), "split at " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("eachCase")
    void opByteByByte(Case c) {
        RecordingSink sink = new RecordingSink();
        Parser parser = new Parser(sink);
        byte[] w = c.wire();
        for (int i = 0; i < w.length; i++) {
            assertTrue(sink.events.size() < c.expected().size(), "the last op completes only with the last byte");
            feed(parser, w, i, i + 1);
        }
        assertEquals(c.expected(), sink.events);
        assertTrue(parser.isIdle());
    }

    @ParameterizedTest
    @MethodSource("eachCase")
    void opInsideALargerBufferWithOffsets(Case c) {
        // A slice has a non-zero arrayOffset, and the position starts past some junk we must not read.
        byte[] backing = new byte[c.wire().length + 20];
        Arrays.fill(backing, (byte) 'X');
        System.arraycopy(c.wire(), 0, backing, 13, c.wire().length);
        ByteBuffer slice = ByteBuffer.wrap(backing, 7, backing.length - 7).slice();
        slice.position(6).limit(6 + c.wire().length);
        RecordingSink sink = new RecordingSink();
        Parser parser = new Parser(sink);
        parser.parse(slice);
        assertEquals(c.expected(), sink.events);
        assertEquals(slice.limit(), slice.position());
        assertTrue(parser.isIdle());
    }

    static byte[] allOps(boolean withBigInfo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Case c : cases()) {
            if (withBigInfo || c.wire().length < 2000) {
                out.writeBytes(c.wire());
            }
        }
        return out.toByteArray();
    }

    static List<String> allExpected(boolean withBigInfo) {
        List<String> e = new ArrayList<>();
        for (Case c : cases()) {
            if (withBigInfo || c.wire().length < 2000) {
                e.addAll(c.expected());
            }
        }
        return e;
    }

    @Test
    void manyOpsInOneBufferWholeAndSplitAtEveryOffset() {
        byte[] wire = allOps(false);
        List<String> expected = allExpected(false);
        assertEquals(expected, parseChunks(wire));
        for (int i = 1; i < wire.length; i++) {
            assertEquals(expected, parseChunks(wire, i), "split at " + i);
        }
    }

    @Test
    void manyOpsByteByByteAndInRandomChunks() {
        byte[] wire = allOps(true);
        List<String> expected = allExpected(true);
        RecordingSink sink = new RecordingSink();
        Parser parser = new Parser(sink);
        for (int i = 0; i < wire.length; i++) {
            feed(parser, wire, i, i + 1);
        }
        assertEquals(expected, sink.events);
        assertTrue(parser.isIdle());

        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int[] cuts = random.ints(1 + random.nextInt(20), 1, wire.length).sorted().distinct().toArray();
            assertEquals(expected, parseChunks(wire, cuts), () -> "cuts " + Arrays.toString(cuts));
        }
    }

    @Test
    void reusedParserCarriesNoStateBetweenOps() {
        RecordingSink sink = new RecordingSink();
        Parser parser = new Parser(sink);
        byte[] wire = allOps(false);
        for (int round = 0; round < 3; round++) {
            feed(parser, wire, 0, 7);
            feed(parser, wire, 7, wire.length);
        }
        List<String> once = allExpected(false);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expected.addAll(once);
        }
        assertEquals(expected, sink.events);
        assertTrue(parser.isIdle());
    }

    @Test
    void wholeFrameIsHandedOutInPlaceAndSplitFrameFromScratch() {
        byte[] wire = msg("foo", 1, "bar", "payload");
        RecordingSink sink = new RecordingSink();
        Parser parser = new Parser(sink);
        parser.parse(ByteBuffer.wrap(wire));
        assertSame(wire, sink.lastArray, "zero-copy: the view's array is the read buffer's array");

        byte[] first = Arrays.copyOf(wire, 10);
        byte[] second = Arrays.copyOfRange(wire, 10, wire.length);
        parser.parse(ByteBuffer.wrap(first));
        parser.parse(ByteBuffer.wrap(second));
        assertNotSame(first, sink.lastArray);
        assertNotSame(second, sink.lastArray);
        assertEquals(List.of("MSG foo 1 reply=bar data=payload", "MSG foo 1 reply=bar data=payload"), sink.events);
    }

    @Test
    void viewFieldsForMsgAndHmsg() {
        List<int[]> seen = new ArrayList<>();
        List<Long> sids = new ArrayList<>();
        ParserSink sink = new RecordingSink() {
            @Override
            public void onMsg(MsgView m) {
                sids.add(m.sid());
                seen.add(new int[] {m.subjectOffset(), m.subjectLength(), m.replyOffset(), m.replyLength(),
                    m.headersOffset(), m.headersLength(), m.payloadOffset(), m.payloadLength()});
                assertTrue(m.subjectEquals(ascii("sub")));
                assertFalse(m.subjectEquals(ascii("su")));
                assertEquals(m.headersLength() > 0, m.hasHeaders());
            }
        };
        Parser parser = new Parser(sink);
        byte[] wire = ascii("MSG sub 42 3\r\nabc\r\nHMSG sub 7 rep 12 14\r\nNATS/1.0\r\n\r\nxy\r\n");
        parser.parse(ByteBuffer.wrap(wire));
        assertEquals(List.of(42L, 7L), sids);
        assertArrayEquals(new int[] {4, 3, 4, 0, 14, 0, 14, 3}, seen.get(0));
        assertArrayEquals(new int[] {24, 3, 30, 3, 41, 12, 53, 2}, seen.get(1));
    }

    @Test
    void largeSplitFrameGrowsScratch() {
        char[] big = new char[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (char) ('a' + i % 26);
        }
        String payload = new String(big);
        byte[] wire = msg("big", 5, null, payload);
        RecordingSink sink = new RecordingSink();
        Parser parser = new Parser(sink);
        for (int from = 0; from < wire.length; from += 65_536) {
            feed(parser, wire, from, Math.min(wire.length, from + 65_536));
        }
        assertEquals(List.of("MSG big 5 reply= data=" + payload), sink.events);
        assertTrue(parser.isIdle());
    }

    @Test
    void directAndReadOnlyBuffersWork() {
        byte[] wire = allOps(true);
        ByteBuffer direct = ByteBuffer.allocateDirect(wire.length);
        direct.put(wire).flip();
        RecordingSink sink = new RecordingSink();
        Parser parser = new Parser(sink);
        parser.parse(direct);
        assertEquals(direct.limit(), direct.position());
        parser.parse(ByteBuffer.wrap(wire).asReadOnlyBuffer());
        List<String> expected = new ArrayList<>(allExpected(true));
        expected.addAll(allExpected(true));
        assertEquals(expected, sink.events);
        assertTrue(parser.isIdle());
    }

    @Test
    void partialOpsAreNotIdle() {
        Parser parser = new Parser(new RecordingSink());
        parser.parse(ByteBuffer.wrap(ascii("MS")));
        assertFalse(parser.isIdle());
        parser.parse(ByteBuffer.wrap(ascii("G a 1 3\r\nab")));
        assertFalse(parser.isIdle());
        parser.reset();
        assertTrue(parser.isIdle());
        RecordingSink sink = new RecordingSink();
        Parser p2 = new Parser(sink);
        p2.parse(ByteBuffer.wrap(ascii("MSG a 1 3\r\nab")));
        p2.reset();
        p2.parse(ByteBuffer.wrap(ascii("PING\r\n")));
        assertEquals(List.of("PING"), sink.events);
    }

    @Test
    void sinkExceptionLeavesPositionAfterTheOpAndParserUsable() {
        List<String> pongs = new ArrayList<>();
        ParserSink sink = new RecordingSink() {
            @Override
            public void onPing() {
                throw new IllegalStateException("boom");
            }

            @Override
            public void onPong() {
                pongs.add("PONG");
            }
        };
        Parser parser = new Parser(sink);
        ByteBuffer b = ByteBuffer.wrap(ascii("PING\r\nPONG\r\n"));
        assertThrows(IllegalStateException.class, () -> parser.parse(b));
        assertEquals(6, b.position());
        assertTrue(parser.isIdle());
        parser.parse(b);
        assertEquals(List.of("PONG"), pongs);
    }

    @Test
    void maxPayloadIsEnforcedAndAdjustable() {
        Parser parser = new Parser(new RecordingSink(), 4096, 1024);
        NatsProtocolException e = assertThrows(NatsProtocolException.class,
                () -> parser.parse(ByteBuffer.wrap(ascii("MSG a 1 1025\r\n"))));
        assertTrue(e.getMessage().contains("MSG") && e.getMessage().contains("1024"), e.getMessage());
        parser.maxPayload(2048);
        parser.parse(ByteBuffer.wrap(ascii("MSG a 1 1025\r\n")));
        assertFalse(parser.isIdle());
        parser.reset();
        assertThrows(NatsProtocolException.class,
                () -> parser.parse(ByteBuffer.wrap(ascii("HMSG a 1 10 2049\r\n"))));
    }

    @Test
    void constructorRejectsBadLimits() {
        RecordingSink sink = new RecordingSink();
        assertThrows(NatsIllegalArgumentException.class, () -> new Parser(sink, 8, 100));
        assertThrows(NatsIllegalArgumentException.class, () -> new Parser(sink, 4096, -1));
        assertThrows(NullPointerException.class, () -> new Parser(null));
        assertThrows(NatsIllegalArgumentException.class, () -> new Parser(sink).maxPayload(-1));
    }

    static Stream<Arguments> badInputs() {
        String longSubject = "a".repeat(5000);
        String hugeInfo = "INFO {\"x\":\"" + "y".repeat(Parser.INFO_LIMIT) + "\"}\r\n";
        return Stream.of(
                Arguments.of("FOO\r\n", "unknown protocol operation"),
                Arguments.of("MSGX a 1 1\r\n", "unknown protocol operation"),
                Arguments.of("PINGPONG\r\n", "unknown protocol operation"),
                Arguments.of("HTTP/1.1 400 Bad Request\r\n", "unknown protocol operation"),
                Arguments.of("\u0000\u0001\u0002", "unknown protocol operation"),
                Arguments.of("\r\n", "empty control line"),
                Arguments.of("MSG foo 1 5\r\nhelloXY", "MSG: payload not followed by CRLF"),
                Arguments.of("MSG foo 1 5\r\nhello\n\n", "MSG: payload not followed by CRLF"),
                Arguments.of("HMSG foo 1 12 15\r\nNATS/1.0\r\n\r\nabc\n\r", "HMSG: payload not followed by CRLF"),
                Arguments.of("MSG foo 1 -5\r\n", "MSG: payload size is not a non-negative"),
                Arguments.of("MSG foo 1 abc\r\n", "MSG: payload size is not a non-negative"),
                Arguments.of("MSG foo 1 1x\r\n", "MSG: payload size is not a non-negative"),
                Arguments.of("MSG foo x 1\r\n", "MSG: sid is not"),
                Arguments.of("MSG foo -1 1\r\n", "MSG: sid is not"),
                Arguments.of("MSG foo 99999999999999999999 1\r\n", "MSG: sid overflows"),
                Arguments.of("MSG foo 1 99999999999999999999999999\r\n", "MSG: payload size exceeds the maximum"),
                Arguments.of("MSG foo 1 67108865\r\n", "MSG: payload size exceeds the maximum"),
                Arguments.of("HMSG foo 1 20 10\r\n", "HMSG: header size 20 exceeds total size 10"),
                Arguments.of("HMSG foo 1 x 10\r\n", "HMSG: header size is not"),
                Arguments.of("HMSG foo 1 2 -10\r\n", "HMSG: total size is not"),
                Arguments.of("HMSG foo 1 2 99999999999\r\n", "HMSG: total size exceeds"),
                Arguments.of("MSG foo 1\r\n", "MSG: missing arguments"),
                Arguments.of("MSG\r\n", "MSG: missing arguments"),
                Arguments.of("MSG \r\n", "MSG: missing arguments"),
                Arguments.of("HMSG a 1 2\r\n", "HMSG: missing arguments"),
                Arguments.of("MSG a 1 r 2 3\r\n", "MSG: too many arguments"),
                Arguments.of("HMSG a 1 r 2 3 4\r\n", "HMSG: too many arguments"),
                Arguments.of("PING x\r\n", "PING: unexpected arguments"),
                Arguments.of("PONG 1\r\n", "PONG: unexpected arguments"),
                Arguments.of("+OK ok\r\n", "+OK: unexpected arguments"),
                Arguments.of("INFO\r\n", "INFO: missing JSON"),
                Arguments.of("INFO  \r\n", "INFO: missing JSON"),
                Arguments.of("INFO {bad json}\r\n", "INFO: malformed JSON"),
                Arguments.of("INFO {\"a\":1\r\n", "INFO: malformed JSON"),
                Arguments.of("INFO [1]\r\n", "INFO: JSON is not an object"),
                Arguments.of("INFO {} {}\r\n", "INFO: unexpected data after"),
                Arguments.of("MSG " + longSubject + " 1 1\r\nx\r\n", "MSG: control line longer than 4096"),
                Arguments.of("MSG " + longSubject, "MSG: control line longer than 4096"),
                Arguments.of("PING" + " ".repeat(5000), "PING: control line longer than 4096"),
                Arguments.of(hugeInfo, "INFO: control line longer than " + Parser.INFO_LIMIT));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputWholeThrowsAndParserIsUsableAfter(String wire, String message) {
        RecordingSink sink = new RecordingSink();
        Parser parser = new Parser(sink);
        ByteBuffer b = ByteBuffer.wrap(ascii(wire));
        NatsProtocolException e = assertThrows(NatsProtocolException.class, () -> parser.parse(b));
        assertTrue(e.getMessage().contains(message), () -> "expected '" + message + "' in: " + e.getMessage());
        assertFalse(e.getMessage().contains("hello"), "payload never in the message");
        assertTrue(e.getMessage().length() < 200, "short message");
        assertTrue(parser.isIdle(), "reset after an error");
        assertEquals(b.limit(), b.position());
        parser.parse(ByteBuffer.wrap(ascii("PING\r\n")));
        assertEquals(List.of("PING"), sink.events);
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputInSmallChunksThrowsToo(String wire, String message) {
        RecordingSink sink = new RecordingSink();
        Parser parser = new Parser(sink);
        byte[] w = ascii(wire);
        int chunk = w.length > 100_000 ? 4096 : 1;
        try {
            for (int i = 0; i < w.length; i += chunk) {
                feed(parser, w, i, Math.min(w.length, i + chunk));
            }
            fail("no exception for " + message);
        } catch (NatsProtocolException e) {
            assertTrue(e.getMessage().contains(message), () -> "expected '" + message + "' in: " + e.getMessage());
        }
        parser.reset();
        parser.parse(ByteBuffer.wrap(ascii("PONG\r\n")));
        assertEquals(List.of("PONG"), sink.events);
    }

    @Test
    void garbageIsRejectedBeforeTheEndOfTheLine() {
        Parser parser = new Parser(new RecordingSink());
        assertThrows(NatsProtocolException.class, () -> parser.parse(ByteBuffer.wrap(ascii("HT"))));
        assertThrows(NatsProtocolException.class, () -> parser.parse(ByteBuffer.wrap(ascii("\u0016\u0003\u0001"))));
        parser.parse(ByteBuffer.wrap(ascii("P")));
        assertThrows(NatsProtocolException.class, () -> parser.parse(ByteBuffer.wrap(ascii("X"))));
        assertTrue(parser.isIdle());
    }

    @Test
    void controlLineAtExactlyTheLimitIsAccepted() {
        int max = 64;
        String head = "MSG ";
        String tail = " 1 1";
        String subject = "s".repeat(max - head.length() - tail.length());
        String line = head + subject + tail;
        assertEquals(max, line.length());
        RecordingSink sink = new RecordingSink();
        Parser parser = new Parser(sink, max, 1024);
        byte[] wire = ascii(line + "\r\nx\r\n");
        for (int i = 0; i < wire.length; i++) {
            feed(parser, wire, i, i + 1);
        }
        parser.parse(ByteBuffer.wrap(wire));
        assertEquals(2, sink.events.size());
        assertThrows(NatsProtocolException.class,
                () -> parser.parse(ByteBuffer.wrap(ascii(head + subject + "s" + tail + "\r\nx\r\n"))));
    }
}
