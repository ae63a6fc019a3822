package io.nats4j.jetstream;

import static io.nats4j.jetstream.JsTestSupport.WAIT;
import static io.nats4j.jetstream.JsTestSupport.await;
import static io.nats4j.jetstream.JsTestSupport.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrderedConsumerTest {

    @RegisterExtension
    static NatsServerExtension nats = NatsServerExtension.withConfig(JsTestSupport.jetStream());

    private Connection nc;
    private JetStream js;
    private String stream;

    @BeforeEach
    void setUp() {
        nc = JsTestSupport.connect(nats.server().url());
        js = JetStream.of(nc);
        stream = unique("ORD");
        js.createStream(StreamConfig.builder().name(stream).subjects(stream + ".>").build());
    }

    @AfterEach
    void tearDown() {
        nc.close();
        JsTestSupport.assertNoLeaks();
    }

    private void publish(JetStream j, int from, int to) {
        for (int i = from; i < to; i++) {
            j.publish(stream + (i % 3 == 0 ? ".a" : ".b"), Integer.toString(i).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static int value(JetStreamMessage m) {
        return Integer.parseInt(new String(m.data(), StandardCharsets.UTF_8));
    }

    @Test
    void fetchReadsEverythingInOrderAndFilters() {
        publish(js, 0, 30);
        Consumer all = js.orderedConsumer(stream, OrderedConsumerConfig.DEFAULT);
        List<Integer> seen = new ArrayList<>();
        for (int attempt = 0; attempt < 10 && seen.size() < 30; attempt++) {
            for (JetStreamMessage m : all.fetch(7, Duration.ofSeconds(2))) {
                seen.add(value(m));
            }
        }
        for (int i = 0; i < 30; i++) {
            assertEquals(i, seen.get(i));
        }
        assertEquals(List.of(), all.fetchNoWait(5));

        Consumer onlyA = js.orderedConsumer(stream, OrderedConsumerConfig.builder().filterSubject(stream + ".a")
                .startSequence(10).build());
        List<JetStreamMessage> a = onlyA.fetch(100, Duration.ofMillis(500));
        assertEquals(List.of(9, 12, 15, 18, 21, 24, 27), a.stream().map(OrderedConsumerTest::value)
                .collect(java.util.stream.Collectors.toList()));
        assertEquals(0, a.get(a.size() - 1).metadata().pending());
    }

    @Test
    void fetchRecreatesAfterTheConsumerIsDeleted() {
        publish(js, 0, 10);
        Consumer c = js.orderedConsumer(stream, OrderedConsumerConfig.DEFAULT);
        List<JetStreamMessage> first = c.fetch(4, Duration.ofSeconds(2));
        assertEquals(4, first.size());
        String before = c.name();
        assertTrue(js.deleteConsumer(stream, before));
        List<Integer> rest = new ArrayList<>();
        for (int attempt = 0; attempt < 5 && rest.size() < 6; attempt++) {
            c.fetch(10, Duration.ofSeconds(1)).forEach(m -> rest.add(value(m)));
        }
        assertEquals(List.of(4, 5, 6, 7, 8, 9), rest, "continues right after the last message handed out");
        assertNotEquals(before, c.name());
    }

    @Test
    void consumeSurvivesDeletedConsumersWithoutGapsOrDuplicates() throws Exception {
        publish(js, 0, 200);
        Consumer c = js.orderedConsumer(stream, OrderedConsumerConfig.DEFAULT);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<JetStreamException> warnings = new CopyOnWriteArrayList<>();
        ConsumeOptions opts = ConsumeOptions.builder().batchSize(20).expires(Duration.ofSeconds(2))
                .errorListener((e, terminal) -> warnings.add(e)).build();
        ConsumeContext cc = c.consume(opts, m -> seen.add(value(m)));
        await("first half", () -> seen.size() >= 100);
        js.deleteConsumer(stream, c.name());
        publish(js, 200, 300);
        await("all 300 after the re-creation", () -> seen.size() >= 300);
        cc.stop();
        cc.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        for (int i = 0; i < 300; i++) {
            assertEquals(i, seen.get(i), "in order, no gap, no duplicate");
        }
        assertEquals(300, seen.size());
        await("the ordered consumer's server consumer removed at the end", () -> js.consumerNames(stream).isEmpty());
    }

    @Test
    void iteratorStyleAndOneConsumeAtATime() {
        publish(js, 0, 50);
        Consumer c = js.orderedConsumer(stream, OrderedConsumerConfig.DEFAULT);
        try (MessageStream ms = c.messages(ConsumeOptions.builder().batchSize(8).build())) {
            assertThrows(io.nats4j.protocol.NatsIllegalArgumentException.class, () -> c.fetch(1, Duration.ofSeconds(1)));
            for (int i = 0; i < 50; i++) {
                assertEquals(i, value(ms.next(WAIT).orElseThrow()));
            }
            assertEquals(java.util.Optional.empty(), ms.next(Duration.ofMillis(200)));
        }
    }

    @Test
    void consumeAcrossAServerRestart() throws Exception {
        try (NatsServer own = NatsServer.start(JsTestSupport.jetStream());
             Connection c = JsTestSupport.connect(own.url())) {
            JetStream j = JetStream.of(c);
            j.createStream(StreamConfig.builder().name(stream).subjects(stream + ".>").build());
            publish(j, 0, 100);
            List<Integer> seen = new CopyOnWriteArrayList<>();
            ConsumeContext cc = j.orderedConsumer(stream, OrderedConsumerConfig.DEFAULT).consume(
                    ConsumeOptions.builder().batchSize(10).expires(Duration.ofSeconds(2)).build(), m -> seen.add(value(m)));
            await("some before the restart", () -> seen.size() >= 30);
            own.restart();
            await("reconnected", () -> c.status() == io.nats4j.client.Status.CONNECTED);
            publish(j, 100, 150);
            await("all 150 after the restart: " + seen.size(), () -> seen.size() >= 150);
            cc.stop();
            cc.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            for (int i = 0; i < 150; i++) {
                assertEquals(i, seen.get(i));
            }
        }
    }
}
