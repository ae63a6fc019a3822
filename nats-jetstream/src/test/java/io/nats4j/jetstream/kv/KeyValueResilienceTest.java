package io.nats4j.jetstream.kv;

import static io.nats4j.jetstream.kv.KvWaits.WAIT;
import static io.nats4j.jetstream.kv.KvWaits.await;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.jetstream.JetStream;
import io.nats4j.protocol.NatsException;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Creates racing from two connections, and a watch living through a server restart. */
class KeyValueResilienceTest {

    @Test
    void createRacingCreateFromTwoConnectionsHasExactlyOneWinner() throws Exception {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().jetstream().build());
             Connection a = Nats.connect(server.url());
             Connection b = Nats.connect(server.url())) {
            KeyValue kvA = KeyValueManager.of(JetStream.of(a)).create(KeyValueConfig.builder().bucket("race").build());
            KeyValue kvB = KeyValueManager.of(JetStream.of(b)).bucket("race");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 25; round++) {
                    String key = "k" + round;
                    if (round % 5 == 4) { // a deleted key is creatable again: race over the marker too
                        kvA.put(key, "old".getBytes(UTF_8));
                        kvA.delete(key);
                    }
                    CyclicBarrier start = new CyclicBarrier(2);
                    Future<Long> fa = pool.submit(creator(start, kvA, key, "A"));
                    Future<Long> fb = pool.submit(creator(start, kvB, key, "B"));
                    long ra = fa.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    long rb = fb.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    assertTrue((ra > 0) != (rb > 0), "round " + round + ": exactly one create wins, got " + ra + "/" + rb);
                    String winner = ra > 0 ? "A" : "B";
                    KeyValueEntry e = kvA.get(key).orElseThrow();
                    assertEquals(winner, e.valueAsString());
                    assertEquals(Math.max(ra, rb), e.revision());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Returns the revision on success, -1 when refused because the key exists. */
    private static Callable<Long> creator(CyclicBarrier start, KeyValue kv, String key, String who) {
        return () -> {
            start.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return kv.create(key, who.getBytes(UTF_8));
            } catch (KeyValueException e) {
                return -1L;
            }
        };
    }

    @Test
    void watchGoesOnAcrossAServerRestartWithoutMissingOrRepeating() throws Exception {
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().jetstream().build())) {
            AtomicInteger reconnects = new AtomicInteger();
            Options options = Options.builder().server(server.url()).maxReconnects(-1)
                    .reconnectWait(Duration.ofMillis(100)).reconnectJitter(Duration.ZERO, Duration.ZERO)
                    .connectionListener((c, e) -> {
                        if (e == ConnectionEvent.RECONNECTED) {
                            reconnects.incrementAndGet();
                        }
                    }).build();
            try (Connection nc = Nats.connect(options)) {
                KeyValue kv = KeyValueManager.of(JetStream.of(nc)).create(KeyValueConfig.builder().bucket("restart")
                        .history(10).build()); // file storage: the values survive the restart
                kv.put("before", "1".getBytes(UTF_8));
                List<KeyValueEntry> seen = new CopyOnWriteArrayList<>();
                try (KeyValueWatcher w = kv.watch(">", WatchOptions.DEFAULT, seen::add)) {
                    w.initialValuesDone().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    kv.put("live", "2".getBytes(UTF_8));
                    await("the live update", () -> seen.size() == 2);

                    server.restart();
                    await("the reconnect", () -> reconnects.get() == 1);
                    JetStream js = JetStream.of(nc);
                    await("JetStream to answer after the restart", () -> answers(js));
                    kv.put("after", "3".getBytes(UTF_8));
                    kv.put("after", "4".getBytes(UTF_8));
                    await("the updates after the restart", () -> seen.size() >= 4);
                    kv.put("last", "5".getBytes(UTF_8));
                    await("the last update", () -> seen.stream().anyMatch(e -> e.key().equals("last")));

                    List<String> got = seen.stream().map(e -> e.key() + "=" + e.valueAsString())
                            .collect(Collectors.toList());
                    assertEquals(List.of("before=1", "live=2", "after=3", "after=4", "last=5"), got);
                    List<Long> revisions = new ArrayList<>();
                    seen.forEach(e -> revisions.add(e.revision()));
                    for (int i = 1; i < revisions.size(); i++) {
                        assertTrue(revisions.get(i) > revisions.get(i - 1), "in order, no repeat: " + revisions);
                    }
                }
            }
        }
    }

    private static boolean answers(JetStream js) {
        try {
            js.accountInfo();
            return true;
        } catch (NatsException notYet) {
            return false;
        }
    }
}
