package io.nats4j.jetstream.kv;

import static io.nats4j.jetstream.kv.KvWaits.WAIT;
import static io.nats4j.jetstream.kv.KvWaits.await;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.StorageType;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.NatsServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

class KeyValueTest {

    @RegisterExtension
    static final NatsServerExtension NATS =
            NatsServerExtension.withConfig(NatsServerConfig.builder().jetstream().build());

    private Connection nc;
    private JetStream js;
    private KeyValue kv;

    @BeforeEach
    void setUp(TestInfo test) {
        nc = Nats.connect(NATS.server().url());
        js = JetStream.of(nc);
        String bucket = "b_" + test.getTestMethod().orElseThrow().getName();
        kv = KeyValueManager.of(js).create(KeyValueConfig.builder().bucket(bucket).history(5)
                .storage(StorageType.MEMORY).build());
    }

    @AfterEach
    void tearDown() {
        KeyValueManager.of(js).delete(kv.bucket());
        nc.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void putGetRevisionsAndCompareAndSet() {
        long r1 = kv.put("app.colour", b("blue"));
        long r2 = kv.put("app.colour", "green");
        assertTrue(r2 > r1);
        KeyValueEntry latest = kv.get("app.colour").orElseThrow();
        assertEquals("green", latest.valueAsString());
        assertEquals(r2, latest.revision());
        assertEquals(KeyValueOperation.PUT, latest.operation());
        assertEquals(kv.bucket(), latest.bucket());
        assertEquals("blue", kv.get("app.colour", r1).orElseThrow().valueAsString());
        assertTrue(kv.get("app.size", r1).isEmpty(), "revision of another key");
        assertTrue(kv.get("app.missing").isEmpty());

        long r3 = kv.update("app.colour", b("red"), r2);
        KeyValueException stale = assertThrows(KeyValueException.class, () -> kv.update("app.colour", b("x"), r2));
        assertTrue(stale.getMessage().contains("not at revision " + r2), stale.getMessage());
        assertEquals("red", kv.get("app.colour").orElseThrow().valueAsString());
        assertEquals(r3, kv.get("app.colour").orElseThrow().revision());
    }

    @Test
    void createOnlyWhenAbsentIncludingOverDeletedAndPurgedKeys() {
        long r1 = kv.create("k", b("1"));
        KeyValueException exists = assertThrows(KeyValueException.class, () -> kv.create("k", b("2")));
        assertTrue(exists.getMessage().contains("'k'") && exists.getMessage().contains("exists"), exists.getMessage());
        kv.delete("k");
        assertTrue(kv.get("k").isEmpty());
        long r2 = kv.create("k", b("after delete"));
        assertTrue(r2 > r1);
        kv.purge("k");
        assertTrue(kv.get("k").isEmpty());
        kv.create("k", b("after purge"));
        assertEquals("after purge", kv.get("k").orElseThrow().valueAsString());
    }

    @Test
    void historyKeepsDeletesAndPurgeDropsIt() {
        kv.put("h", b("1"));
        kv.put("h", b("2"));
        kv.delete("h");
        kv.put("h", b("3"));
        kv.put("other", b("x"));
        List<KeyValueEntry> history = kv.history("h");
        assertEquals(List.of(KeyValueOperation.PUT, KeyValueOperation.PUT, KeyValueOperation.DELETE,
                KeyValueOperation.PUT), history.stream().map(KeyValueEntry::operation).collect(Collectors.toList()));
        assertEquals(List.of("1", "2", "", "3"),
                history.stream().map(KeyValueEntry::valueAsString).collect(Collectors.toList()));
        assertEquals(List.of(3L, 2L, 1L, 0L), history.stream().map(KeyValueEntry::delta).collect(Collectors.toList()));
        kv.purge("h");
        List<KeyValueEntry> purged = kv.history("h");
        assertEquals(1, purged.size());
        assertEquals(KeyValueOperation.PURGE, purged.get(0).operation());
        assertTrue(kv.history("never").isEmpty());
    }

    @Test
    void historyIsBoundedByTheBucketSetting() {
        for (int i = 0; i < 8; i++) {
            kv.put("bounded", b("v" + i));
        }
        assertEquals(List.of("v3", "v4", "v5", "v6", "v7"),
                kv.history("bounded").stream().map(KeyValueEntry::valueAsString).collect(Collectors.toList()));
    }

    @Test
    void keysListsLiveKeysOnlyAndStreamsByPattern() {
        assertEquals(List.of(), kv.keys(), "empty bucket");
        kv.put("a.1", b("x"));
        kv.put("a.2", b("x"));
        kv.put("b.1", b("x"));
        kv.put("a.2", b("y"));
        kv.put("gone", b("x"));
        kv.delete("gone");
        kv.put("purged", b("x"));
        kv.purge("purged");
        assertEquals(Set.of("a.1", "a.2", "b.1"), Set.copyOf(kv.keys()));
        assertEquals(3, kv.keys().size(), "each key once");
        List<String> streamed = new ArrayList<>();
        kv.keys("a.*", streamed::add);
        assertEquals(Set.of("a.1", "a.2"), Set.copyOf(streamed));
        List<String> none = new ArrayList<>();
        kv.keys("zzz.>", none::add);
        assertTrue(none.isEmpty());
    }

    @Test
    void statusAndManagement() {
        kv.put("s1", b("x"));
        kv.put("s1", b("y"));
        kv.put("s2", b("z"));
        KeyValueStatus status = kv.status();
        assertEquals(kv.bucket(), status.bucket());
        assertEquals(3, status.values());
        assertEquals(5, status.history());
        assertEquals(Duration.ZERO, status.ttl());
        assertTrue(status.bytes() > 0);

        KeyValueManager kvm = KeyValueManager.of(js);
        assertTrue(kvm.bucketNames().contains(kv.bucket()));
        assertEquals("y", kvm.bucket(kv.bucket()).get("s1").orElseThrow().valueAsString());
        KeyValue updated = kvm.update(KeyValueConfig.builder().bucket(kv.bucket()).history(10)
                .storage(StorageType.MEMORY).build());
        assertEquals(10, updated.status().history());
        KeyValueException missing = assertThrows(KeyValueException.class, () -> kvm.bucket("no_such_bucket"));
        assertTrue(missing.getMessage().contains("no_such_bucket"), missing.getMessage());
        assertFalse(kvm.delete("no_such_bucket"));
        KeyValueException other = assertThrows(KeyValueException.class, () -> kvm.create(
                KeyValueConfig.builder().bucket(kv.bucket()).history(2).storage(StorageType.MEMORY).build()));
        assertTrue(other.getMessage().contains("another configuration"), other.getMessage());
    }

    @Test
    void badNamesAreRefusedWithClearMessages() {
        assertMessage("key 'a b'", () -> kv.put("a b", b("x")));
        assertMessage("key '.a'", () -> kv.get(".a"));
        assertMessage("key 'a.*'", () -> kv.put("a.*", b("x")));
        assertMessage("bucket name 'my.bucket'", () -> KeyValueConfig.builder().bucket("my.bucket").build());
        assertMessage("history must be 1 to 64", () -> KeyValueConfig.builder().bucket("x").history(65).build());
        assertMessage("key pattern 'a.>.b'", () -> kv.keys("a.>.b", k -> { }));
        assertMessage("expected revision must be positive", () -> kv.update("k", b("x"), 0));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
    }

    @Test
    void watchOnAnEmptyBucketSignalsInitialValuesDone() throws Exception {
        List<KeyValueEntry> seen = new CopyOnWriteArrayList<>();
        try (KeyValueWatcher w = kv.watch(">", WatchOptions.DEFAULT, seen::add)) {
            w.initialValuesDone().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(seen.isEmpty());
            kv.put("first", b("1"));
            await("the update", () -> seen.size() == 1);
            assertEquals("first", seen.get(0).key());
        }
    }

    @Test
    void watchDeliversLatestValuesThenUpdates() throws Exception {
        kv.put("w.a", b("a1"));
        kv.put("w.a", b("a2"));
        kv.put("w.b", b("b1"));
        kv.delete("w.b");
        kv.put("x.c", b("not watched"));
        List<KeyValueEntry> seen = new CopyOnWriteArrayList<>();
        try (KeyValueWatcher w = kv.watch("w.*", WatchOptions.DEFAULT, seen::add)) {
            w.initialValuesDone().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(List.of("w.a=a2 PUT", "w.b= DELETE"), describe(seen));
            kv.put("w.c", b("c1"));
            kv.put("x.d", b("not watched"));
            kv.purge("w.a");
            await("two updates", () -> seen.size() == 4);
            assertEquals(List.of("w.a=a2 PUT", "w.b= DELETE", "w.c=c1 PUT", "w.a= PURGE"), describe(seen));
        }
    }

    @Test
    void initialValuesDoneUnderASteadyStreamOfWrites() throws Exception {
        for (int i = 0; i < 50; i++) {
            kv.put("steady." + i, b("v"));
        }
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; writing.get(); i++) {
                kv.put("steady." + (i % 50), b("w" + i));
            }
        }, "steady-writer");
        writer.start();
        List<KeyValueEntry> seen = new CopyOnWriteArrayList<>();
        try (KeyValueWatcher w = kv.watch("steady.>", WatchOptions.DEFAULT, seen::add)) {
            w.initialValuesDone().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(seen.size() >= 50, "at least one entry per key before the marker: " + seen.size());
        } finally {
            writing.set(false);
            writer.join(WAIT.toMillis());
        }
    }

    @Test
    void watchOptionsShapeWhatIsDelivered() throws Exception {
        kv.put("o", b("1"));
        kv.put("o", b("2"));
        kv.delete("o");
        List<KeyValueEntry> history = new CopyOnWriteArrayList<>();
        List<KeyValueEntry> noDeletes = new CopyOnWriteArrayList<>();
        List<KeyValueEntry> updates = new CopyOnWriteArrayList<>();
        List<KeyValueEntry> meta = new CopyOnWriteArrayList<>();
        try (KeyValueWatcher h = kv.watch("o", WatchOptions.builder().includeHistory().build(), history::add);
             KeyValueWatcher d = kv.watch(">", WatchOptions.builder().ignoreDeletes().build(), noDeletes::add);
             KeyValueWatcher u = kv.watch(">", WatchOptions.builder().updatesOnly().build(), updates::add);
             KeyValueWatcher m = kv.watch(">", WatchOptions.builder().metaOnly().build(), meta::add)) {
            for (KeyValueWatcher w : List.of(h, d, u, m)) {
                w.initialValuesDone().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            assertEquals(List.of("o=1 PUT", "o=2 PUT", "o= DELETE"), describe(history));
            assertEquals(List.of(), describe(noDeletes), "the latest entry is a delete");
            assertEquals(List.of(), describe(updates));
            kv.put("o", b("3"));
            await("every watcher to see the update", () -> history.size() == 4 && noDeletes.size() == 1
                    && updates.size() == 1 && meta.size() == 2);
            assertEquals(List.of("o=3 PUT"), describe(updates));
            assertEquals(0, meta.get(1).value().length, "meta only: no value");
            assertEquals(KeyValueOperation.PUT, meta.get(1).operation());
        }
    }

    private static List<String> describe(List<KeyValueEntry> entries) {
        return entries.stream().map(e -> e.key() + "=" + e.valueAsString() + " " + e.operation())
                .collect(Collectors.toList());
    }

    @Test
    void readersLeaveNoServerConsumersBehind() throws Exception {
        kv.put("c.1", b("x"));
        kv.put("c.2", b("y"));
        assertEquals(2, kv.keys().size());
        kv.history("c.1");
        try (KeyValueWatcher w = kv.watch(">", WatchOptions.DEFAULT, e -> { })) {
            w.initialValuesDone().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(1, js.consumerNames("KV_" + kv.bucket()).size(), "the watcher's ordered consumer");
        }
        await("the ordered consumers to be deleted", () -> js.consumerNames("KV_" + kv.bucket()).isEmpty());
    }

    @Test
    void valuesRoundTripAsBytes() {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        kv.put("bin", binary);
        assertArrayEquals(binary, kv.get("bin").orElseThrow().value());
        kv.put("empty", new byte[0]);
        assertEquals(0, kv.get("empty").orElseThrow().value().length);
        assertEquals(KeyValueOperation.PUT, kv.get("empty").orElseThrow().operation());
    }
}
