package io.nats4j.testing;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An operator-mode config (MEMORY resolver with preloaded accounts) starts and authenticates a user JWT. */
class OperatorModeTest {

    private static final String ACCOUNT_CLAIMS = "{\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,"
        + "\"exports\":-1,\"wildcards\":true,\"conn\":-1,\"leaf\":-1},\"type\":\"account\",\"version\":2}";

    @Test
    void userJwtSignedByAPreloadedAccountLogsIn() throws Exception {
        TestNKeys operator = TestNKeys.create(TestNKeys.OPERATOR);
        TestNKeys system = TestNKeys.create(TestNKeys.ACCOUNT);
        TestNKeys account = TestNKeys.create(TestNKeys.ACCOUNT);
        TestNKeys user = TestNKeys.create(TestNKeys.USER);
        String operatorJwt = operator.issue(operator.publicKey, "op", "{\"type\":\"operator\",\"version\":2}");
        String systemJwt = operator.issue(system.publicKey, "SYS", ACCOUNT_CLAIMS);
        String accountJwt = operator.issue(account.publicKey, "app", ACCOUNT_CLAIMS);
        String userJwt = account.issue(user.publicKey, "alice",
            "{\"pub\":{},\"sub\":{},\"subs\":-1,\"data\":-1,\"payload\":-1,\"type\":\"user\",\"version\":2}");

        NatsServerConfig cfg = NatsServerConfig.builder()
            .operator(operatorJwt, system.publicKey, Map.of(system.publicKey, systemJwt, account.publicKey, accountJwt))
            .build();
        try (NatsServer server = NatsServer.start(cfg); Socket s = Probes.connect(server.port())) {
            InputStream in = s.getInputStream();
            String info = Probes.readLine(in);
            assertTrue(info.contains("\"auth_required\":true"), info);
            Matcher nonce = Pattern.compile("\"nonce\":\"([^\"]+)\"").matcher(info);
            assertTrue(nonce.find(), info);
            String sig = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(user.sign(nonce.group(1).getBytes(StandardCharsets.US_ASCII)));
            String connect = "CONNECT {\"verbose\":false,\"jwt\":\"" + userJwt + "\",\"sig\":\"" + sig + "\"}\r\nPING\r\n";
            s.getOutputStream().write(connect.getBytes(StandardCharsets.US_ASCII));
            assertEquals("PONG", Probes.readLine(in), server.log());
        }
    }
}
