package io.nats4j.jetstream.os;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StoredMessage;
import io.nats4j.jetstream.Stream;
import io.nats4j.protocol.NatsException;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.NatsServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

class ObjectStoreTest {
    private static final int CHUNK = 1024;

    @RegisterExtension
    static final NatsServerExtension NATS =
            NatsServerExtension.withConfig(NatsServerConfig.builder().jetstream().build());

    private Connection nc;
    private JetStream js;
    private ObjectStoreManager osm;
    private ObjectStore os;

    @BeforeEach
    void setUp(TestInfo test) {
        nc = Nats.connect(NATS.server().url());
        js = JetStream.of(nc);
        osm = ObjectStoreManager.of(js);
        os = osm.create(ObjectStoreConfig.builder().bucket("o_" + test.getTestMethod().orElseThrow().getName())
                .storage(StorageType.MEMORY).build());
    }

    @AfterEach
    void tearDown() {
        for (String b : osm.bucketNames()) {
            osm.delete(b);
        }
        nc.close();
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] data) throws Exception {
        return "SHA-256=" + Base64.getUrlEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private ObjectInfo putChunked(String name, byte[] data) {
        return os.put(ObjectMeta.builder().name(name).chunkSize(CHUNK).build(), new java.io.ByteArrayInputStream(data));
    }

    @Test
    void objectsOfEverySizeAroundTheChunkBoundaryRoundTrip() throws Exception {
        for (int size : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + CHUNK / 2}) {
            byte[] data = random(size, size);
            ObjectInfo put = putChunked("obj-" + size, data);
            assertEquals(size, put.size());
            assertEquals((size + CHUNK - 1) / CHUNK, put.chunks());
            assertEquals(sha256(data), put.digest());
            assertArrayEquals(data, os.getBytes("obj-" + size), "size " + size);
            ObjectInfo info = os.info("obj-" + size).orElseThrow();
            assertEquals(put.nuid(), info.nuid());
            assertEquals(put.digest(), info.digest());
            assertEquals(CHUNK, info.meta().chunkSize());
            assertEquals(os.bucket(), info.bucket());
        }
        assertEquals(6, os.list().size());
    }

    @Test
    void defaultPutUses128KiBChunksAndKeepsMeta() throws Exception {
        byte[] data = random(300 * 1024, 7);
        ObjectMeta meta = ObjectMeta.builder().name("reports/nov 2026.pdf").description("monthly")
                .headers(new Headers().put("Content-Type", "application/pdf").add("X-Tag", "a").add("X-Tag", "b"))
                .metadata(Map.of("owner", "ops")).build();
        ObjectInfo put = os.put(meta, new java.io.ByteArrayInputStream(data));
        assertEquals(3, put.chunks());
        ObjectInfo info = os.info("reports/nov 2026.pdf").orElseThrow();
        assertEquals("monthly", info.meta().description());
        assertEquals(List.of("a", "b"), info.meta().headers().values("X-Tag"));
        assertEquals(Map.of("owner", "ops"), info.meta().metadata());
        assertEquals(ObjectMeta.DEFAULT_CHUNK_SIZE, info.meta().chunkSize());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ObjectInfo got = os.get("reports/nov 2026.pdf", out);
        assertArrayEquals(data, out.toByteArray());
        assertEquals(sha256(data), got.digest());
    }

    @Test
    void replacingAnObjectPurgesTheOldChunksAfterTheNewAreStored() {
        putChunked("doc", random(5 * CHUNK, 1));
        byte[] v2 = random(2 * CHUNK, 2);
        ObjectInfo second = putChunked("doc", v2);
        assertArrayEquals(v2, os.getBytes("doc"));
        Stream stream = js.stream("OBJ_" + os.bucket());
        assertEquals(second.chunks() + 1, stream.info().state().messages(), "two chunks and one info");
    }

    @Test
    void aFailedPutLeavesTheOldObjectWhole() {
        byte[] v1 = random(2 * CHUNK, 3);
        putChunked("keep", v1);
        long before = js.stream("OBJ_" + os.bucket()).info().state().messages();
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > 3 * CHUNK) {
                    throw new IOException("disk gone");
                }
                return 42;
            }
        };
        ObjectStoreException e = assertThrows(ObjectStoreException.class,
                () -> os.put(ObjectMeta.builder().name("keep").chunkSize(CHUNK).build(), failing));
        assertTrue(e.getMessage().contains("reading the input failed"), e.getMessage());
        assertArrayEquals(v1, os.getBytes("keep"));
        assertEquals(before, js.stream("OBJ_" + os.bucket()).info().state().messages(), "partial chunks purged");
    }

    @Test
    void aPutTheServerRefusesLeavesTheOldObjectWhole() {
        ObjectStore small = osm.create(ObjectStoreConfig.builder().bucket(os.bucket() + "_small").maxBytes(64 * 1024)
                .storage(StorageType.MEMORY).build());
        byte[] v1 = random(2 * CHUNK, 19);
        small.put(ObjectMeta.builder().name("doc").chunkSize(CHUNK).build(), new java.io.ByteArrayInputStream(v1));
        long before = js.stream("OBJ_" + small.bucket()).info().state().messages();
        ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> small.put(
                ObjectMeta.builder().name("doc").chunkSize(CHUNK).build(),
                new java.io.ByteArrayInputStream(random(200 * CHUNK, 20))));
        assertTrue(e.getMessage().contains("chunk not stored"), e.getMessage());
        assertArrayEquals(v1, small.getBytes("doc"));
        assertEquals(before, js.stream("OBJ_" + small.bucket()).info().state().messages(), "stored chunks purged");
    }

    @Test
    void deleteLeavesAMarkerAndRemovesTheChunks() {
        putChunked("tmp", random(3 * CHUNK, 4));
        putChunked("stays", random(10, 5));
        os.delete("tmp");
        assertTrue(os.info("tmp").isEmpty());
        assertEquals(List.of("stays"), os.list().stream().map(ObjectInfo::name).collect(Collectors.toList()));
        ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> os.getBytes("tmp"));
        assertTrue(e.getMessage().contains("no object 'tmp'"), e.getMessage());
        os.delete("tmp"); // again: nothing to do
        assertThrows(ObjectStoreException.class, () -> os.delete("never"));
        assertEquals(1 + 1 + 1, js.stream("OBJ_" + os.bucket()).info().state().messages(),
                "the marker, plus one chunk and the info of 'stays'");
        putChunked("tmp", random(5, 6)); // a deleted name can be used again
        assertEquals(5, os.info("tmp").orElseThrow().size());
    }

    @Test
    void aCorruptedChunkIsDetected() {
        byte[] data = random(3 * CHUNK, 8);
        ObjectInfo info = putChunked("fragile", data);
        Stream stream = js.stream("OBJ_" + os.bucket());
        String chunks = "$O." + os.bucket() + ".C." + info.nuid();
        StoredMessage second = stream.nextMessage(stream.nextMessage(1, chunks).orElseThrow().sequence() + 1, chunks)
                .orElseThrow();
        byte[] altered = second.data().clone();
        altered[100] ^= 1;
        assertTrue(stream.deleteMessage(second.sequence()));
        js.publish(chunks, altered); // same size, one bit flipped, now the last chunk
        ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> os.getBytes("fragile"));
        assertTrue(e.getMessage().contains("SHA-256 digest mismatch"), e.getMessage());
    }

    @Test
    void aMissingChunkIsDetected() {
        ObjectInfo info = putChunked("holey", random(3 * CHUNK, 9));
        Stream stream = js.stream("OBJ_" + os.bucket());
        String chunks = "$O." + os.bucket() + ".C." + info.nuid();
        assertTrue(stream.deleteMessage(stream.nextMessage(1, chunks).orElseThrow().sequence()));
        ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> os.getBytes("holey"));
        assertTrue(e.getMessage().contains("only 2 of 3 chunks"), e.getMessage());
    }

    @Test
    void metaUpdateAndRename() {
        byte[] data = random(2 * CHUNK, 10);
        putChunked("old-name", data);
        putChunked("taken", random(1, 11));
        ObjectInfo updated = os.updateMeta("old-name", ObjectMeta.builder().name("old-name").description("now described")
                .build());
        assertEquals("now described", os.info("old-name").orElseThrow().meta().description());
        ObjectInfo renamed = os.updateMeta("old-name", ObjectMeta.builder().name("new-name").build());
        assertEquals(updated.nuid(), renamed.nuid());
        assertTrue(os.info("old-name").isEmpty());
        assertArrayEquals(data, os.getBytes("new-name"));
        assertThrows(ObjectStoreException.class,
                () -> os.updateMeta("new-name", ObjectMeta.builder().name("taken").build()));
        assertThrows(ObjectStoreException.class,
                () -> os.updateMeta("missing", ObjectMeta.builder().name("x").build()));
    }

    @Test
    void linksToObjectsAndBuckets() {
        ObjectStore other = osm.create(ObjectStoreConfig.builder().bucket(os.bucket() + "_other")
                .storage(StorageType.MEMORY).build());
        byte[] data = random(2 * CHUNK + 5, 12);
        ObjectInfo target = other.put(ObjectMeta.builder().name("target").chunkSize(CHUNK).build(),
                new java.io.ByteArrayInputStream(data));
        ObjectInfo link = os.addLink("shortcut", target);
        assertTrue(link.isLink());
        assertEquals(new ObjectLink(other.bucket(), Optional.of("target")), link.link().orElseThrow());
        assertArrayEquals(data, os.getBytes("shortcut"), "a link reads its target");
        assertThrows(ObjectStoreException.class, () -> os.addLink("chain", link), "no link to a link");

        os.addBucketLink("everything", other);
        assertTrue(os.info("everything").orElseThrow().link().orElseThrow().isBucketLink());
        assertThrows(ObjectStoreException.class, () -> os.getBytes("everything"));

        putChunked("real", random(3, 13));
        assertThrows(ObjectStoreException.class, () -> os.addLink("real", target), "a live object keeps its name");
        other.delete("target");
        assertTrue(other.info("target").isEmpty());
        assertThrows(ObjectStoreException.class, () -> os.getBytes("shortcut"), "its target was deleted");
        assertEquals(Set.of("shortcut", "everything", "real"),
                os.list().stream().map(ObjectInfo::name).collect(Collectors.toSet()));
    }

    @Test
    void watchSeesCurrentObjectsThenChanges() {
        putChunked("w1", random(10, 14));
        List<ObjectInfo> seen = new CopyOnWriteArrayList<>();
        try (ObjectStoreWatcher w = os.watch(seen::add)) {
            awaitSize(seen, 1);
            putChunked("w2", random(10, 15));
            os.delete("w1");
            awaitSize(seen, 3);
            assertEquals(List.of("w1", "w2", "w1"), seen.stream().map(ObjectInfo::name).collect(Collectors.toList()));
            assertTrue(seen.get(2).deleted());
        }
    }

    private static void awaitSize(List<?> list, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (list.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + n + " entries, have " + list);
            }
            LockSupport.parkNanos(5_000_000); // poll interval of a bounded wait on a condition
        }
    }

    @Test
    void aSealedBucketRefusesChanges() {
        putChunked("before", random(10, 16));
        assertFalse(os.status().sealed());
        os.seal();
        ObjectStoreStatus status = os.status();
        assertTrue(status.sealed());
        assertEquals(os.bucket(), status.bucket());
        assertTrue(status.size() > 0);
        assertThrows(NatsException.class, () -> putChunked("after", random(10, 17)));
        assertEquals(10, os.getBytes("before").length, "still readable");
    }

    @Test
    void readersLeaveNoServerConsumersBehind() {
        putChunked("r1", random(3 * CHUNK, 18));
        os.getBytes("r1");
        assertEquals(1, os.list().size());
        try (ObjectStoreWatcher w = os.watch(i -> { })) {
            assertEquals(1, js.consumerNames("OBJ_" + os.bucket()).size(), "the watcher's ordered consumer");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!js.consumerNames("OBJ_" + os.bucket()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("consumers left: " + js.consumerNames("OBJ_" + os.bucket()));
            }
            LockSupport.parkNanos(5_000_000); // poll interval of a bounded wait on a condition
        }
    }

    @Test
    void badInputIsRefusedClearly() {
        NatsException e = assertThrows(NatsException.class, () -> ObjectStoreConfig.builder().bucket("a.b").build());
        assertTrue(e.getMessage().contains("'a.b'"), e.getMessage());
        e = assertThrows(NatsException.class, () -> ObjectMeta.builder().name("").build());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(NatsException.class, () -> os.put(ObjectMeta.builder().name("huge").chunkSize(64 * 1024 * 1024)
                .build(), new java.io.ByteArrayInputStream(new byte[1])));
        assertTrue(e.getMessage().contains("max payload"), e.getMessage());
        ObjectStoreException missing = assertThrows(ObjectStoreException.class, () -> osm.bucket("nope"));
        assertTrue(missing.getMessage().contains("'nope'"), missing.getMessage());
        assertArrayEquals("x".getBytes(UTF_8), os.getBytes(os.put("x", "x".getBytes(UTF_8)).name()));
    }
}
