package io.nats4j.jetstream;

import static io.nats4j.jetstream.JsTestSupport.unique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.protocol.NatsIllegalArgumentException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StreamTest {

    @RegisterExtension
    static NatsServerExtension nats = NatsServerExtension.withConfig(JsTestSupport.jetStream());

    private Connection nc;
    private JetStream js;

    @BeforeEach
    void connect() {
        nc = JsTestSupport.connect(nats.server().url());
        js = JetStream.of(nc);
    }

    @AfterEach
    void close() {
        nc.close();
        JsTestSupport.assertNoLeaks();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void createInfoUpdateDeleteOnBothStorages(StorageType storage) {
        String name = unique("S");
        StreamConfig cfg = StreamConfig.builder().name(name).subjects(name + ".>").storage(storage)
                .maxMessages(100).maxAge(Duration.ofHours(1)).description("first").build();
        StreamInfo created = js.createStream(cfg);
        assertEquals(name, created.config().name());
        assertEquals(storage, created.config().storage());
        assertEquals(100, created.config().maxMessages());
        assertEquals(Duration.ofHours(1), created.config().maxAge());
        assertEquals(Duration.ofMinutes(2), created.config().duplicateWindow(), "server default filled in");
        assertEquals(0, created.state().messages());

        assertEquals(created.config(), js.createStream(cfg).config(), "same config again is accepted");
        JetStreamApiException clash = assertThrows(JetStreamApiException.class,
                () -> js.createStream(cfg.toBuilder().maxMessages(5).build()));
        assertEquals(JetStreamApiException.STREAM_NAME_IN_USE, clash.errorCode());

        StreamInfo updated = js.updateStream(created.config().toBuilder().description("second").maxMessages(50).build());
        assertEquals("second", updated.config().description());
        assertEquals(50, updated.config().maxMessages());

        js.publish(name + ".a", bytes("x"));
        assertEquals(1, js.stream(name).info().state().messages());
        assertTrue(js.streamNames().contains(name));
        assertTrue(js.streamNames(name + ".a").contains(name));
        assertFalse(js.streamNames("elsewhere.>").contains(name));
        assertTrue(js.streams().stream().anyMatch(i -> i.config().name().equals(name)));

        assertTrue(js.deleteStream(name));
        assertFalse(js.deleteStream(name), "already gone");
        JetStreamApiException missing = assertThrows(JetStreamApiException.class, () -> js.stream(name));
        assertEquals(JetStreamApiException.STREAM_NOT_FOUND, missing.errorCode());
        assertEquals(404, missing.code());
    }

    @Test
    void createOrUpdateCreatesThenUpdates() {
        String name = unique("COU");
        StreamConfig cfg = StreamConfig.builder().name(name).subjects(name).build();
        assertEquals(-1, js.createOrUpdateStream(cfg).config().maxBytes());
        assertEquals(1024 * 1024, js.createOrUpdateStream(cfg.toBuilder().maxBytes(1024 * 1024).build())
                .config().maxBytes());
        assertThrows(JetStreamApiException.class, () -> js.updateStream(cfg.toBuilder().name(unique("NOPE")).build()));
    }

    @Test
    void unknownServerFieldsSurviveARoundTrip() {
        String name = unique("UNK");
        // max_consumers is a real server field this version does not model
        StreamInfo info = js.createStream(StreamConfig.builder().name(name).subjects(name)
                .unknownField("max_consumers", "7").build());
        assertEquals("7", info.config().unknownFields().get("max_consumers"));
        StreamInfo updated = js.updateStream(info.config().toBuilder().description("kept").build());
        assertEquals("7", updated.config().unknownFields().get("max_consumers"), "sent back unchanged on update");
        assertEquals("kept", updated.config().description());
    }

    @Test
    void invalidNamesAreRefusedBeforeAnyRequest() {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                () -> StreamConfig.builder().name("a.b").build());
        assertTrue(e.getMessage().contains("a.b"), e.getMessage());
        assertThrows(NatsIllegalArgumentException.class, () -> StreamConfig.builder().build());
        assertThrows(NatsIllegalArgumentException.class, () -> js.stream("has space"));
        assertThrows(NatsIllegalArgumentException.class, () -> PurgeOptions.builder().sequence(3).keep(1).build());
    }

    /** A stream of 10 messages, alternately on {@code .even} and {@code .odd}. */
    private Stream tenMessages() {
        String name = unique("P");
        js.createStream(StreamConfig.builder().name(name).subjects(name + ".*").build());
        for (int i = 0; i < 10; i++) {
            js.publish(name + (i % 2 == 0 ? ".even" : ".odd"), bytes("m" + i));
        }
        return js.stream(name);
    }

    @Test
    void purgeAllBySubjectKeepAndSequence() {
        Stream bySubject = tenMessages();
        assertEquals(5, bySubject.purge(PurgeOptions.builder().subject(bySubject.name() + ".odd").build()));
        assertEquals(5, bySubject.info().state().messages());
        Stream keep = tenMessages();
        assertEquals(7, keep.purge(PurgeOptions.builder().keep(3).build()));
        assertEquals(8, keep.info().state().firstSequence());
        Stream bySeq = tenMessages();
        assertEquals(4, bySeq.purge(PurgeOptions.builder().sequence(5).build()), "everything below 5");
        assertEquals(5, bySeq.info().state().firstSequence());
        assertEquals(6, bySeq.purge());
        assertEquals(0, bySeq.info().state().messages());
    }

    @ParameterizedTest
    @EnumSource(names = {"FILE", "MEMORY"})
    void messageGetByApiAndDirectGet(StorageType storage) {
        for (boolean direct : new boolean[] {false, true}) {
            String name = unique("G");
            js.createStream(StreamConfig.builder().name(name).subjects(name + ".*").storage(storage)
                    .allowDirect(direct).build());
            Headers h = new Headers().add("k", "v1").add("k", "v2");
            PubAck first = js.publish(name + ".a", h, bytes("one"), PublishOptions.DEFAULT);
            js.publish(name + ".b", bytes("two"));
            js.publish(name + ".a", bytes("three"));
            Stream s = js.stream(name);
            assertEquals(direct, s.cachedInfo().config().allowDirect());

            StoredMessage m1 = s.message(first.sequence()).orElseThrow();
            assertEquals(name + ".a", m1.subject());
            assertEquals(1, m1.sequence());
            assertArrayEquals(bytes("one"), m1.data());
            assertEquals(List.of("v1", "v2"), m1.headers().values("k"), "direct=" + direct);
            assertTrue(m1.time().getEpochSecond() > 0);

            StoredMessage lastA = s.lastMessage(name + ".a").orElseThrow();
            assertEquals(3, lastA.sequence());
            assertArrayEquals(bytes("three"), lastA.data());
            assertEquals(2, s.nextMessage(2, name + ".b").orElseThrow().sequence());
            assertEquals(Optional.empty(), s.message(99));
            assertEquals(Optional.empty(), s.lastMessage(name + ".none"));

            assertTrue(s.deleteMessage(2));
            assertEquals(Optional.empty(), s.message(2));
            assertEquals(2, s.info().state().messages());
        }
    }

    @Test
    void deletingAMessageOfADenyDeleteStreamFailsWithTheApiError() {
        String name = unique("DD");
        js.createStream(StreamConfig.builder().name(name).subjects(name).denyDelete(true).build());
        js.publish(name, bytes("x"));
        JetStreamApiException e = assertThrows(JetStreamApiException.class, () -> js.stream(name).deleteMessage(1));
        assertTrue(e.errorCode() > 0, e.toString());
    }

    @Test
    void accountInfoCountsStreams() {
        String name = unique("A");
        js.createStream(StreamConfig.builder().name(name).subjects(name).build());
        AccountInfo ai = js.accountInfo();
        assertTrue(ai.streams() >= 1, ai.toString());
        assertTrue(ai.limits().maxMemory() != 0, ai.toString());
        assertTrue(js.streams().stream().map(i -> i.config().name()).collect(Collectors.toList()).contains(name));
    }
}
