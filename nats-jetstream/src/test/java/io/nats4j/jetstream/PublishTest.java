package io.nats4j.jetstream;

import static io.nats4j.jetstream.JsTestSupport.WAIT;
import static io.nats4j.jetstream.JsTestSupport.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.protocol.NoRespondersException;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PublishTest {

    @RegisterExtension
    static NatsServerExtension nats = NatsServerExtension.withConfig(JsTestSupport.jetStream());

    private Connection nc;
    private JetStream js;
    private String stream;

    @BeforeEach
    void setUp() {
        nc = JsTestSupport.connect(nats.server().url());
        js = JetStream.of(nc);
        stream = unique("PUB");
        js.createStream(StreamConfig.builder().name(stream).subjects(stream + ".>").storage(StorageType.MEMORY).build());
    }

    @AfterEach
    void tearDown() {
        nc.close();
        JsTestSupport.assertNoLeaks();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void publishReturnsTheStreamAndSequence() {
        PubAck a = js.publish(stream + ".a", bytes("1"));
        PubAck b = js.publish(stream + ".b", new Headers().add("x", "y"), bytes("2"), PublishOptions.DEFAULT);
        assertEquals(stream, a.stream());
        assertEquals(1, a.sequence());
        assertEquals(2, b.sequence());
        assertFalse(a.duplicate());
        assertEquals("y", js.stream(stream).message(2).orElseThrow().headers().first("x").orElseThrow());
    }

    @Test
    void messageIdDeduplicates() {
        PublishOptions id = PublishOptions.builder().messageId("order-1").build();
        PubAck first = js.publish(stream + ".a", null, bytes("1"), id);
        PubAck again = js.publish(stream + ".a", null, bytes("1"), id);
        assertFalse(first.duplicate());
        assertTrue(again.duplicate());
        assertEquals(first.sequence(), again.sequence());
        assertEquals(1, js.stream(stream).info().state().messages());
    }

    @Test
    void everyExpectationIsCheckedByTheStream() {
        js.publish(stream + ".a", null, bytes("1"), PublishOptions.builder().messageId("m1").build());
        String s = stream + ".a";
        assertEquals(JetStreamApiException.STREAM_NOT_MATCH, assertThrows(JetStreamApiException.class,
                () -> js.publish(s, null, bytes("x"), PublishOptions.builder().expectedStream("OTHER").build())).errorCode());
        assertEquals(JetStreamApiException.STREAM_WRONG_LAST_SEQUENCE, assertThrows(JetStreamApiException.class,
                () -> js.publish(s, null, bytes("x"), PublishOptions.builder().expectedLastSequence(5).build())).errorCode());
        assertEquals(JetStreamApiException.STREAM_WRONG_LAST_MSG_ID, assertThrows(JetStreamApiException.class,
                () -> js.publish(s, null, bytes("x"), PublishOptions.builder().expectedLastMessageId("nope").build()))
                .errorCode());
        assertEquals(JetStreamApiException.STREAM_WRONG_LAST_SEQUENCE, assertThrows(JetStreamApiException.class,
                () -> js.publish(s, null, bytes("x"), PublishOptions.builder().expectedLastSubjectSequence(0).build()))
                .errorCode(), "the subject already has a message");

        PublishOptions all = PublishOptions.builder().expectedStream(stream).expectedLastSequence(1)
                .expectedLastMessageId("m1").expectedLastSubjectSequence(1).build();
        assertEquals(2, js.publish(s, null, bytes("ok"), all).sequence());
        assertEquals(3, js.publish(stream + ".fresh", null, bytes("ok"),
                PublishOptions.builder().expectedLastSubjectSequence(0).build()).sequence());
    }

    @Test
    void publishWithoutAStreamFailsAfterTheBoundedRetries() {
        NoRespondersException e = assertThrows(NoRespondersException.class, () -> js.publish("nostream.here", bytes("x")));
        assertTrue(e.getMessage().contains("nostream.here") || e.getMessage().length() > 0);
        CompletableFuture<PubAck> f = js.publishAsync("nostream.here", null, bytes("x"), PublishOptions.DEFAULT);
        CompletionException ce = assertThrows(CompletionException.class, f::join);
        assertInstanceOf(NoRespondersException.class, ce.getCause());
    }

    @Test
    void tooLargeForTheStreamIsAnApiError() {
        String small = unique("SMALL");
        js.createStream(StreamConfig.builder().name(small).subjects(small).maxMessageSize(10).build());
        JetStreamApiException e = assertThrows(JetStreamApiException.class, () -> js.publish(small, new byte[11]));
        assertEquals(JetStreamApiException.MAXIMUM_MESSAGE_SIZE_EXCEEDED, e.errorCode());
    }

    @Test
    void publishAsyncManyThenComplete() throws Exception {
        JetStream bounded = JetStream.of(nc, JetStreamOptions.builder().maxPendingAsyncPublishes(50).build());
        List<CompletableFuture<PubAck>> acks = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            acks.add(bounded.publishAsync(stream + ".async", null, bytes("m" + i), PublishOptions.DEFAULT));
            assertTrue(bounded.publishAsyncPending() <= 50, "in flight bounded");
        }
        bounded.publishAsyncComplete(WAIT).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        long max = 0;
        for (CompletableFuture<PubAck> f : acks) {
            assertTrue(f.isDone());
            max = Math.max(max, f.join().sequence());
        }
        assertEquals(2000, max);
        assertEquals(2000, js.stream(stream).info().state().messages());
        assertEquals(0, bounded.publishAsyncPending());
    }

    @Test
    void publishAsyncCompletionsRunOnTheJetStreamExecutor() throws Exception {
        CompletableFuture<String> thread = js.publishAsync(stream + ".t", null, bytes("x"), PublishOptions.DEFAULT)
                .thenApply(a -> Thread.currentThread().getName());
        String name = thread.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(name.startsWith("nats4j-js-"), name);
    }

    @Test
    void publishAsyncWithTheServerKilledTimesOutAndStaysBounded() throws Exception {
        try (NatsServer own = NatsServer.start(JsTestSupport.jetStream());
             Connection c = JsTestSupport.connect(own.url())) {
            JetStream j = JetStream.of(c, JetStreamOptions.builder().maxPendingAsyncPublishes(5)
                    .requestTimeout(Duration.ofSeconds(2)).build());
            j.createStream(StreamConfig.builder().name("K").subjects("k").build());
            assertEquals(1, j.publishAsync("k", null, bytes("before"), PublishOptions.DEFAULT).get(5, TimeUnit.SECONDS)
                    .sequence());
            own.kill();
            List<CompletableFuture<PubAck>> lost = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                lost.add(j.publishAsync("k", null, bytes("lost" + i), PublishOptions.DEFAULT));
            }
            NatsTimeoutException full = assertThrows(NatsTimeoutException.class,
                    () -> j.publishAsync("k", null, bytes("sixth"),
                            PublishOptions.builder().timeout(Duration.ofMillis(100)).build()),
                    "no room while 5 are outstanding: back-pressure, then a timeout");
            assertTrue(full.getMessage().contains("outstanding"), full.getMessage());
            for (CompletableFuture<PubAck> f : lost) {
                CompletionException e = assertThrows(CompletionException.class, f::join);
                assertInstanceOf(NatsTimeoutException.class, e.getCause());
            }
            assertEquals(0, j.publishAsyncPending());
            j.publishAsyncComplete(WAIT).get(5, TimeUnit.SECONDS);
        }
    }
}
