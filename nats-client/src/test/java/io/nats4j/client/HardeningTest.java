package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.protocol.NoRespondersException;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.LeakCheckExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 11 (hardening), defects 1, 2, 6 and 7, through the public API against real nats-server
 * processes. Each test failed before its fix.
 */
@ExtendWith(LeakCheckExtension.class)
class HardeningTest {

    /** nats-server's default max_control_line, which it applies to the arguments of PUB and SUB. */
    private static final int SERVER_LINE = 4096;

    private static String subjectOfLength(String prefix, int length) {
        return prefix + "x".repeat(length - prefix.length());
    }

    // ---- 11.1: control lines

    @Test
    void messageOnASubjectNearTheServerLimitIsDelivered() {
        // PUB args "<subject> 5" and SUB args "<subject> 1" fit the server's 4096; the MSG line it sends back does not
        String subject = subjectOfLength("long.", SERVER_LINE - 4);
        try (NatsServer server = NatsServer.start()) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection sub = Nats.connect(rec.on(Options.builder().server(server.url())).build());
                    Connection pub = Nats.connect(server.url())) {
                Subscription s = sub.subscribe(subject);
                sub.flush(WAIT);
                pub.publish(subject, "hello".getBytes(UTF_8));
                pub.flush(WAIT);
                Message m = s.nextMessage(WAIT);
                assertNotNull(m, "message on a " + subject.length() + "-byte subject");
                assertEquals(subject, m.subject());
                assertEquals("hello", m.dataAsString());
                assertEquals(0, sub.statistics().reconnects());
                assertTrue(rec.exceptions.isEmpty(), rec.exceptions.toString());
            }
        }
    }

    @Test
    void permissionsViolationQuotingALongSubjectKeepsTheConnection() {
        String subject = subjectOfLength("secret.", SERVER_LINE - 4);
        NatsServerConfig config = NatsServerConfig.builder().users(new ArrayList<>(List.of(
                NatsServerConfig.User.of("alice", "pw").publishDeny(List.of("secret.>"))))).build();
        try (NatsServer server = NatsServer.start(config)) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(rec.on(Options.builder().server(server.url()).userInfo("alice", "pw"))
                    .build())) {
                nc.publish(subject, new byte[1]);
                await("the Permissions Violation", () -> !rec.serverErrors.isEmpty());
                assertTrue(rec.serverErrors.get(0).contains("Permissions Violation"), rec.serverErrors.toString());
                assertTrue(rec.serverErrors.get(0).contains(subject), "the -ERR quotes the subject");
                nc.flush(WAIT);
                assertEquals(Status.CONNECTED, nc.status());
                assertEquals(0, nc.statistics().reconnects());
            }
        }
    }

    @Test
    void controlLinesOverTheServerLimitAreRefusedSynchronously() {
        String tooLong = subjectOfLength("long.", SERVER_LINE + 10);
        try (NatsServer server = NatsServer.start()) {
            TestSupport.Recorder rec = new TestSupport.Recorder();
            try (Connection nc = Nats.connect(rec.on(Options.builder().server(server.url())).build())) {
                for (Executable call : List.<Executable>of(
                        () -> nc.publish(tooLong, new byte[1]),
                        () -> nc.publish("ok", tooLong, new byte[1]),
                        () -> nc.publish(tooLong, new Headers().add("k", "v"), new byte[1]),
                        () -> nc.subscribe(tooLong),
                        () -> nc.subscribe("ok", "q" + tooLong),
                        () -> nc.request(tooLong, new byte[1], Duration.ofSeconds(1)))) {
                    NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class, call);
                    assertTrue(e.getMessage().contains("max_control_line"), e.getMessage());
                    assertFalse(e.getMessage().contains(tooLong), "the message does not quote 4 KiB");
                }
                nc.flush(WAIT);
                assertEquals(Status.CONNECTED, nc.status());
                assertEquals(0, nc.statistics().reconnects());
                assertTrue(rec.serverErrors.isEmpty(), rec.serverErrors.toString());
                // at the limit is fine
                String atLimit = subjectOfLength("long.", SERVER_LINE - 2);
                Subscription s = nc.subscribe(atLimit);
                nc.publish(atLimit, new byte[1]);
                assertNotNull(s.nextMessage(WAIT));
            }
        }
    }

    @Test
    void aServerWithALargerControlLineTakesWhatTheOptionAllows() {
        String subject = subjectOfLength("long.", 6000);
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().extra("max_control_line: 8192").build());
                Connection nc = Nats.connect(Options.builder().server(server.url()).maxControlLine(8192).build())) {
            Subscription s = nc.subscribe(subject);
            nc.publish(subject, new byte[1]);
            assertNotNull(s.nextMessage(WAIT));
            assertEquals(0, nc.statistics().reconnects());
            assertThrows(NatsIllegalArgumentException.class, () -> nc.publish(subjectOfLength("long.", 8200), new byte[1]));
        }
    }

    // ---- 11.2: a server without header support

    @Test
    void serverWithoutHeaderSupport() {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().extra("no_header_support: true").build())) {
            try (Connection nc = Nats.connect(server.url())) {
                assertFalse(nc.serverInfo().headers());
                Subscription s = nc.subscribe("plain");
                nc.publish("plain", "x".getBytes(UTF_8));
                assertEquals("x", s.nextMessage(WAIT).dataAsString());
                NatsException e = assertThrows(NatsException.class,
                        () -> nc.publish("plain", new Headers().add("k", "v"), new byte[0]));
                assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("headers"), e.getMessage());
                assertThrows(NatsException.class,
                        () -> nc.request("plain", new Headers().add("k", "v"), new byte[0], Duration.ofSeconds(1)));
                // no responders is announced only with headers: a request to nobody times out
                assertThrows(NatsTimeoutException.class,
                        () -> nc.request("nobody.home", new byte[0], Duration.ofMillis(300)));
                nc.flush(WAIT);
                assertEquals(Status.CONNECTED, nc.status());
                assertEquals(0, nc.statistics().reconnects());
            }
        }
    }

    // ---- 11.6: argument checks on a connection

    private static void rejected(Executable call, String... parts) {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "expected '" + part + "' in: " + e.getMessage());
        }
    }

    @Test
    void connectionArgumentsAreChecked() {
        try (NatsServer server = NatsServer.start(); Connection nc = Nats.connect(server.url())) {
            rejected(() -> nc.flush(Duration.ZERO), "flush", "positive");
            rejected(() -> nc.flush(Duration.ofSeconds(-1)), "flush", "positive");
            rejected(() -> nc.flush(null), "flush");
            Subscription s = nc.subscribe("args");
            rejected(() -> s.nextMessage(null), "nextMessage");
            rejected(() -> s.nextMessage(Duration.ofSeconds(-1)), "nextMessage");
            assertNull(s.nextMessage(Duration.ZERO), "zero polls");
            rejected(() -> s.drain(Duration.ofSeconds(-1)), "drain");
            rejected(() -> s.drain(null), "drain");
            rejected(() -> nc.drain(Duration.ofSeconds(-1)), "drain");
            rejected(() -> nc.drain(null), "drain");
            rejected(() -> nc.requestAsync("x", new byte[0], null), "timeout");
            assertTrue(s.isActive(), "the rejected calls had no effect");
            assertEquals(Status.CONNECTED, nc.status());
            nc.flush(WAIT);
        }
    }

    // ---- 11.7: messages that help

    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** No exception in the chain below {@code top} is a copy of it (same class, same message). */
    private static void assertNoIdenticalCause(Throwable top) {
        for (Throwable c = top.getCause(); c != null; c = c.getCause()) {
            assertFalse(c.getClass() == top.getClass() && String.valueOf(c.getMessage()).equals(top.getMessage()),
                    "wraps an identical copy of itself: " + top);
        }
    }

    @Test
    void noRespondersNamesTheRequestSubject() {
        try (NatsServer server = NatsServer.start(); Connection nc = Nats.connect(server.url())) {
            NoRespondersException e = assertThrows(NoRespondersException.class,
                    () -> nc.request("nobody.home", new byte[0], WAIT));
            assertTrue(e.getMessage().contains("'nobody.home'"), e.getMessage());
            assertFalse(e.getMessage().contains("_INBOX"), e.getMessage());
            assertNoIdenticalCause(e);
        }
    }

    @Test
    void synchronousExceptionsDoNotWrapACopyOfThemselves() {
        try (NatsServer server = NatsServer.start(); Connection nc = Nats.connect(server.url())) {
            nc.subscribe("silent"); // a subscriber that never answers
            nc.flush(WAIT);
            NatsTimeoutException e = assertThrows(NatsTimeoutException.class,
                    () -> nc.request("silent", new byte[0], Duration.ofMillis(200)));
            assertTrue(e.getMessage().contains("'silent'"), e.getMessage());
            assertNoIdenticalCause(e);
        }
    }

    @Test
    void failedConnectNamesEveryServerWithItsReason() throws Exception {
        int first = closedPort();
        int second = closedPort();
        Options o = Options.builder().servers("nats://127.0.0.1:" + first, "nats://127.0.0.1:" + second)
                .noRandomize().build();
        NatsConnectionException e = assertThrows(NatsConnectionException.class, () -> Nats.connect(o));
        String text = e.getMessage();
        assertTrue(text.contains("127.0.0.1:" + first) && text.contains("127.0.0.1:" + second), text);
        assertTrue(text.toLowerCase(Locale.ROOT).split("refused", -1).length - 1 >= 2, "a reason for each: " + text);
        assertNoIdenticalCause(e);
    }

    @Test
    void connectTimeoutHasNoMisleadingCause() {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (io.nats4j.testing.FakeServer fake = io.nats4j.testing.FakeServer.start(
                c -> release.await(30, java.util.concurrent.TimeUnit.SECONDS))) {
            Options o = Options.builder().server(fake.url()).connectTimeout(Duration.ofMillis(300)).build();
            NatsTimeoutException e = assertThrows(NatsTimeoutException.class, () -> Nats.connect(o));
            assertTrue(e.getMessage().contains(fake.url().substring("nats://".length())), e.getMessage());
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                assertFalse(String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT).contains("closed"),
                        "misleading cause: " + c);
            }
            release.countDown();
        }
    }

    @Test
    void credentialsToAServerWithoutNonceConnect(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        io.nats4j.auth.NKey account = io.nats4j.auth.NKey.generate(io.nats4j.auth.NKey.Type.ACCOUNT);
        io.nats4j.auth.NKey user = io.nats4j.auth.NKey.generate(io.nats4j.auth.NKey.Type.USER);
        String jwt = io.nats4j.auth.Jwt.issueUserJwt(account, user.publicKey(), "dev", Duration.ofHours(1));
        java.nio.file.Path file = dir.resolve("dev.creds");
        java.nio.file.Files.writeString(file, "-----BEGIN NATS USER JWT-----\n" + jwt
                + "\n------END NATS USER JWT------\n\n-----BEGIN USER NKEY SEED-----\n" + new String(user.seed())
                + "\n------END USER NKEY SEED------\n");
        try (NatsServer server = NatsServer.start()) { // no auth: its INFO has no nonce
            try (Connection nc = Nats.connect(Options.builder().server(server.url()).credentials(file).build())) {
                assertTrue(nc.serverInfo().nonce().isEmpty());
                nc.flush(WAIT);
                assertEquals(Status.CONNECTED, nc.status());
            }
            try (Connection nc = Nats.connect(Options.builder().server(server.url()).nkey(user.seed()).build())) {
                nc.flush(WAIT);
                assertEquals(Status.CONNECTED, nc.status());
            }
        }
    }
}
