package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsPayloadTooLargeException;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(LeakCheckExtension.class)
class PubSubTest {

    @RegisterExtension
    static final NatsServerExtension NATS = NatsServerExtension.withConfig(
            io.nats4j.testing.NatsServerConfig.builder().build());

    private Connection nc;
    private TestSupport.Recorder rec;

    @BeforeEach
    void connect() {
        rec = new TestSupport.Recorder();
        nc = Nats.connect(rec.on(Options.builder().server(NATS.server().url())).build());
    }

    @AfterEach
    void close() {
        nc.close();
    }


    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void synchronousSubscriptionReceivesInOrder() {
        Subscription sub = nc.subscribe("orders.created");
        for (int i = 0; i < 100; i++) {
            nc.publish("orders.created", bytes("m" + i));
        }
        for (int i = 0; i < 100; i++) {
            Message m = sub.nextMessage(WAIT);
            assertNotNull(m, "message " + i);
            assertEquals("m" + i, m.dataAsString());
            assertEquals("orders.created", m.subject());
            assertSame(sub, m.subscription());
        }
        assertNull(sub.nextMessage(Duration.ofMillis(20)));
        assertEquals(100, sub.deliveredMessages());
        Statistics st = nc.statistics();
        assertEquals(100, st.outMsgs());
        assertEquals(100, st.inMsgs());
        assertTrue(st.inBytes() > 0 && st.outBytes() == st.inBytes());
    }

    private static void assertSame(Object a, Object b) {
        org.junit.jupiter.api.Assertions.assertSame(a, b);
    }

    @Test
    void asynchronousHandlerGetsEveryMessageInOrder() {
        List<String> got = new CopyOnWriteArrayList<>();
        nc.subscribe("async.>", m -> got.add(m.subject() + "=" + m.dataAsString()));
        nc.flush(WAIT);
        for (int i = 0; i < 1000; i++) {
            nc.publish("async.a." + (i % 3), bytes(Integer.toString(i)));
        }
        await("1000 messages", () -> got.size() == 1000);
        for (int i = 0; i < 1000; i++) {
            assertEquals("async.a." + (i % 3) + "=" + i, got.get(i));
        }
    }

    @Test
    void wildcardsMatchAsTheServerDefines() {
        Subscription star = nc.subscribe("w.*.c");
        Subscription full = nc.subscribe("w.>");
        nc.flush(WAIT);
        for (String s : List.of("w.b.c", "w.b.c.d", "w.c", "w.x.c", "x.b.c")) {
            nc.publish(s, bytes(s));
        }
        nc.flush(WAIT);
        Set<String> starGot = drain(star);
        Set<String> fullGot = drain(full);
        assertEquals(Set.of("w.b.c", "w.x.c"), starGot);
        assertEquals(Set.of("w.b.c", "w.b.c.d", "w.c", "w.x.c"), fullGot);
    }

    private static Set<String> drain(Subscription sub) {
        Set<String> out = new HashSet<>();
        Message m;
        while ((m = sub.nextMessage(Duration.ofMillis(200))) != null) {
            out.add(m.subject());
        }
        return out;
    }

    @Test
    void queueGroupDeliversEachMessageOnceAcrossMembers() {
        Map<String, AtomicInteger> perMember = new ConcurrentHashMap<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        List<Connection> others = new ArrayList<>();
        try {
            for (int k = 0; k < 3; k++) {
                Connection c = Nats.connect(NATS.server().url());
                others.add(c);
                String member = "m" + k;
                perMember.put(member, new AtomicInteger());
                c.subscribe("work", "workers", m -> {
                    perMember.get(member).incrementAndGet();
                    if (!seen.add(m.dataAsString())) {
                        duplicates.incrementAndGet();
                    }
                });
                c.flush(WAIT);
            }
            for (int i = 0; i < 300; i++) {
                nc.publish("work", bytes("job" + i));
            }
            await("300 jobs", () -> seen.size() == 300);
            nc.flush(WAIT);
            for (Connection c : others) {
                c.flush(WAIT);
            }
            assertEquals(0, duplicates.get());
            assertEquals(300, perMember.values().stream().mapToInt(AtomicInteger::get).sum());
            long membersUsed = perMember.values().stream().filter(a -> a.get() > 0).count();
            assertTrue(membersUsed >= 2, "queue group spread over " + perMember);
        } finally {
            others.forEach(Connection::close);
        }
    }

