package io.nats4j.jetstream;

import static io.nats4j.jetstream.JsTestSupport.WAIT;
import static io.nats4j.jetstream.JsTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.testing.LeakCheckExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every pull status, scripted where a real server will not send it on cue. */
@ExtendWith(LeakCheckExtension.class)
class PullStatusTest {

    private static final String NEXT = "$JS.API.CONSUMER.MSG.NEXT.S.C";

    private FakeJetStream fake;
    private Connection nc;
    private JetStream js;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<String> terminal = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeJetStream();
        nc = JsTestSupport.connect(fake.url());
        fake.awaitConnected();
        js = JetStream.of(nc);
    }

    @AfterEach
    void tearDown() {
        nc.close();
        fake.close();
        JsTestSupport.assertNoLeaks();
    }

    private Consumer bind() throws Exception {
        CompletableFuture<Consumer> c = CompletableFuture.supplyAsync(() -> js.consumer("S", "C"));
        FakeJetStream.Pub info = fake.next("$JS.API.CONSUMER.INFO.S.C");
        fake.reply(info.reply(), FakeJetStream.consumerInfo("S", "C"));
        return c.get(10, TimeUnit.SECONDS);
    }

    private ConsumeOptions.Builder opts() {
        return ConsumeOptions.builder().errorListener((e, t) -> (t ? terminal : warnings).add(e.getMessage()));
    }

    private static <T> T failure(CompletableFuture<?> f, Class<T> type) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(type, e.getCause());
    }

    @Test
    void fetchEndsOnEachKindOfStatus() throws Exception {
        Consumer c = bind();
        // 408 with what was left: a normal end
        CompletableFuture<List<JetStreamMessage>> f = CompletableFuture.supplyAsync(() -> c.fetch(5, Duration.ofSeconds(5)));
        FakeJetStream.Pub pull = fake.next(NEXT);
        assertTrue(pull.payload().contains("\"batch\":5"), pull.payload());
        fake.deliver(pull.reply(), "S", "C", 1, 1, 0, "one");
        fake.status(pull.reply(), 408, "Request Timeout", "Nats-Pending-Messages: 4", "Nats-Pending-Bytes: 0");
        assertEquals(1, f.get(10, TimeUnit.SECONDS).size());

        // 409 Exceeded MaxWaiting: a warning, nothing fetched
        f = CompletableFuture.supplyAsync(() -> c.fetch(5, Duration.ofSeconds(5)));
        fake.status(fake.next(NEXT).reply(), 409, "Exceeded MaxWaiting");
        assertEquals(List.of(), f.get(10, TimeUnit.SECONDS));

        // 409 Exceeded MaxRequestBatch: the request can never succeed
        f = CompletableFuture.supplyAsync(() -> c.fetch(500, Duration.ofSeconds(5)));
        fake.status(fake.next(NEXT).reply(), 409, "Exceeded MaxRequestBatch of 100");
        JetStreamStatusException batch = failure(f, JetStreamStatusException.class);
        assertEquals(409, batch.status());
        assertEquals("Exceeded MaxRequestBatch of 100", batch.description());

        // 400 Bad Request
        f = CompletableFuture.supplyAsync(() -> c.fetch(1, Duration.ofSeconds(5)));
        fake.status(fake.next(NEXT).reply(), 400, "Bad Request - invalid");
        assertEquals(400, failure(f, JetStreamStatusException.class).status());

        // 404 No Messages ends a no-wait fetch; heartbeats in between change nothing
        f = CompletableFuture.supplyAsync(() -> c.fetchNoWait(3));
        pull = fake.next(NEXT);
        assertTrue(pull.payload().contains("\"no_wait\":true"), pull.payload());
        fake.status(pull.reply(), 100, "Idle Heartbeat");
        fake.status(pull.reply(), 404, "No Messages");
        assertEquals(List.of(), f.get(10, TimeUnit.SECONDS));

        // 409 Consumer Deleted
        f = CompletableFuture.supplyAsync(() -> c.fetch(1, Duration.ofSeconds(5)));
        fake.status(fake.next(NEXT).reply(), 409, "Consumer Deleted");
        assertEquals("Consumer Deleted", failure(f, JetStreamStatusException.class).description());
    }

    @Test
    void pendingCountsStayExactAcrossATimedOutRequest() throws Exception {
        Consumer c = bind();
        CountDownLatch release = new CountDownLatch(1);
        List<String> got = new CopyOnWriteArrayList<>();
        ConsumeContext cc = c.consume(opts().batchSize(10).build(), m -> {
            got.add(new String(m.data(), java.nio.charset.StandardCharsets.UTF_8));
            release.await(10, TimeUnit.SECONDS);
        });
        try {
            FakeJetStream.Pub first = fake.next(NEXT);
            assertTrue(first.payload().contains("\"batch\":10"), first.payload());
            assertTrue(first.payload().contains("\"idle_heartbeat\":15000000000"), "expires/2: " + first.payload());
            for (int i = 1; i <= 3; i++) {
                fake.deliver(first.reply(), "S", "C", i, i, 0, "m" + i);
            }
            await("the handler holds the first", () -> got.size() == 1);
            fake.status(first.reply(), 408, "Request Timeout", "Nats-Pending-Messages: 7", "Nats-Pending-Bytes: 0");
            FakeJetStream.Pub second = fake.next(NEXT);
            assertTrue(second.payload().contains("\"batch\":7"),
                    "3 buffered, 7 written off by the 408: ask for exactly 7 more: " + second.payload());
            assertFalse(second.reply().equals(first.reply()), "each request has its own reply subject");
        } finally {
            release.countDown();
        }
        await("all three handled", () -> got.size() == 3);
        assertEquals(List.of("m1", "m2", "m3"), got);
        cc.close();
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void leadershipChangeAndMaxWaitingPullAgainAndDeletionEndsConsume() throws Exception {
        Consumer c = bind();
        List<String> got = new CopyOnWriteArrayList<>();
        ConsumeContext cc = c.consume(opts().batchSize(4).expires(Duration.ofSeconds(2))
                .idleHeartbeat(Duration.ofMillis(500)).build(), m -> got.add(m.subject()));
        fake.status(fake.next(NEXT).reply(), 409, "Leadership Change");
        FakeJetStream.Pub again = fake.next(NEXT);
        assertTrue(again.payload().contains("\"batch\":4"), again.payload());
        fake.status(again.reply(), 409, "Exceeded MaxWaiting");
        FakeJetStream.Pub later = fake.next(NEXT);
        assertTrue(later.payload().contains("\"batch\":4"), "re-pulled by the heartbeat tick: " + later.payload());
        await("MaxWaiting warned", () -> warnings.stream().anyMatch(w -> w.contains("Exceeded MaxWaiting")));
        fake.deliver(later.reply(), "S", "C", 1, 1, 0, "x");
        await("delivered", () -> got.size() == 1);
        fake.status(later.reply(), 409, "Consumer Deleted");
        JetStreamStatusException e = failure(cc.closed(), JetStreamStatusException.class);
        assertEquals("Consumer Deleted", e.description());
        await("terminal reported", () -> terminal.size() == 1);
    }

    @Test
    void flowControlIsAnsweredAndMissedHeartbeatsPullAgain() throws Exception {
        Consumer c = bind();
        MessageStream ms = c.messages(opts().batchSize(2).expires(Duration.ofSeconds(2))
                .idleHeartbeat(Duration.ofMillis(500)).build());
        FakeJetStream.Pub pull = fake.next(NEXT);
        fake.statusWithReply(pull.reply(), "$JS.FC.S.C.xyz", 100, "FlowControl Request");
        FakeJetStream.Pub fc = fake.next("$JS.FC.S.C.xyz");
        assertNotNull(fc);
        // now stay silent: two heartbeat intervals later the client gives the request up and pulls again
        FakeJetStream.Pub repull = fake.next(NEXT);
        assertTrue(repull.payload().contains("\"batch\":2"), repull.payload());
        await("missed heartbeats warned", () -> warnings.stream().anyMatch(w -> w.contains("heartbeat")));
        fake.deliver(repull.reply(), "S", "C", 1, 1, 0, "late");
        assertEquals("S.subj", ms.next(WAIT).orElseThrow().subject());
        ms.close();
        JetStreamException ended = assertThrows(JetStreamException.class, () -> ms.next(Duration.ofMillis(10)));
        assertTrue(ended.getMessage().contains("ended"), ended.getMessage());
    }

    @Test
    void orderedConsumerRecreatesFromTheNextSequenceOnAGap() throws Exception {
        CompletableFuture<Consumer> bound = CompletableFuture.supplyAsync(() ->
                js.orderedConsumer("S", OrderedConsumerConfig.DEFAULT));
        fake.reply(fake.next("$JS.API.STREAM.INFO.S").reply(), FakeJetStream.streamInfo("S"));
        Consumer oc = bound.get(10, TimeUnit.SECONDS);
        List<String> got = new CopyOnWriteArrayList<>();
        CompletableFuture<ConsumeContext> started = CompletableFuture.supplyAsync(() ->
                oc.consume(opts().batchSize(10).build(), m -> got.add(new String(m.data(),
                        java.nio.charset.StandardCharsets.UTF_8))));
        FakeJetStream.Pub create = fake.next("$JS.API.CONSUMER.CREATE.S.");
        String name1 = create.subject().substring("$JS.API.CONSUMER.CREATE.S.".length());
        assertTrue(create.payload().contains("\"ack_policy\":\"none\""), create.payload());
        assertTrue(create.payload().contains("\"mem_storage\":true"), create.payload());
        fake.reply(create.reply(), FakeJetStream.consumerInfo("S", name1));
        ConsumeContext cc = started.get(10, TimeUnit.SECONDS);
        FakeJetStream.Pub pull = fake.next("$JS.API.CONSUMER.MSG.NEXT.S." + name1);
        fake.deliver(pull.reply(), "S", name1, 1, 1, 5, "a");
        fake.deliver(pull.reply(), "S", name1, 2, 2, 4, "b");
        fake.deliver(pull.reply(), "S", name1, 4, 4, 2, "d"); // consumer sequence 3 never came
        FakeJetStream.Pub delete = fake.next("$JS.API.CONSUMER.DELETE.S." + name1);
        fake.reply(delete.reply(), "{\"success\":true}");
        FakeJetStream.Pub recreate = fake.next("$JS.API.CONSUMER.CREATE.S.");
        assertTrue(recreate.payload().contains("\"deliver_policy\":\"by_start_sequence\""), recreate.payload());
        assertTrue(recreate.payload().contains("\"opt_start_seq\":3"), "resume after the last good one: "
                + recreate.payload());
        String name2 = recreate.subject().substring("$JS.API.CONSUMER.CREATE.S.".length());
        assertFalse(name2.equals(name1));
        fake.reply(recreate.reply(), FakeJetStream.consumerInfo("S", name2));
        FakeJetStream.Pub pull2 = fake.next("$JS.API.CONSUMER.MSG.NEXT.S." + name2);
        fake.deliver(pull2.reply(), "S", name2, 3, 1, 1, "c");
        fake.deliver(pull2.reply(), "S", name2, 4, 2, 0, "d");
        await("a b c d", () -> got.size() == 4);
        assertEquals(List.of("a", "b", "c", "d"), got);
        cc.close();
    }

    @Test
    void domainAndApiPrefixChooseTheSubjectsAndNamesAreReadPageByPage() throws Exception {
        JetStream hub = JetStream.of(nc, JetStreamOptions.builder().domain("hub").build());
        CompletableFuture<Consumer> c = CompletableFuture.supplyAsync(() -> hub.consumer("S", "C"));
        fake.reply(fake.next("$JS.hub.API.CONSUMER.INFO.S.C").reply(), FakeJetStream.consumerInfo("S", "C"));
        c.get(10, TimeUnit.SECONDS);

        JetStream other = JetStream.of(nc, JetStreamOptions.builder().apiPrefix("$JS.other.API.").build());
        CompletableFuture<List<String>> names = CompletableFuture.supplyAsync(other::streamNames);
        FakeJetStream.Pub page1 = fake.next("$JS.other.API.STREAM.NAMES");
        assertTrue(page1.payload().contains("\"offset\":0"), page1.payload());
        fake.reply(page1.reply(), "{\"total\":3,\"offset\":0,\"limit\":2,\"streams\":[\"a\",\"b\"]}");
        FakeJetStream.Pub page2 = fake.next("$JS.other.API.STREAM.NAMES");
        assertTrue(page2.payload().contains("\"offset\":2"), page2.payload());
        fake.reply(page2.reply(), "{\"total\":3,\"offset\":2,\"limit\":2,\"streams\":[\"c\"]}");
        assertEquals(List.of("a", "b", "c"), names.get(10, TimeUnit.SECONDS));

        CompletableFuture<PubAck> ack = CompletableFuture.supplyAsync(() -> js.publish("S.x", new byte[1]));
        fake.reply(fake.next("S.x").reply(), "{\"stream\":\"S\",\"seq\":9,\"domain\":\"hub\"}");
        assertEquals(new PubAck("S", 9, false, java.util.Optional.of("hub")), ack.get(10, TimeUnit.SECONDS));

        CompletableFuture<StreamInfo> bad = CompletableFuture.supplyAsync(() -> js.streamInfo("S"));
        fake.reply(fake.next("$JS.API.STREAM.INFO.S").reply(), "not json");
        assertTrue(failure(bad, JetStreamException.class).getMessage().contains("malformed JSON"));
    }

    @Test
    void acknowledgementsAfterATerminalOneAreNotSent() throws Exception {
        Consumer c = bind();
        CompletableFuture<List<JetStreamMessage>> f = CompletableFuture.supplyAsync(() -> c.fetch(1, Duration.ofSeconds(5)));
        fake.deliver(fake.next(NEXT).reply(), "S", "C", 7, 1, 0, "x");
        JetStreamMessage m = f.get(10, TimeUnit.SECONDS).get(0);
        m.inProgress();
        m.ack();
        m.nak();
        m.term("late");
        m.inProgress();
        nc.publish("marker", new byte[0]);
        String ackSubject = m.replyTo().orElseThrow();
        assertEquals("+WPI", fake.next(ackSubject).payload());
        assertEquals("+ACK", fake.next(ackSubject).payload());
        FakeJetStream.Pub after = fake.next("");
        assertEquals("marker", after.subject(), "nothing was sent for the acknowledgements after the ack");
    }
}
