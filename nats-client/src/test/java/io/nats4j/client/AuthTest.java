package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsAuthException;
import io.nats4j.protocol.spi.ConnectAuth;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class AuthTest {


    @Test
    void userAndPasswordFromOptionsAndUrl() {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().user("alice", "s3cret-pw").build())) {
            try (Connection nc = Nats.connect(Options.builder().server(server.url()).userInfo("alice", "s3cret-pw").build())) {
                nc.flush(WAIT);
            }
            String url = "nats://alice:s3cret-pw@127.0.0.1:" + server.port();
            try (Connection nc = Nats.connect(url)) {
                nc.flush(WAIT);
                String shown = nc.connectedUrl().orElseThrow();
                assertFalse(shown.contains("s3cret-pw"), shown);
                assertTrue(shown.contains("alice:***@"), shown);
                assertFalse(nc.toString().contains("s3cret-pw"));
            }
            NatsAuthException bad = assertThrows(NatsAuthException.class,
                    () -> Nats.connect(Options.builder().server(server.url()).userInfo("alice", "wrong-pw").build()));
            assertFalse(bad.getMessage().contains("wrong-pw"), bad.getMessage());
            assertThrows(NatsAuthException.class, () -> Nats.connect(server.url()));
        }
    }

    @Test
    void tokenFromOptionsAndUrl() {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().token("t0ken-value").build())) {
            try (Connection nc = Nats.connect(Options.builder().server(server.url()).token("t0ken-value").build())) {
                nc.flush(WAIT);
            }
            try (Connection nc = Nats.connect("nats://t0ken-value@127.0.0.1:" + server.port())) {
                nc.flush(WAIT);
                assertFalse(nc.connectedUrl().orElseThrow().contains("t0ken-value"));
            }
            NatsAuthException bad = assertThrows(NatsAuthException.class,
                    () -> Nats.connect(Options.builder().server(server.url()).token("nope-token").build()));
            assertFalse(bad.getMessage().contains("nope-token"), bad.getMessage());
        }
    }

    @Test
    void customAuthenticatorIsAskedOnEveryConnect() {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().token("rotating").build())) {
            AtomicInteger calls = new AtomicInteger();
            Options o = Options.builder().server(server.url())
                    .reconnectWait(java.time.Duration.ofMillis(20)).maxReconnects(-1)
                    .authenticator(info -> {
                        calls.incrementAndGet();
                        return ConnectAuth.token("rotating");
                    }).build();
            try (Connection nc = Nats.connect(o)) {
                assertEquals(1, calls.get());
                server.restart();
                TestSupport.await("reconnected", () -> nc.status() == Status.CONNECTED && calls.get() == 2);
                nc.flush(WAIT);
            }
        }
    }

    @Test
    void badCredentialsDoNotCauseAReconnectStorm() {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().user("bob", "pw").build())) {
            AtomicInteger calls = new AtomicInteger();
            TestSupport.Recorder rec = new TestSupport.Recorder();
            Options o = rec.on(Options.builder().server(server.url())
                    .reconnectWait(java.time.Duration.ofMillis(10)).maxReconnects(-1)
                    .authenticator(info -> calls.incrementAndGet() == 1
                            ? ConnectAuth.userInfo("bob", "pw") : ConnectAuth.userInfo("bob", "revoked"))).build();
            Connection nc = Nats.connect(o);
            try {
                server.restart();
                TestSupport.await("closed after the same auth error twice", () -> nc.status() == Status.CLOSED);
                assertEquals(3, calls.get(), "first connect, then two refused reconnects");
            } finally {
                nc.close();
            }
        }
    }
}
