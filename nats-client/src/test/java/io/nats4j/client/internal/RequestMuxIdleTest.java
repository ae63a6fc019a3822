package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Message;
import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsPayloadTooLargeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The drain's "no request left" future also completes when the last request is one that failed to start. */
class RequestMuxIdleTest {

    private final EngineParts parts = new EngineParts();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void idleCompletesWhenTheLastRequestIsOneWhosePublishFailed() {
        RequestMux mux = new RequestMux("_INBOX", parts.registry, timer);
        CompletableFuture<Message> first = mux.request("svc", null, new byte[0], Duration.ofMinutes(1), (s, r, h, d) -> { });
        CompletableFuture<Void> idle = mux.whenIdle();
        assertFalse(idle.isDone());
        assertThrows(NatsPayloadTooLargeException.class, () -> mux.request("svc", null, new byte[0], Duration.ofMinutes(1),
                (s, r, h, d) -> {
                    first.cancel(false); // the other request ends while this one is being published
                    throw new NatsPayloadTooLargeException("too big");
                }));
        assertEquals(0, mux.pending());
        assertTrue(idle.isDone(), "no request waits any more, but the drain's idle future is still pending");
    }

    @Test
    void idleCompletesWhenTheLastRequestsTimeoutCouldNotBeScheduled() {
        ScheduledThreadPoolExecutor stopped = new ScheduledThreadPoolExecutor(1);
        RequestMux mux = new RequestMux("_INBOX", parts.registry, stopped);
        CompletableFuture<Message> first = mux.request("svc", null, new byte[0], Duration.ofMinutes(1), (s, r, h, d) -> { });
        CompletableFuture<Void> idle = mux.whenIdle();
        assertThrows(NatsConnectionException.class, () -> mux.request("svc", null, new byte[0], Duration.ofMinutes(1),
                (s, r, h, d) -> {
                    first.cancel(false);
                    stopped.shutdownNow(); // the connection closes while this request is being sent
                }));
        assertEquals(0, mux.pending());
        assertTrue(idle.isDone(), "no request waits any more, but the drain's idle future is still pending");
    }
}
