package io.nats4j.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nats4j.protocol.spi.ConnectAuth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectInfoTest {

    static final String PASSWORD = "s3cr3t-pa55";
    static final String TOKEN = "t0k3n-value";
    static final String JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.payload.sig";
    static final String SIG = "c2lnbmF0dXJlLXZhbHVl";

    static ConnectInfo info(Optional<String> name, ConnectAuth auth) {
        return new ConnectInfo(false, true, false, name, "java", "0.1.0", 1, true, true, true, auth);
    }

    /** Reads the flat JSON object of a CONNECT line back into a map of field to text. */
    static Map<String, String> fields(byte[] connect) throws IOException {
        String s = new String(connect, StandardCharsets.UTF_8);
        assertTrue(s.startsWith("CONNECT {"), s);
        assertTrue(s.endsWith("}\r\n"), s);
        Map<String, String> m = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(s.substring(8, s.length() - 2))) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                m.put(name, p.getText());
            }
            assertEquals(null, p.nextToken());
        }
        return m;
    }

    @Test
    void encodesEveryFieldWithUserAndPassword() throws IOException {
        Map<String, String> f = fields(info(Optional.of("my \"app\""), ConnectAuth.userInfo("bob", PASSWORD)).encode());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("verbose", "false");
        expected.put("pedantic", "true");
        expected.put("tls_required", "false");
        expected.put("name", "my \"app\"");
        expected.put("lang", "java");
        expected.put("version", "0.1.0");
        expected.put("protocol", "1");
        expected.put("echo", "true");
        expected.put("headers", "true");
        expected.put("no_responders", "true");
        expected.put("user", "bob");
        expected.put("pass", PASSWORD);
        assertEquals(expected, f);
    }

    @Test
    void emptyNameAndNoAuthAreLeftOut() throws IOException {
        Map<String, String> f = fields(info(Optional.of(""), ConnectAuth.NONE).encode());
        assertFalse(f.containsKey("name"));
        for (String k : new String[] {"user", "pass", "auth_token", "jwt", "nkey", "sig"}) {
            assertFalse(f.containsKey(k), k);
        }
        assertFalse(fields(info(Optional.empty(), ConnectAuth.NONE).encode()).containsKey("name"));
    }

    @Test
    void tokenAndNkeyFields() throws IOException {
        Map<String, String> t = fields(info(Optional.empty(), ConnectAuth.token(TOKEN)).encode());
        assertEquals(TOKEN, t.get("auth_token"));
        Map<String, String> n = fields(info(Optional.empty(), ConnectAuth.nkey(Optional.of(JWT), "UABC", SIG)).encode());
        assertEquals(JWT, n.get("jwt"));
        assertEquals("UABC", n.get("nkey"));
        assertEquals(SIG, n.get("sig"));
        assertFalse(n.containsKey("user"));
    }

    @Test
    void toStringHidesEverySecret() {
        ConnectAuth all = new ConnectAuth(Optional.of("bob"), Optional.of(PASSWORD), Optional.of(TOKEN),
                Optional.of(JWT), Optional.of("UABC"), Optional.of(SIG));
        String s = info(Optional.of("app"), all).toString();
        for (String secret : new String[] {PASSWORD, TOKEN, JWT, SIG}) {
            assertFalse(s.contains(secret), s);
        }
        assertTrue(s.contains("app") && s.contains("bob") && s.contains("pedantic=true"), s);
    }
}
