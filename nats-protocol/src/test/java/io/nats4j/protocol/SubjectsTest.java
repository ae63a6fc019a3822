package io.nats4j.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"foo", "foo.bar", "a.b.c.d", "_INBOX.abc.123", "a*b", "a>b.c>", "*a", "ünï.çødé", "😀.x",
        "$JS.API.INFO", "foo-bar_baz"})
    void validPublishSubjects(String subject) {
        assertDoesNotThrow(() -> Subjects.validatePublish(subject));
        assertDoesNotThrow(() -> Subjects.validateSubscribe(subject));
        assertTrue(Subjects.isLiteral(subject));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a..b", ".a", "a.", "a b", " a", "a ", "a\tb", "a\nb", "a\rb", "a\u0000",
        "a\u007f", "a\u2003b", "a\u00a0", "*", ">", "a.*", "*.a", "a.>", "a.*.b", "a\udc00"})
    void invalidPublishSubjects(String subject) {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                () -> Subjects.validatePublish(subject));
        assertTrue(e.getMessage().startsWith("invalid subject") || e.getMessage().startsWith("subject must"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "control characters escaped in the message");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", ">", "a.*", "*.a", "a.>", "a.*.b", "*.*.>", "a.*.>"})
    void validSubscribeSubjectsWithWildcards(String subject) {
        assertDoesNotThrow(() -> Subjects.validateSubscribe(subject));
        assertFalse(Subjects.isLiteral(subject));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a..b", ">.a", "a.>.b", "a.>.>", "a b", "a.", "a\u0001"})
    void invalidSubscribeSubjects(String subject) {
        assertThrows(NatsIllegalArgumentException.class, () -> Subjects.validateSubscribe(subject));
    }

    @ParameterizedTest
    @ValueSource(strings = {"q", "workers", "a.b", "a..b", "*", "ünï"})
    void validQueues(String queue) {
        assertDoesNotThrow(() -> Subjects.validateQueue(queue));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a\t", "\n", "a\u0000"})
    void invalidQueues(String queue) {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                () -> Subjects.validateQueue(queue));
        assertTrue(e.getMessage().contains("queue group"), e.getMessage());
    }

    @Test
    void nullIsRejectedClearly() {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                () -> Subjects.validatePublish(null));
        assertEquals("subject must not be null", e.getMessage());
    }

    @Test
    void messageNamesTheSubjectAndTheProblem() {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                () -> Subjects.validatePublish("orders..new"));
        assertEquals("invalid subject 'orders..new': has an empty token (leading, trailing or double '.')",
                e.getMessage());
        e = assertThrows(NatsIllegalArgumentException.class, () -> Subjects.validatePublish("a\nb"));
        assertTrue(e.getMessage().contains("'a\\x0ab'"), e.getMessage());
        String longSubject = "x".repeat(10_000) + " ";
        e = assertThrows(NatsIllegalArgumentException.class, () -> Subjects.validatePublish(longSubject));
        assertTrue(e.getMessage().length() < 300, "long subjects are truncated in the message");
    }

    @Test
    void encodeWritesUtf8() {
        String s = "ü.😀.a";
        byte[] out = new byte[32];
        int end = io.nats4j.protocol.internal.SubjectCodec.encode(s, io.nats4j.protocol.internal.SubjectCodec.PUBLISH, "subject", out, 1);
        byte[] expected = s.getBytes(StandardCharsets.UTF_8);
        assertEquals(1 + expected.length, end);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], out[1 + i]);
        }
    }
}
