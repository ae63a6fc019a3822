package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Message;
import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.protocol.NoRespondersException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request/reply over the inbox subscription, replies fed by hand. */
class RequestMuxTest {

    private final EngineParts parts = new EngineParts();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final RequestMux mux = new RequestMux("_INBOX", parts.registry, timer);
    private final List<String> replyTo = new ArrayList<>();
    private final RequestMux.Publisher publisher = (subject, reply, headers, data) -> replyTo.add(reply);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void aReplyOnTheInboxCompletesItsRequestOnly() {
        CompletableFuture<Message> one = mux.request("svc", null, new byte[0], Duration.ofMinutes(1), publisher);
        CompletableFuture<Message> two = mux.request("svc", null, new byte[0], Duration.ofMinutes(1), publisher);
        assertEquals(2, mux.pending());
        String second = replyTo.get(1);
        assertTrue(second.startsWith("_INBOX.") && !second.equals(replyTo.get(0)));
        parts.receive("MSG " + second + " 1 3\r\ntwo\r\n");
        assertEquals("two", two.join().dataAsString());
        assertTrue(!one.isDone());
        parts.receive("MSG " + second + " 1 3\r\ndup\r\nMSG _INBOX.short 1 0\r\n\r\n"); // late or foreign: ignored
        mux.failAll(new NatsConnectionException("connection closed"));
        CompletionException e = assertThrows(CompletionException.class, one::join);
        assertTrue(e.getCause() instanceof NatsConnectionException);
        assertEquals(0, mux.pending());
    }

    @Test
    void aStatus503IsNoResponders() {
        CompletableFuture<Message> f = mux.request("nobody", null, new byte[0], Duration.ofMinutes(1), publisher);
        String block = "NATS/1.0 503\r\n\r\n";
        parts.receive("HMSG " + replyTo.get(0) + " 1 " + block.length() + " " + block.length() + "\r\n" + block + "\r\n");
        CompletionException e = assertThrows(CompletionException.class, f::join);
        assertTrue(e.getCause() instanceof NoRespondersException, e.toString());
    }

    @Test
    void aRequestWithoutReplyTimesOutAndLeavesNoEntry() {
        CompletableFuture<Message> f = mux.request("slow", null, new byte[0], Duration.ofMillis(1), publisher);
        CompletionException e = assertThrows(CompletionException.class, f::join);
        assertTrue(e.getCause() instanceof NatsTimeoutException, e.toString());
        assertEquals(0, mux.pending());
        assertTrue(mux.whenIdle().isDone());
    }

    @Test
    void whenIdleWaitsForTheLastRequest() {
        CompletableFuture<Message> f = mux.request("svc", null, new byte[0], Duration.ofMinutes(1), publisher);
        CompletableFuture<Void> idle = mux.whenIdle();
        assertTrue(!idle.isDone());
        parts.receive("MSG " + replyTo.get(0) + " 1 2\r\nok\r\n");
        assertEquals("ok", f.join().dataAsString());
        assertTrue(idle.isDone());
    }
}