    @Test
    void fanOutReachesEverySubscriber() {
        int subscribers = 20;
        AtomicInteger got = new AtomicInteger();
        for (int i = 0; i < subscribers; i++) {
            nc.subscribe("fan", m -> got.incrementAndGet());
        }
        nc.flush(WAIT);
        for (int i = 0; i < 50; i++) {
            nc.publish("fan", bytes("x"));
        }
        await("every subscriber got every message", () -> got.get() == subscribers * 50);
    }

    @Test
    void headersRoundTripWithManyValues() {
        Subscription sub = nc.subscribe("hdr");
        Headers h = new Headers().add("X-Trace", "a").add("X-Trace", "b  c").put("Content-Type", "text/plain")
                .add("x-trace", "lower-case is another header");
        nc.publish("hdr", "reply.here", h, bytes("body"));
        Message m = sub.nextMessage(WAIT);
        assertNotNull(m);
        assertEquals(List.of("a", "b  c"), m.headers().values("X-Trace"));
        assertEquals(List.of("lower-case is another header"), m.headers().values("x-trace"));
        assertEquals("text/plain", m.headers().first("Content-Type").orElseThrow());
        assertEquals("reply.here", m.replyTo().orElseThrow());
        assertEquals("body", m.dataAsString());
        assertFalse(m.isStatus());
        assertEquals(0, m.status());
    }

    @Test
    void invalidHeadersFailOnlyThatCall() {
        assertThrows(NatsIllegalArgumentException.class, () -> new Headers().add("bad name", "v"));
        assertThrows(NatsIllegalArgumentException.class, () -> new Headers().add("Bad:Name", "v"));
        assertThrows(NatsIllegalArgumentException.class, () -> new Headers().add("X", "line\r\nInjected: yes"));
        Subscription sub = nc.subscribe("still.works");
        nc.publish("still.works", bytes("ok"));
        assertEquals("ok", sub.nextMessage(WAIT).dataAsString());
    }

    @Test
    void payloadAtTheLimitPassesAndOneByteMoreFailsSynchronously() {
        Subscription sub = nc.subscribe("big");
        int max = (int) nc.maxPayload();
        byte[] atLimit = new byte[max];
        atLimit[max - 1] = 7;
        nc.publish("big", atLimit);
        Message m = sub.nextMessage(WAIT);
        assertNotNull(m);
        assertArrayEquals(atLimit, m.data());
        NatsPayloadTooLargeException e = assertThrows(NatsPayloadTooLargeException.class,
                () -> nc.publish("big", new byte[max + 1]));
        assertTrue(e.getMessage().contains(Integer.toString(max)), e.getMessage());
        nc.publish("big", bytes("after"));
        assertEquals("after", sub.nextMessage(WAIT).dataAsString());
        assertEquals(Status.CONNECTED, nc.status());
    }

