package io.nats4j.jetstream;

import static io.nats4j.jetstream.JsTestSupport.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.testing.NatsServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConsumerTest {

    @RegisterExtension
    static NatsServerExtension nats = NatsServerExtension.withConfig(JsTestSupport.jetStream());

    private Connection nc;
    private JetStream js;
    private String stream;

    @BeforeEach
    void setUp() {
        nc = JsTestSupport.connect(nats.server().url());
        js = JetStream.of(nc);
        stream = unique("CON");
        js.createStream(StreamConfig.builder().name(stream).subjects(stream + ".>").build());
    }

    @AfterEach
    void tearDown() {
        nc.close();
        JsTestSupport.assertNoLeaks();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void publish(int n) {
        for (int i = 0; i < n; i++) {
            js.publish(stream + ".m", bytes("m" + i));
        }
    }

    private Consumer durable(String name, ConsumerConfig.Builder b) {
        js.createConsumer(stream, b.durable(name).build());
        return js.consumer(stream, name);
    }

    @Test
    void createUpdateInfoListDelete() {
        ConsumerInfo ci = js.createConsumer(stream, ConsumerConfig.builder().durable("d1").filterSubject(stream + ".m")
                .ackWait(Duration.ofSeconds(7)).maxDeliver(3).description("one").build());
        assertEquals("d1", ci.name());
        assertEquals(stream, ci.stream());
        assertEquals(Duration.ofSeconds(7), ci.config().ackWait());
        assertEquals(3, ci.config().maxDeliver());
        assertEquals(Optional.of(stream + ".m"), ci.config().filterSubject());

        ConsumerInfo up = js.updateConsumer(stream, ci.config().toBuilder().description("two").maxDeliver(5).build());
        assertEquals("two", up.config().description());
        assertEquals(5, up.config().maxDeliver());
        assertEquals("two", js.createOrUpdateConsumer(stream, up.config()).config().description());

        ConsumerInfo eph = js.createConsumer(stream, ConsumerConfig.builder().name("eph1")
                .inactiveThreshold(Duration.ofSeconds(30)).build());
        assertEquals("eph1", eph.name());
        assertTrue(eph.config().durable().isEmpty());
        ConsumerInfo serverNamed = js.createConsumer(stream, ConsumerConfig.builder().build());
        assertFalse(serverNamed.name().isEmpty());

        assertEquals(List.of("d1", "eph1", serverNamed.name()).stream().sorted().collect(Collectors.toList()),
                js.consumerNames(stream).stream().sorted().collect(Collectors.toList()));
        assertEquals(3, js.consumers(stream).size());
        assertEquals(3, js.streamInfo(stream).state().consumerCount());

        assertTrue(js.deleteConsumer(stream, "d1"));
        assertFalse(js.deleteConsumer(stream, "d1"));
        JetStreamApiException e = assertThrows(JetStreamApiException.class, () -> js.consumer(stream, "d1"));
        assertEquals(JetStreamApiException.CONSUMER_NOT_FOUND, e.errorCode());
        JetStreamApiException upd = assertThrows(JetStreamApiException.class,
                () -> js.updateConsumer(stream, ConsumerConfig.builder().durable("ghost").build()));
        assertEquals(JetStreamApiException.CONSUMER_NOT_FOUND, upd.errorCode(), "2.9: checked before the update");
        assertThrows(JetStreamApiException.class, () -> js.consumer("NOSUCHSTREAM", "x"));
    }

    @Test
    void unknownConsumerFieldsAreKept() {
        ConsumerInfo ci = js.createConsumer(stream, ConsumerConfig.builder().durable("unk")
                .unknownField("replay_policy", "\"original\"").build());
        assertEquals("\"original\"", ci.config().unknownFields().get("replay_policy"));
        ConsumerInfo up = js.updateConsumer(stream, ci.config().toBuilder().description("x").build());
        assertEquals("\"original\"", up.config().unknownFields().get("replay_policy"));
    }

    @Test
    void fetchNextNoWaitAndBytes() {
        publish(10);
        Consumer c = durable("f", ConsumerConfig.builder());
        List<JetStreamMessage> four = c.fetch(4, Duration.ofSeconds(2));
        assertEquals(4, four.size());
        four.forEach(JetStreamMessage::ack);
        assertEquals("m0", new String(four.get(0).data(), StandardCharsets.UTF_8));
        JetStreamMessage fifth = c.next(Duration.ofSeconds(2)).orElseThrow();
        assertEquals(5, fifth.metadata().streamSequence());
        fifth.ack();
        List<JetStreamMessage> rest = c.fetchNoWait(100);
        assertEquals(5, rest.size(), "no-wait hands out what is there");
        rest.forEach(JetStreamMessage::ack);
        assertEquals(List.of(), c.fetchNoWait(10));
        assertEquals(Optional.empty(), c.next(Duration.ofMillis(300)), "nothing came in time");
        assertEquals(List.of(), c.fetch(3, Duration.ofMillis(300)));

        publish(5);
        // each message is about 70 bytes as the server counts them: 150 bytes buy two
        List<JetStreamMessage> byBytes = c.fetchBytes(150, Duration.ofSeconds(1));
        assertEquals(2, byBytes.size(), "server-side size accounting");
    }

    @Test
    void metadataAndAcks() {
        publish(3);
        Consumer c = durable("a", ConsumerConfig.builder().ackWait(Duration.ofSeconds(30)));
        JetStreamMessage m = c.next(Duration.ofSeconds(2)).orElseThrow();
        MessageMetadata md = m.metadata();
        assertEquals(stream, md.stream());
        assertEquals("a", md.consumer());
        assertEquals(1, md.streamSequence());
        assertEquals(1, md.consumerSequence());
        assertEquals(1, md.deliveredCount());
        assertEquals(2, md.pending());
        assertTrue(md.timestamp().getEpochSecond() > 1_600_000_000L);

        m.nak();
        // the server applies acks asynchronously: the redelivery may come after 2 and 3
        java.util.Map<Long, JetStreamMessage> bySeq = new java.util.HashMap<>();
        for (int i = 0; i < 5 && bySeq.size() < 3; i++) {
            c.fetch(3 - bySeq.size(), Duration.ofSeconds(2)).forEach(x -> bySeq.put(x.metadata().streamSequence(), x));
        }
        JetStreamMessage again = bySeq.get(1L);
        assertEquals(2, again.metadata().deliveredCount(), "redelivered after a nak");
        again.inProgress();
        again.ackSync(Duration.ofSeconds(2));
        again.nak(); // ignored: the ack was terminal

        bySeq.get(2L).term("not for me");
        JetStreamMessage third = bySeq.get(3L);
        third.nak(Duration.ofMillis(200));
        JetStreamMessage delayed = c.next(Duration.ofSeconds(3)).orElseThrow();
        assertEquals(3, delayed.metadata().streamSequence(), "redelivered after the nak delay");
        delayed.ack();
        nc.flush(Duration.ofSeconds(2));
        JsTestSupport.await("acks applied: " + c.info(), Duration.ofSeconds(3), () -> c.info().numAckPending() == 0);
        ConsumerInfo ci = c.info();
        assertEquals(0, ci.numPending());
        assertEquals(3, ci.ackFloorStreamSequence());
    }
}
