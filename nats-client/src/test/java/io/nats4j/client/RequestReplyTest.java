package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.internal.NatsConnection;
import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.protocol.NoRespondersException;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.NatsServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(LeakCheckExtension.class)
class RequestReplyTest {

    @RegisterExtension
    static final NatsServerExtension NATS = NatsServerExtension.withConfig(NatsServerConfig.builder().websocket(false).build());

    /**
     * The URL of the connections under test; the {@code ...OverWsTest} subclass runs every test of
     * this class again over {@code ws://} (peers that are not under test stay on {@code nats://}).
     */
    String url() {
        return NATS.server().url();
    }

    private Connection nc;

    @BeforeEach
    void connect() {
        nc = Nats.connect(url());
    }

    @AfterEach
    void close() {
        nc.close();
    }


    @Test
    void requestGetsTheReplyAndRespondWorks() {
        nc.subscribe("echo", m -> m.respond(("re:" + m.dataAsString()).getBytes(StandardCharsets.UTF_8)));
        nc.flush(WAIT);
        for (int i = 0; i < 50; i++) {
            Message reply = nc.request("echo", ("q" + i).getBytes(StandardCharsets.UTF_8), WAIT);
            assertEquals("re:q" + i, reply.dataAsString());
        }
        assertEquals(0, ((NatsConnection) nc).pendingRequests());
    }

    @Test
    void requestWithHeadersReachesTheResponder() {
        nc.subscribe("hdr.echo", m -> m.respond(m.headers().first("Q").orElse("none").getBytes(StandardCharsets.UTF_8)));
        nc.flush(WAIT);
        Message reply = nc.request("hdr.echo", new Headers().put("Q", "value"), new byte[0], WAIT);
        assertEquals("value", reply.dataAsString());
    }

    @Test
    void manyAsyncRequestsInFlight() {
        nc.subscribe("svc", m -> m.respond(m.data()));
        nc.flush(WAIT);
        List<CompletableFuture<Message>> fs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            fs.add(nc.requestAsync("svc", Integer.toString(i).getBytes(StandardCharsets.UTF_8), WAIT));
        }
        for (int i = 0; i < 200; i++) {
            assertEquals(Integer.toString(i), fs.get(i).join().dataAsString());
        }
        await("no request entries left", () -> ((NatsConnection) nc).pendingRequests() == 0);
    }

    @Test
    void noRespondersIsReportedAsSuch() {
        assertThrows(NoRespondersException.class, () -> nc.request("nobody.home", new byte[0], WAIT));
        CompletionException e = assertThrows(CompletionException.class,
                () -> nc.requestAsync("nobody.home", new byte[0], WAIT).join());
        assertTrue(e.getCause() instanceof NoRespondersException, e.toString());
        assertEquals(0, ((NatsConnection) nc).pendingRequests());
    }

    @Test
    void timeoutWhenTheResponderIsSilent() {
        nc.subscribe("silent", m -> { });
        nc.flush(WAIT);
        NatsTimeoutException e = assertThrows(NatsTimeoutException.class,
                () -> nc.request("silent", new byte[0], Duration.ofMillis(100)));
        assertTrue(e.getMessage().contains("silent"), e.getMessage());
        for (int i = 0; i < 20; i++) {
            CompletableFuture<Message> f = nc.requestAsync("silent", new byte[0], Duration.ofMillis(20));
            CompletionException ce = assertThrows(CompletionException.class, f::join);
            assertTrue(ce.getCause() instanceof NatsTimeoutException);
        }
        assertEquals(0, ((NatsConnection) nc).pendingRequests(), "no leaked request entries after timeouts");
    }

    @Test
    void requestsInFlightFailWhenTheConnectionCloses() {
        nc.subscribe("never", m -> { });
        nc.flush(WAIT);
        CompletableFuture<Message> f = nc.requestAsync("never", new byte[0], Duration.ofMinutes(1));
        nc.close();
        CompletionException e = assertThrows(CompletionException.class, f::join);
        assertTrue(e.getCause() instanceof NatsConnectionException, e.toString());
    }

    @Test
    void inboxesAreUniqueAndUseThePrefix() {
        try (Connection custom = Nats.connect(Options.builder().server(url()).inboxPrefix("_MY.INBOX").build())) {
            String a = custom.newInbox();
            String b = custom.newInbox();
            assertTrue(a.startsWith("_MY.INBOX."), a);
            assertTrue(!a.equals(b));
            custom.subscribe("svc2", m -> m.respond(m.replyTo().orElse("").getBytes(StandardCharsets.UTF_8)));
            custom.flush(WAIT);
            assertTrue(custom.request("svc2", new byte[0], WAIT).dataAsString().startsWith("_MY.INBOX."));
        }
    }

    @Test
    void respondWithoutReplySubjectIsAClearError() {
        Subscription sub = nc.subscribe("plain");
        nc.publish("plain", new byte[0]);
        Message m = sub.nextMessage(WAIT);
        assertThrows(NatsIllegalArgumentException.class, () -> m.respond(new byte[0]));
    }

    @Test
    void aBurstOfAsyncRequestsStartsNoThreadPerReply() {
        nc.subscribe("burst", m -> m.respond(m.data()));
        nc.flush(WAIT);
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<CompletableFuture<Message>> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            all.add(nc.requestAsync("burst", new byte[] {(byte) i}, WAIT).thenApply(m -> m));
        }
        for (CompletableFuture<Message> f : all) {
            f.join();
        }
        List<String> started = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .map(Thread::getName).collect(java.util.stream.Collectors.toList());
        assertTrue(started.stream().allMatch(n -> n.startsWith("nats4j-dispatch-")), "only handler threads: " + started);
        // a few runners may start when a batch stalls on a descheduled thread (the stall watchdog); never one per reply
        assertTrue(started.size() <= 16, "a thread per reply? " + started);
    }
}
