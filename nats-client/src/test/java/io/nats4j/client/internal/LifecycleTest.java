package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Status;
import io.nats4j.protocol.NatsConnectionException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private final List<ConnectionEvent> events = new ArrayList<>();
    private final Lifecycle life = new Lifecycle(events::add);

    @Test
    void connectLoseReconnectCloseFireOneEventPerTransition() {
        assertEquals(Status.CONNECTING, life.status());
        assertTrue(life.sessionUp());
        assertEquals(Status.CONNECTED, life.status());
        assertTrue(life.sessionLost(true));
        assertEquals(Status.RECONNECTING, life.status());
        assertTrue(life.sessionUp());
        assertEquals(Status.CONNECTED, life.status());
        assertTrue(life.close(null));
        assertEquals(Status.CLOSED, life.status());
        assertEquals(List.of(ConnectionEvent.CONNECTED, ConnectionEvent.DISCONNECTED, ConnectionEvent.RECONNECTED,
                ConnectionEvent.RESUBSCRIBED), events, "CLOSED waits for the close to complete");
        life.closeCompleted();
        life.closeCompleted();
        assertEquals(ConnectionEvent.CLOSED, events.get(events.size() - 1));
        assertEquals(1, events.stream().filter(e -> e == ConnectionEvent.CLOSED).count());
    }

    @Test
    void aLostSessionWithoutReconnectAsksToCloseAndKeepsTheCause() {
        life.sessionUp();
        assertFalse(life.sessionLost(false));
        assertEquals(Status.CONNECTED, life.status(), "the caller closes");
        NatsConnectionException cause = new NatsConnectionException("server went away");
        assertTrue(life.close(cause));
        assertFalse(life.close(null), "closing twice does nothing");
        assertEquals(cause, life.closeCause().orElseThrow());
    }

    @Test
    void drainingStaysThroughAReconnectAndEndsOnlyInClosed() {
        life.sessionUp();
        assertTrue(life.draining());
        assertFalse(life.draining(), "one drain");
        assertTrue(life.sessionUp(), "a reconnect during a drain");
        assertEquals(Status.DRAINING, life.status());
        assertFalse(life.sessionLost(true), "no reconnect while draining: the caller closes");
        life.close(null);
        assertFalse(life.sessionUp(), "no session after close");
        assertFalse(life.draining());
        assertEquals(Status.CLOSED, life.status());
        assertTrue(life.closeCause().isEmpty(), "close() has no cause");
    }

    @Test
    void theTableAllowsNothingOutOfClosedAndNoWayBackToConnecting() {
        assertTrue(Lifecycle.ALLOWED.get(Status.CLOSED).isEmpty());
        for (Status s : Status.values()) {
            assertFalse(Lifecycle.ALLOWED.get(s).contains(Status.CONNECTING), s + " -> CONNECTING");
            if (s != Status.CLOSED) {
                assertTrue(Lifecycle.ALLOWED.get(s).contains(Status.CLOSED), s + " -> CLOSED");
            }
        }
        assertEquals(EnumSet.of(Status.CLOSED), Lifecycle.ALLOWED.get(Status.DRAINING));
    }

    @Test
    void losingASessionThatWasNeverUpFiresNothing() {
        assertFalse(life.sessionLost(true));
        assertTrue(events.isEmpty());
        assertEquals(Status.CONNECTING, life.status());
    }
}
