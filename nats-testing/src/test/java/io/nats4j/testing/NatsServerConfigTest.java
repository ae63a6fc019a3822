package io.nats4j.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NatsServerConfigTest {

    private static final Path DIR = Path.of("/tmp/work");

    @Test
    void defaultsRenderAnEphemeralLoopbackPortOnly() {
        String text = NatsServerConfig.defaults().render(DIR);
        assertTrue(text.contains("host: 127.0.0.1\n"), text);
        assertTrue(text.contains("port: -1\n"), text);
        assertFalse(text.contains("authorization"), text);
        assertFalse(text.contains("http:"), text);
        assertFalse(text.contains("tls"), text);
    }

    @Test
    void rendersUsersWithPermissionsAndQuotesSpecialCharacters() {
        NatsServerConfig cfg = NatsServerConfig.builder()
            .users(List.of(
                NatsServerConfig.User.of("a\"b", "p\\w").publishAllow(List.of("foo.>")).subscribeAllow(List.of("bar", "_INBOX.>")),
                NatsServerConfig.User.nkey("UABC")))
            .build();
        String text = cfg.render(DIR);
        assertTrue(text.contains("{ user: \"a\\\"b\", password: \"p\\\\w\", permissions: { publish: { allow: [\"foo.>\"] },"
            + " subscribe: { allow: [\"bar\", \"_INBOX.>\"] } } }"), text);
        assertTrue(text.contains("{ nkey: \"UABC\" }"), text);
    }

    @Test
    void rendersTokenAndLimits() {
        NatsServerConfig cfg = NatsServerConfig.builder().token("t0k").maxPayload(4096).maxConnections(3)
            .pingInterval(Duration.ofMillis(1500)).maxPingsOut(4).writeDeadline(Duration.ofSeconds(2))
            .extra("debug: true").build();
        String text = cfg.render(DIR);
        for (String expected : List.of("token: \"t0k\"", "max_payload: 4096", "max_connections: 3",
                "ping_interval: \"1500ms\"", "ping_max: 4", "write_deadline: \"2000ms\"", "debug: true\n")) {
            assertTrue(text.contains(expected), expected + " in\n" + text);
        }
    }

    @Test
    void rendersOperatorModeWithAMemoryResolver() {
        NatsServerConfig cfg = NatsServerConfig.builder()
            .operator("eyJop", "ASYS", Map.of("ASYS", "eyJsys")).build();
        String text = cfg.render(DIR);
        assertTrue(text.contains("operator: \"" + DIR.resolve("operator.jwt") + "\""), text);
        assertTrue(text.contains("system_account: \"ASYS\""), text);
        assertTrue(text.contains("resolver: MEMORY"), text);
        assertTrue(text.contains("resolver_preload: {\n  ASYS: \"eyJsys\"\n}"), text);
    }

    @Test
    void rendersJetStreamUnderTheWorkDir() {
        String text = NatsServerConfig.builder().jetstream().build().render(DIR);
        assertTrue(text.contains("store_dir: \"" + DIR.resolve("jetstream") + "\""), text);
    }

    @Test
    void toStringHidesSecrets() {
        String s = NatsServerConfig.builder().user("alice", "hunter2").build().toString();
        assertTrue(s.contains("alice"), s);
        assertFalse(s.contains("hunter2"), s);
        assertFalse(NatsServerConfig.builder().token("tok-secret").build().toString().contains("tok-secret"));
        assertFalse(NatsServerConfig.builder().operator("eyJsecretjwt", "A", Map.of()).build().toString()
            .contains("eyJsecretjwt"));
        assertFalse(NatsServerConfig.User.of("bob", "pw-secret").toString().contains("pw-secret"));
    }

    @Test
    void conflictingOrBadSettingsAreRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> NatsServerConfig.builder().token("t").user("u", "p").build());
        assertTrue(e.getMessage().contains("token"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NatsServerConfig.builder().websocket(true).build());
        assertTrue(e.getMessage().contains("tls"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NatsServerConfig.builder().port(70000));
        assertThrows(IllegalArgumentException.class, () -> NatsServerConfig.builder().user("u", ""));
        assertThrows(IllegalArgumentException.class, () -> NatsServerConfig.builder().maxPayload(0));
        assertThrows(IllegalArgumentException.class, () -> NatsServerConfig.builder().pingInterval(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> NatsServerConfig.User.nkey("ABC"));
        e = assertThrows(IllegalArgumentException.class,
            () -> NatsServerConfig.builder().user("u", "p").users(List.of(NatsServerConfig.User.of("v", "q"))).build());
        assertFalse(e.getMessage().contains("q".repeat(2)));
    }

    @Test
    void aFixedPortIsRendered() {
        assertTrue(NatsServerConfig.builder().port(14222).build().render(DIR).contains("port: 14222\n"));
        assertEquals(NatsServerConfig.defaults().render(DIR), NatsServerConfig.builder().port(0).build().render(DIR));
    }
}
