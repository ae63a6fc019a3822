package io.nats4j.protocol.internal;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsProtocolException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadersCodecTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static HeadersCodec.Decoded decode(String block) {
        byte[] b = utf8("xx" + block + "yy");
        return HeadersCodec.decode(b, 2, b.length - 4);
    }

    @Test
    void encodeIsByteExactAndKeepsOrderAndRepeats() {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("Zeta", List.of("1"));
        h.put("alpha", List.of("a b  c", "second"));
        h.put("Alpha", List.of("caps"));
        h.put("Empty", List.of(""));
        h.put("Nothing", List.of());
        assertEquals("NATS/1.0\r\nZeta: 1\r\nalpha: a b  c\r\nalpha: second\r\nAlpha: caps\r\nEmpty: \r\n\r\n",
                new String(HeadersCodec.encode(h), StandardCharsets.UTF_8));
        assertEquals("NATS/1.0\r\n\r\n", new String(HeadersCodec.encode(Map.of()), StandardCharsets.UTF_8));
    }

    @Test
    void roundTrip() {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("Nats-Msg-Id", List.of("abc-123"));
        h.put("x", List.of("one", "two", "three"));
        h.put("X", List.of("upper"));
        h.put("utf8", List.of("ünï çødé 😀"));
        h.put("spaces", List.of("  inner  spaces  "));
        byte[] block = HeadersCodec.encode(h);
        HeadersCodec.Decoded d = HeadersCodec.decode(block, 0, block.length);
        assertEquals(0, d.status());
        assertEquals("", d.description());
        Map<String, List<String>> expected = new LinkedHashMap<>(h);
        expected.put("spaces", List.of("inner  spaces  ")); // blanks after ':' are not part of the value
        assertEquals(expected, d.headers());
        assertEquals(List.copyOf(h.keySet()), List.copyOf(d.headers().keySet()), "wire order");
        assertInstanceOf(LinkedHashMap.class, d.headers());
    }

    @Test
    void statusLines() {
        HeadersCodec.Decoded noResponders = decode("NATS/1.0 503\r\n\r\n");
        assertEquals(503, noResponders.status());
        assertEquals("", noResponders.description());
        assertTrue(noResponders.headers().isEmpty());

        HeadersCodec.Decoded described = decode("NATS/1.0 503 No Responders\r\n\r\n");
        assertEquals(503, described.status());
        assertEquals("No Responders", described.description());

        HeadersCodec.Decoded heartbeat = decode(
                "NATS/1.0 100 Idle Heartbeat\r\nNats-Last-Consumer: 5\r\nNats-Last-Stream: 7\r\n\r\n");
        assertEquals(100, heartbeat.status());
        assertEquals("Idle Heartbeat", heartbeat.description());
        assertEquals(List.of("5"), heartbeat.headers().get("Nats-Last-Consumer"));
        assertEquals(List.of("7"), heartbeat.headers().get("Nats-Last-Stream"));

        HeadersCodec.Decoded timeout = decode("NATS/1.0 408 Request Timeout\r\n\r\n");
        assertEquals(408, timeout.status());
    }

    @Test
    void valueWhitespace() {
        HeadersCodec.Decoded d = decode("NATS/1.0\r\nA:no-space\r\nB: \t lead\r\nC:\r\nD: x: y\r\n\r\n");
        assertEquals(List.of("no-space"), d.headers().get("A"));
        assertEquals(List.of("lead"), d.headers().get("B"));
        assertEquals(List.of(""), d.headers().get("C"));
        assertEquals(List.of("x: y"), d.headers().get("D"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NATS", "NATS/1.1\r\n\r\n", "HTTP/1.0\r\n\r\n", "NATS/1.0", "NATS/1.0\r\n",
        "NATS/1.0\r\nA: b\r\n", "NATS/1.0\r\nno colon\r\n\r\n", "NATS/1.0\r\n: empty name\r\n\r\n",
        "NATS/1.0 abc\r\n\r\n", "NATS/1.0 12345678901\r\n\r\n", "NATS/1.0x\r\n\r\n", "NATS/1.0\r\n\r\ntrailing",
        "NATS/1.0\nA: b\n\n"})
    void malformedBlocksAreRejected(String block) {
        NatsProtocolException e = assertThrows(NatsProtocolException.class, () -> decode(block));
        assertTrue(e.getMessage().startsWith("HMSG: malformed header block"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a:b", "a\tb", "ü", "a\u007f", "a\r", " "})
    void invalidNames(String name) {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                () -> HeadersCodec.encode(Map.of(name, List.of("v"))));
        assertTrue(e.getMessage().contains("header name"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\nb", "\r\n", "end\n"})
    void invalidValuesNameTheHeader(String value) {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                () -> HeadersCodec.encode(Map.of("My-Header", List.of("ok", value))));
        assertTrue(e.getMessage().contains("'My-Header'"), e.getMessage());
        assertTrue(e.getMessage().contains("CR or LF"), e.getMessage());
        assertThrows(NatsIllegalArgumentException.class, () -> HeadersCodec.validateValue("My-Header", value));
    }

    @Test
    void validNamesAndValues() {
        HeadersCodec.validateName("Nats-Expected-Last-Subject-Sequence");
        HeadersCodec.validateName("!#$%&'*+-.^_`|~09azAZ");
        HeadersCodec.validateValue("n", "any text, even ünï and\ttabs");
    }

    @Test
    void msgViewDecodesItsHeaders() {
        RecordingSink sink = new RecordingSink() {
            @Override
            public void onMsg(MsgView m) {
                HeadersCodec.Decoded d = m.headers();
                events.add(d.status() + " " + d.headers());
            }
        };
        String block = "NATS/1.0 503\r\nA: 1\r\n\r\n";
        String wire = "HMSG s 1 " + block.length() + " " + block.length() + "\r\n" + block + "\r\nMSG s 1 0\r\n\r\n";
        Parser p = new Parser(new RecordingSink() {
            @Override
            public void onMsg(MsgView m) {
                if (m.headersLength() > 0) {
                    sink.onMsg(m);
                } else {
                    assertThrows(NatsProtocolException.class, m::headers);
                    sink.events.add("plain");
                }
            }
        });
        p.parse(java.nio.ByteBuffer.wrap(utf8(wire)));
        assertEquals(List.of("503 {A=[1]}", "plain"), sink.events);
    }
}
