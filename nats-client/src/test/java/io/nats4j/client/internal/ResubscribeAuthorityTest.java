package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The registry's resubscribe is what the next session gets: SUB/UNSUB frames a lost session left
 * unsent are dropped, its publishes are kept.
 */
class ResubscribeAuthorityTest {

    private final EngineParts parts = new EngineParts();

    @Test
    void aSubscriptionUnsubscribedWhileDisconnectedIsNotSubscribedAgainByTheLeftoverFrames() {
        Session first = EngineParts.session();
        parts.out.attach(first, parts.registry);
        NatsSubscription sub = parts.registry.subscribe("work", "q", null, null);
        parts.out.detach(first); // lost before its writer took the SUB
        sub.unsubscribe(); // while disconnected: nothing encoded, the registry forgets it
        Session second = EngineParts.session();
        parts.out.attach(second, parts.registry);
        parts.out.publish("marker", null, null, new byte[0]); // so there is something to take
        String written = parts.written(second);
        assertTrue(written.endsWith("PUB marker 0\r\n\r\n"), written);
        assertFalse(written.contains("SUB work q " + sub.sid),
                "the new server gets a SUB for a subscription the client no longer has: " + written.replace("\r\n", "\\r\\n"));
    }

    @Test
    void leftoverPublishesAreKeptAndEachLiveSubscriptionIsSentOnce() {
        Session first = EngineParts.session();
        parts.out.attach(first, parts.registry);
        NatsSubscription sub = parts.registry.subscribe("live", null, null, null);
        parts.out.publish("out", null, null, new byte[] {'x'});
        parts.out.detach(first);
        Session second = EngineParts.session();
        parts.out.attach(second, parts.registry);
        String written = parts.written(second);
        assertEquals("SUB live " + sub.sid + "\r\nPUB out 1\r\nx\r\n", written);
        assertTrue(sub.isActive());
    }
}
