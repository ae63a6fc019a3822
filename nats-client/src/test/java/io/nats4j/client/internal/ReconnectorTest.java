package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsAuthException;
import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsUri;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The reconnect rules on a fake clock: nothing here sleeps. */
class ReconnectorTest {

    /** Time moves only when something sleeps. */
    static final class FakeClock implements Clock {
        long now = 1_000_000_000L;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    private final FakeClock clock = new FakeClock();
    private final List<String> tried = new ArrayList<>();
    private final List<NatsException> reported = new ArrayList<>();
    private boolean stopped;

    private static ServerPool pool(String... urls) {
        List<NatsUri> list = new ArrayList<>();
        for (String u : urls) {
            list.add(NatsUri.parse(u));
        }
        return new ServerPool(list, false);
    }

    private Reconnector reconnector(ServerPool pool, int maxReconnects, Duration jitter,
            Function<ServerPool.Entry, ConnectAttempt.Result> attempt) {
        return new Reconnector(pool, new Reconnector.Settings(maxReconnects, Duration.ofSeconds(2), jitter,
                Duration.ofSeconds(1), false), clock, bound -> bound / 2, e -> {
                    tried.add(e.uri.host());
                    return attempt.apply(e);
                }, reported::add, () -> stopped);
    }

    private static ConnectAttempt.Result refused(ServerPool.Entry e) {
        return new ConnectAttempt.Failed(new NatsConnectionException("refused by " + e.uri.host()));
    }

    @Test
    void firstConnectTriesEachServerOnceInOrderWithoutWaiting() {
        Reconnector r = reconnector(pool("nats://a:4222", "nats://b:4222", "nats://c:4222"), 60, Duration.ZERO,
                e -> e.uri.host().equals("c") ? new ConnectAttempt.Ok(null) : refused(e));
        Reconnector.Outcome o = r.firstConnect();
        assertNotNull(o.connected());
        assertEquals(List.of("a", "b", "c"), tried);
        assertTrue(clock.sleeps.isEmpty());
    }

    @Test
    void firstConnectReportsTheLastFailure() {
        Reconnector r = reconnector(pool("nats://a:4222", "nats://b:4222"), 60, Duration.ZERO, ReconnectorTest::refused);
        Reconnector.Outcome o = r.firstConnect();
        assertNull(o.connected());
        assertEquals("refused by b", o.gaveUp().getMessage());
    }

    @Test
    void reconnectWaitsTheReconnectWaitPlusJitterBetweenAttemptsOnOneServer() {
        Deque<Boolean> succeed = new ArrayDeque<>(List.of(false, false, true));
        ServerPool p = pool("nats://a:4222");
        Reconnector r = reconnector(p, -1, Duration.ofMillis(100),
                e -> succeed.poll() ? new ConnectAttempt.Ok(null) : refused(e));
        Reconnector.Outcome o = r.reconnect();
        assertNotNull(o.connected());
        assertEquals(List.of("a", "a", "a"), tried);
        long wait = Duration.ofSeconds(2).toNanos() + Duration.ofMillis(50).toNanos(); // jitter: bound / 2
        assertEquals(List.of(wait, wait), clock.sleeps, "the first attempt on a server never tried does not wait");
        assertEquals(2, reported.size(), "each failed attempt is reported");
        assertEquals(0, p.snapshot().get(0).failedAttempts, "a success resets the count");
    }

    @Test
    void aServerNeverTriedComesFirstAndIsNotWaitedFor() {
        ServerPool p = pool("nats://a:4222", "nats://b:4222");
        p.setCurrent(p.snapshot().get(0));
        Reconnector r = reconnector(p, -1, Duration.ZERO, e -> new ConnectAttempt.Ok(null));
        assertNotNull(r.reconnect().connected());
        assertEquals(List.of("b"), tried);
        assertTrue(clock.sleeps.isEmpty());
    }

    @Test
    void maxReconnectsPerServerUsesThePoolUp() {
        Reconnector r = reconnector(pool("nats://a:4222", "nats://b:4222"), 2, Duration.ZERO, ReconnectorTest::refused);
        Reconnector.Outcome o = r.reconnect();
        assertNull(o.connected());
        assertEquals("reconnect attempts exhausted; closing", o.gaveUp().getMessage());
        assertEquals(4, tried.size());
        assertEquals(2, tried.stream().filter("a"::equals).count());
    }

    @Test
    void theSameAuthErrorTwiceFromOneServerEndsIt() {
        Reconnector r = reconnector(pool("nats://a:4222"), -1, Duration.ZERO,
                e -> new ConnectAttempt.Failed(new NatsAuthException("server a refused the credentials: expired")));
        Reconnector.Outcome o = r.reconnect();
        assertNull(o.connected());
        assertTrue(o.gaveUp() instanceof NatsAuthException);
        assertEquals(2, tried.size());
    }

    @Test
    void aClosedConnectionStopsTheLoopWithoutAnOutcome() {
        Reconnector r = reconnector(pool("nats://a:4222"), -1, Duration.ZERO, e -> {
            stopped = true;
            return refused(e);
        });
        Reconnector.Outcome o = r.reconnect();
        assertNull(o.connected());
        assertNull(o.gaveUp());
        assertEquals(1, tried.size());
        assertTrue(reported.isEmpty(), "a failure caused by close is not reported");
    }
}
