package io.nats4j.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NatsUriTest {

    @Test
    void everyFormOfTheConnectingGuide() {
        assertEquals(new NatsUri("nats", "demo.nats.io", 4222, "", Optional.empty()), NatsUri.parse("nats://demo.nats.io:4222"));
        assertEquals(new NatsUri("nats", "localhost", 4222, "", Optional.empty()), NatsUri.parse("localhost"));
        assertEquals(new NatsUri("nats", "10.1.2.3", 5222, "", Optional.empty()), NatsUri.parse("10.1.2.3:5222"));
        assertEquals(new NatsUri("tls", "secure", 4222, "", Optional.empty()), NatsUri.parse("TLS://secure"));
        assertEquals(new NatsUri("ws", "h", 80, "/nats", Optional.empty()), NatsUri.parse("ws://h/nats"));
        assertEquals(new NatsUri("wss", "h", 443, "", Optional.empty()), NatsUri.parse("wss://h"));
        NatsUri v6 = NatsUri.parse("nats://[::1]:4223");
        assertEquals("::1", v6.host());
        assertEquals(4223, v6.port());
        assertEquals("nats://[::1]:4223", v6.redacted());
        assertEquals("[::1]", v6.hostForUrl());
    }

    @Test
    void credentialsAreParsedAndNeverShown() {
        NatsUri up = NatsUri.parse("nats://alice:s3cr3t@host:4222");
        assertEquals(Optional.of("alice"), up.user());
        assertEquals(Optional.of("s3cr3t"), up.password());
        assertEquals(Optional.empty(), up.token());
        assertEquals("nats://alice:***@host:4222", up.toString());
        assertTrue(up.full().contains("s3cr3t"));
        NatsUri tok = NatsUri.parse("nats://t0k3n@host");
        assertEquals(Optional.of("t0k3n"), tok.token());
        assertEquals("nats://***@host:4222", tok.redacted());
    }

    @Test
    void listsAndErrors() {
        List<NatsUri> list = NatsUri.parseList(" nats://a:1, b:2 ,,tls://c");
        assertEquals(3, list.size());
        assertEquals("b", list.get(1).host());
        assertTrue(list.get(2).isSecureScheme());
        assertThrows(NatsIllegalArgumentException.class, () -> NatsUri.parseList(" , "));
        assertThrows(NatsIllegalArgumentException.class, () -> NatsUri.parse("http://h:1"));
        assertThrows(NatsIllegalArgumentException.class, () -> NatsUri.parse("HTTPS://h"));
        NatsUri plugin = NatsUri.parse("Counting+NATS://u:p@h");   // a third-party transport's scheme
        assertEquals("counting+nats", plugin.scheme());
        assertEquals(4222, plugin.port());
        assertEquals("counting+nats://u:***@h:4222", plugin.redacted());
        assertThrows(NatsIllegalArgumentException.class, () -> NatsUri.parse("nats://h:99999"));
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                () -> NatsUri.parse("nats://bob:pa ss@h:1"));
        assertFalse(e.getMessage().contains("pa ss"), e.getMessage());
    }

    /** Asserts that {@code url} is rejected with a message containing each of {@code parts}. */
    private static void rejected(String url, String... parts) {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class, () -> NatsUri.parse(url),
                url);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "expected '" + part + "' in: " + e.getMessage());
        }
    }

    @Test
    void typosAreRejectedNamingTheWrongPart() {
        rejected("nats//x", "'://'", "nats//x");
        rejected("nats:/x", "'://'");
        rejected("localhost:4222/x", "'://'");
        rejected("nats://h:abc", "port 'abc'", "nats://h:abc");
        rejected("nats://h:-1", "port '-1'");
        rejected("nats://h:4222x", "port '4222x'");
        rejected("nats://alice:s3cr3t@h:abc", "port 'abc'");
        rejected("nats://:4222", "no host");
        rejected("nats://h:4222/x", "path '/x'", "nats://");
        rejected("tls://h:4222/a/b", "path '/a/b'", "tls://");
        rejected("nats://h:4222?x=1", "query", "nats://");
        rejected("nats://h:4222#f", "fragment");
        rejected("ws://h/p#f", "fragment");
        rejected("nats://h x:4222", "nats://h x:4222");
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                () -> NatsUri.parse("nats://alice:s3cr3t@h:abc"));
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }

    @Test
    void whatIsValidStaysValid() {
        assertEquals(new NatsUri("nats", "h", 4222, "", Optional.empty()), NatsUri.parse("nats://h:4222/"));
        assertEquals(new NatsUri("ws", "h", 8080, "/a/b?x=1", Optional.empty()), NatsUri.parse("ws://h:8080/a/b?x=1"));
        assertEquals(new NatsUri("wss", "h", 443, "/nats", Optional.empty()), NatsUri.parse("wss://h/nats"));
        assertEquals(new NatsUri("nats", "nats_1", 4222, "", Optional.empty()), NatsUri.parse("nats_1:4222"));
        assertEquals(new NatsUri("nats", "my_host.local", 4223, "", Optional.of("u:p")),
                NatsUri.parse("nats://u:p@my_host.local:4223"));
        assertEquals(new NatsUri("nats", "h", 4222, "", Optional.empty()), NatsUri.parse("nats://h:"));
        assertEquals(new NatsUri("nats", "::1", 4222, "", Optional.empty()), NatsUri.parse("[::1]"));
    }
}
