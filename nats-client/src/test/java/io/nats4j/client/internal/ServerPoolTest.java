package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsUri;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServerPoolTest {

    private static final List<NatsUri> FIVE = NatsUri.parseList(
            "nats://a:1,nats://b:2,nats://c:3,nats://d:4,nats://e:5");

    private static String order(ServerPool p) {
        return p.snapshot().stream().map(e -> e.uri.host()).collect(Collectors.joining());
    }

    @Test
    void noRandomizeKeepsTheOrderAndRandomizeShuffles() {
        assertEquals("abcde", order(new ServerPool(FIVE, false)));
        Set<String> orders = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            orders.add(order(new ServerPool(FIVE, true)));
        }
        assertTrue(orders.size() > 1, "50 shuffled pools all had one order: " + orders);
    }

    @Test
    void nextPrefersUntriedThenLeastRecentlyTriedAndDropsExhaustedServers() {
        ServerPool p = new ServerPool(FIVE.subList(0, 3), false);
        ServerPool.Entry a = p.snapshot().get(0);
        p.setCurrent(a);
        a.attempted = true;
        a.lastAttemptNanos = System.nanoTime();
        ServerPool.Entry next = p.next(-1).orElseThrow();
        assertEquals("b", next.uri.host());
        next.attempted = true;
        next.lastAttemptNanos = System.nanoTime();
        assertEquals("c", p.next(-1).orElseThrow().uri.host());
        p.snapshot().get(2).attempted = true;
        p.snapshot().get(2).lastAttemptNanos = System.nanoTime();
        assertEquals("a", p.next(-1).orElseThrow().uri.host(), "least recently tried");
        for (ServerPool.Entry e : p.snapshot()) {
            e.failedAttempts = 2;
        }
        assertTrue(p.next(2).isEmpty(), "every server used up its attempts");
    }

    @Test
    void discoveredServersJoinAndLeaveWithTlsHostnameKept() {
        NatsUri seed = NatsUri.parse("tls://nats.example.com:4222");
        ServerPool p = new ServerPool(List.of(seed), false);
        p.setCurrent(p.snapshot().get(0));
        assertTrue(p.discovered(List.of("10.0.0.2:4222", "10.0.0.3:4222", "nats.example.com:4222"), seed));
        assertEquals(3, p.size());
        ServerPool.Entry gossiped = p.snapshot().get(1);
        assertEquals("tls", gossiped.uri.scheme());
        assertEquals(Optional.of("nats.example.com"), gossiped.tlsHostname);
        assertFalse(p.discovered(List.of("10.0.0.2:4222"), seed), "nothing new");
        assertEquals(2, p.size(), "10.0.0.3 left the cluster");
    }

    @Test
    void urlCredentialsApplyToDiscoveredServers() {
        ServerPool p = new ServerPool(NatsUri.parseList("nats://x:4222,nats://u:pw@y:4222"), false);
        assertEquals(Optional.of("u:pw"), p.defaultUserInfo());
    }

    /** retryOnFailedConnect with maxReconnects 0: a server never tried is tried once, then dropped. */
    @Test
    void withNoReconnectsAServerNeverTriedIsStillOfferedOnce() {
        ServerPool p = new ServerPool(FIVE.subList(0, 1), false);
        ServerPool.Entry a = p.next(0).orElseThrow();
        assertEquals("a", a.uri.host());
        a.attempted = true;
        a.failedAttempts++;
        assertEquals(Optional.empty(), p.next(0));
    }
}
