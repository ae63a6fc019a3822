package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Registry, outbound buffer and session hand-over, without a server. */
class SubscriptionRegistryTest {

    private final EngineParts parts = new EngineParts();

    @Test
    void resubscribeFramesGoFirstThenWhatWasBufferedWhileDisconnected() {
        List<String> got = new ArrayList<>();
        parts.registry.subscribe("a", null, m -> got.add(m.dataAsString()), null);
        NatsSubscription b = parts.registry.subscribe("b", "q", null, null);
        b.unsubscribe(5);
        parts.out.publish("a", null, null, "hi".getBytes(StandardCharsets.UTF_8));
        Session s = EngineParts.session();
        parts.out.attach(s, parts.registry);
        assertEquals("SUB a 1\r\nSUB b q 2\r\nUNSUB 2 5\r\nPUB a 2\r\nhi\r\n", parts.written(s));
    }

    @Test
    void aLostSessionsUnsentFramesFollowTheResubscribeAndItsPingsGetNoNewFlushesPong() {
        parts.registry.subscribe("a", null, null, null);
        Session first = EngineParts.session();
        parts.out.attach(first, parts.registry);
        assertEquals("SUB a 1\r\n", parts.written(first));
        parts.registry.subscribe("c", null, null, null);
        CompletableFuture<Void> oldFlush = new CompletableFuture<>();
        parts.out.ping(oldFlush, "CONNECTED");
        parts.out.publish("a", null, null, new byte[0]);
        parts.out.detach(first); // lost before its writer took any of that
        first.failPongs(new io.nats4j.protocol.NatsConnectionException("lost"));
        assertTrue(oldFlush.isCompletedExceptionally());

        Session second = EngineParts.session();
        parts.out.attach(second, parts.registry);
        CompletableFuture<Void> newFlush = new CompletableFuture<>();
        parts.out.ping(newFlush, "CONNECTED");
        // the lost session's own SUB c is dropped: the resubscribe ahead of its frames is authoritative
        assertEquals("SUB a 1\r\nSUB c 2\r\nPING\r\nPUB a 0\r\n\r\nPING\r\n", parts.written(second));
        second.pong(); // the answer to the lost session's PING
        assertFalse(newFlush.isDone(), "an old PING's PONG must not complete a new flush");
        second.pong();
        assertTrue(newFlush.isDone());
    }

    @Test
    void deliveryRoutesBySidCountsAndStopsAtTheAutoUnsubscribeTotal() {
        NatsSubscription x = parts.registry.subscribe("x", null, null, null);
        NatsSubscription y = parts.registry.subscribe("y.*", null, null, null);
        x.unsubscribe(2);
        parts.receive("MSG x 1 1\r\na\r\nMSG y.1 2 r.1 1\r\nz\r\nMSG x 1 1\r\nb\r\nMSG x 1 1\r\nc\r\nMSG gone 99 0\r\n\r\n");
        assertEquals(5, parts.counters.inMsgs);
        assertEquals("a", x.nextMessage(Duration.ZERO).dataAsString());
        assertEquals("b", x.nextMessage(Duration.ZERO).dataAsString());
        assertFalse(x.isActive(), "the total was delivered");
        Message m = y.nextMessage(Duration.ZERO);
        assertEquals("y.1", m.subject());
        assertEquals("r.1", m.replyTo().orElseThrow());
        assertNull(y.nextMessage(Duration.ZERO));
        assertEquals(1, parts.registry.size());
    }

    @Test
    void unsubscribeWhileConnectedSendsUnsubAndDeliversNothingMore() {
        Session s = EngineParts.session();
        parts.out.attach(s, parts.registry);
        NatsSubscription x = parts.registry.subscribe("x", null, null, null);
        x.unsubscribe();
        assertEquals("SUB x 1\r\nUNSUB 1\r\n", parts.written(s));
        parts.receive("MSG x 1 1\r\na\r\n");
        assertFalse(x.isActive());
        assertEquals(0, x.pendingMessages());
    }

    @Test
    void pendingLimitsDropAndReportSlowConsumersOnce() {
        NatsSubscription x = parts.registry.subscribe("x", null, null, null);
        x.setPendingLimits(2, 0);
        parts.receive("MSG x 1 1\r\na\r\nMSG x 1 1\r\nb\r\nMSG x 1 1\r\nc\r\nMSG x 1 1\r\nd\r\n");
        assertEquals(2, x.pendingMessages());
        assertEquals(2, x.droppedMessages());
        assertEquals(2, parts.counters.dropped.get());
    }

    @Test
    void drainingSubscriptionsAreNotSubscribedAgain() {
        NatsSubscription x = parts.registry.subscribe("x", null, null, null);
        parts.registry.subscribe("y", null, null, null);
        parts.registry.startDraining(List.of(x));
        Session s = EngineParts.session();
        parts.out.attach(s, parts.registry);
        assertEquals("SUB y 2\r\n", parts.written(s));
        parts.registry.stopReceiving(List.of(x));
        assertTrue(x.whenIdle().isDone(), "nothing pending, no handler");
        parts.registry.drained(List.of(x));
        assertFalse(x.isActive());
    }
}