    @Test
    void badSubjectsFailOnlyThatCall() {
        for (String bad : List.of("", "a..b", ".a", "a.", "a b", "a\tb")) {
            NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                    () -> nc.publish(bad, bytes("x")), "publish to '" + bad + "'");
            assertNotNull(e.getMessage());
            assertThrows(NatsIllegalArgumentException.class, () -> nc.subscribe(bad), "subscribe to '" + bad + "'");
        }
        assertThrows(NatsIllegalArgumentException.class, () -> nc.publish("a.*", bytes("x")));
        assertThrows(NatsIllegalArgumentException.class, () -> nc.publish("a.>", bytes("x")));
        assertThrows(NatsIllegalArgumentException.class, () -> nc.subscribe("a.>.b"));
        assertThrows(NatsIllegalArgumentException.class, () -> nc.subscribe("q", "bad queue"));
        assertThrows(NatsIllegalArgumentException.class, () -> nc.publish(null, bytes("x")));
        Subscription sub = nc.subscribe("fine");
        nc.publish("fine", bytes("ok"));
        assertEquals("ok", sub.nextMessage(WAIT).dataAsString());
    }

    @Test
    void unsubscribeStopsDeliveryAndAutoUnsubscribeCounts() {
        Subscription sub = nc.subscribe("u");
        sub.unsubscribe();
        assertFalse(sub.isActive());
        nc.publish("u", bytes("x"));
        nc.flush(WAIT);
        assertThrows(NatsException.class, () -> sub.nextMessage(Duration.ofMillis(10)));

        Subscription auto = nc.subscribe("auto");
        auto.unsubscribe(3);
        for (int i = 0; i < 10; i++) {
            nc.publish("auto", bytes("m" + i));
        }
        nc.flush(WAIT);
        for (int i = 0; i < 3; i++) {
            assertEquals("m" + i, auto.nextMessage(WAIT).dataAsString());
        }
        assertThrows(NatsException.class, () -> auto.nextMessage(Duration.ofMillis(50)));
        assertFalse(auto.isActive());
        assertEquals(3, auto.deliveredMessages());
    }

    @Test
    void noEchoSuppressesOwnMessages() {
        try (Connection quiet = Nats.connect(Options.builder().server(NATS.server().url()).noEcho().build())) {
            Subscription own = quiet.subscribe("echo");
            Subscription other = nc.subscribe("echo");
            quiet.flush(WAIT);
            nc.flush(WAIT);
            quiet.publish("echo", bytes("x"));
            assertNotNull(other.nextMessage(WAIT));
            quiet.flush(WAIT);
            assertNull(own.nextMessage(Duration.ofMillis(100)));
        }
    }

    @Test
    void handlerThatThrowsDoesNotStopDelivery() {
        List<String> got = new CopyOnWriteArrayList<>();
        nc.subscribe("boom", m -> {
            got.add(m.dataAsString());
            if (m.dataAsString().equals("1")) {
                throw new IllegalStateException("handler failure 1");
            }
            if (m.dataAsString().equals("2")) {
                throw new AssertionError("handler error 2");
            }
        });
        List<String> other = new CopyOnWriteArrayList<>();
        nc.subscribe("boom", m -> other.add(m.dataAsString()));
        nc.flush(WAIT);
        for (int i = 0; i < 5; i++) {
            nc.publish("boom", bytes(Integer.toString(i)));
        }
        await("all delivered", () -> got.size() == 5 && other.size() == 5);
        await("both failures reported", () -> rec.exceptions.size() == 2);
        assertTrue(rec.exceptions.get(0) instanceof IllegalStateException);
        assertTrue(rec.exceptions.get(1) instanceof AssertionError);
    }

    @Test
    void slowConsumerDropsCountsAndReportsWithoutBlockingPublishers() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Subscription slow = nc.subscribe("slow", m -> release.await());
        slow.setPendingLimits(10, 1024 * 1024);
        Subscription fast = nc.subscribe("slow");
        nc.flush(WAIT);
        for (int i = 0; i < 200; i++) {
            nc.publish("slow", bytes("m" + i));
        }
        nc.flush(WAIT);
        await("fast subscriber got all", () -> fast.pendingMessages() == 200);
        await("every message dropped, pending or delivered",
                () -> slow.droppedMessages() + slow.pendingMessages() + slow.deliveredMessages() == 200);
        assertTrue(slow.droppedMessages() > 0);
        assertTrue(slow.pendingMessages() <= 10);
        await("slow consumer reported", () -> rec.slow.contains(slow));
        assertEquals(slow.droppedMessages(), nc.statistics().droppedMessages());
        long dropped = slow.droppedMessages();
        release.countDown();
        await("rest delivered", () -> slow.deliveredMessages() == 200 - dropped);
    }

    @Test
    void byteLimitAlsoDrops() {
        Subscription sub = nc.subscribe("bytes");
        sub.setPendingLimits(0, 100);
        for (int i = 0; i < 10; i++) {
            nc.publish("bytes", new byte[40]);
        }
        nc.flush(WAIT);
        await("two fit, the rest dropped", () -> sub.pendingMessages() + sub.droppedMessages() == 10);
        assertEquals(2, sub.pendingMessages());
        assertEquals(80, sub.pendingBytes());
    }

    @Test
    void tenThousandSubscriptionsOnOneConnection() {
        int n = 10_000;
        List<Subscription> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(nc.subscribe("many." + i));
        }
        nc.flush(WAIT);
        for (int i = 0; i < n; i++) {
            nc.publish("many." + i, bytes(Integer.toString(i)));
        }
        nc.flush(WAIT);
        for (int i = 0; i < n; i += 997) {
            Message m = list.get(i).nextMessage(WAIT);
            assertEquals(Integer.toString(i), m.dataAsString());
        }
        await("every subscription got its message", () -> list.stream().allMatch(s -> s.pendingMessages()
                + s.deliveredMessages() == 1));
        for (Subscription s : list) {
            s.unsubscribe();
        }
        nc.flush(WAIT);
    }
    @Test
    void statusMessagesAreExposed() {
        String inbox = nc.newInbox();
        Subscription replies = nc.subscribe(inbox);
        nc.publish("no.such.service", inbox, bytes("q"));
        Message m = replies.nextMessage(WAIT);
        assertNotNull(m);
        assertTrue(m.isStatus());
        assertEquals(503, m.status());
        assertEquals(0, m.data().length);
    }

    @Test
    void rttIsMeasured() {
        java.time.Duration rtt = nc.rtt();
        assertTrue(!rtt.isNegative() && !rtt.isZero(), rtt.toString());
    }
}
