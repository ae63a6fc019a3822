package io.nats4j.jetstream;

import static io.nats4j.jetstream.JsTestSupport.WAIT;
import static io.nats4j.jetstream.JsTestSupport.await;
import static io.nats4j.jetstream.JsTestSupport.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Status;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(LeakCheckExtension.class)
class ConsumeTest {

    @RegisterExtension
    static NatsServerExtension nats = NatsServerExtension.withConfig(JsTestSupport.jetStream());

    private Connection nc;
    private JetStream js;
    private String stream;

    @BeforeEach
    void setUp() {
        nc = JsTestSupport.connect(nats.server().url());
        js = JetStream.of(nc);
        stream = unique("CS");
        js.createStream(StreamConfig.builder().name(stream).subjects(stream + ".>").build());
    }

    @AfterEach
    void tearDown() {
        nc.close();
        JsTestSupport.assertNoLeaks();
    }

    private static void publish(JetStream j, String subject, int from, int to) {
        for (int i = from; i < to; i++) {
            j.publish(subject, Integer.toString(i).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static int value(JetStreamMessage m) {
        return Integer.parseInt(new String(m.data(), StandardCharsets.UTF_8));
    }

    private Consumer durable(JetStream j, String name) {
        j.createConsumer(stream, ConsumerConfig.builder().durable(name).ackWait(Duration.ofSeconds(30)).build());
        return j.consumer(stream, name);
    }

    @Test
    void callbackConsumeGetsEverythingOnTheJetStreamExecutor() throws Exception {
        publish(js, stream + ".a", 0, 500);
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ConsumeContext cc = durable(js, "cb").consume(ConsumeOptions.builder().batchSize(50).build(), m -> {
            threads.add(Thread.currentThread().getName());
            seen.add(value(m));
            m.ack();
        });
        publish(js, stream + ".a", 500, 1000);
        await("all 1000", () -> seen.size() == 1000);
        cc.stop();
        cc.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(threads.stream().allMatch(t -> t.startsWith("nats4j-js-")), threads.toString());
    }

    @Test
    void theBufferNeverHoldsMoreThanTheBatch() throws Exception {
        publish(js, stream + ".a", 0, 100);
        CountDownLatch release = new CountDownLatch(1);
        Consumer c = durable(js, "bound");
        ConsumeContext cc = c.consume(ConsumeOptions.builder().batchSize(10).build(), m -> {
            release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            m.ack();
        });
        try {
            await("10 delivered", () -> c.info().numAckPending() == 10);
            assertEquals(10, c.info().numAckPending(), "no more than the batch while the handler is stuck");
            assertEquals(90, c.info().numPending());
        } finally {
            release.countDown();
        }
        await("all acked", () -> c.info().numPending() == 0 && c.info().numAckPending() == 0);
        cc.close();
    }

    @Test
    void aSlowHandlerWithNothingRequestedIsNotAMissedHeartbeat() throws Exception {
        publish(js, stream + ".a", 0, 5);
        CountDownLatch warned = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Consumer c = durable(js, "slow");
        ConsumeContext cc = c.consume(ConsumeOptions.builder().batchSize(5).expires(Duration.ofSeconds(1))
                .idleHeartbeat(Duration.ofMillis(500)).errorListener((e, t) -> warned.countDown()).build(), m -> {
                    release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    m.ack();
                });
        try {
            await("all 5 delivered, none requested", () -> c.info().numAckPending() == 5);
            assertEquals(false, warned.await(1500, TimeUnit.MILLISECONDS),
                    "three heartbeat intervals with a full buffer and no request open: no alarm");
        } finally {
            release.countDown();
        }
        cc.close();
    }

    @Test
    void iteratorAndBytesMode() {
        publish(js, stream + ".a", 0, 60);
        Consumer c = durable(js, "it");
        try (MessageStream ms = c.messages(ConsumeOptions.builder().maxBytes(1000).build())) {
            for (int i = 0; i < 60; i++) {
                JetStreamMessage m = ms.next(WAIT).orElseThrow();
                assertEquals(i, value(m));
                m.ack();
            }
            assertEquals(java.util.Optional.empty(), ms.next(Duration.ofMillis(200)));
        }
    }

    @Test
    void stopLosesNothing() throws Exception {
        publish(js, stream + ".a", 0, 300);
        // A pull request still open at the server when stop's UNSUB reaches it can be served in that same
        // instant: those few messages count as delivered there but never reach the client, and come back
        // after ack_wait. A short ack_wait lets this test see them come back instead of waiting 30 s.
        js.createConsumer(stream, ConsumerConfig.builder().durable("stop").ackWait(Duration.ofSeconds(3)).build());
        Consumer c = js.consumer(stream, "stop");
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        ConsumeContext cc = c.consume(ConsumeOptions.builder().batchSize(40).build(), m -> {
            seen.add(value(m));
            m.ack();
        });
        await("some", () -> seen.size() >= 50);
        cc.stop();
        cc.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        int handled = seen.size();
        assertTrue(handled < 300, "stopped early: " + handled);
        for (int i = 0; i < 40 && seen.size() < 300; i++) {
            for (JetStreamMessage m : c.fetch(100, Duration.ofMillis(500))) {
                assertTrue(seen.add(value(m)), "no redelivery of a handled message");
                m.ack();
            }
        }
        assertEquals(300, seen.size(), "the rest is still there for the next reader");
        await("every message acked", () -> c.info().numAckPending() == 0);
    }

    @Test
    void handlerExceptionsAreReportedAndConsumptionGoesOn() throws Exception {
        publish(js, stream + ".a", 0, 5);
        List<String> warnings = new CopyOnWriteArrayList<>();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        ConsumeContext cc = durable(js, "boom").consume(ConsumeOptions.builder()
                .errorListener((e, t) -> warnings.add(e.getMessage())).build(), m -> {
                    seen.add(value(m));
                    m.ack();
                    if (value(m) == 2) {
                        throw new IllegalStateException("boom");
                    }
                });
        await("all 5", () -> seen.size() == 5);
        await("reported", () -> warnings.stream().anyMatch(w -> w.contains("handler failed")));
        cc.close();
        cc.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void deletingTheConsumerEndsConsume() throws Exception {
        Consumer c = durable(js, "del");
        List<Boolean> terminal = new CopyOnWriteArrayList<>();
        ConsumeContext cc = c.consume(ConsumeOptions.builder().errorListener((e, t) -> terminal.add(t)).build(),
                JetStreamMessage::ack);
        await("pull waiting at the server", () -> c.info().numWaiting() == 1);
        js.deleteConsumer(stream, "del");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> cc.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        JetStreamStatusException s = assertInstanceOf(JetStreamStatusException.class, e.getCause());
        assertEquals(409, s.status());
        assertEquals("Consumer Deleted", s.description());
        await("terminal reported", () -> terminal.contains(Boolean.TRUE));
    }

    @Test
    void consumeAcrossAServerRestartWithoutLossOrStall() throws Exception {
        try (NatsServer own = NatsServer.start(JsTestSupport.jetStream());
             Connection c = JsTestSupport.connect(own.url())) {
            JetStream j = JetStream.of(c);
            j.createStream(StreamConfig.builder().name(stream).subjects(stream + ".>").build());
            publish(j, stream + ".a", 0, 200);
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            ConsumeContext cc = durable(j, "rs").consume(ConsumeOptions.builder().batchSize(20)
                    .expires(Duration.ofSeconds(2)).build(), m -> {
                        seen.add(value(m));
                        m.ack();
                    });
            await("some before the restart", () -> seen.size() >= 50);
            own.restart();
            await("reconnected", () -> c.status() == Status.CONNECTED);
            publish(j, stream + ".a", 200, 300);
            await("all 300 after the restart, got " + seen.size(), () -> seen.size() == 300);
            cc.stop();
            cc.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
