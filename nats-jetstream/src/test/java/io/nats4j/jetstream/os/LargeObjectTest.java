package io.nats4j.jetstream.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An object far larger than this JVM's heap streams through put and get. The surefire execution
 * {@code object-store-large} runs this class alone with {@code -Xmx64m}; the object is
 * {@code -Dnats4j.os.large.mib} MiB (default 200, far larger than the heap, so buffering it would fail).
 */
class LargeObjectTest {

    @Test
    void anObjectLargerThanTheHeapStreamsThroughPutAndGet() throws Exception {
        long mib = Long.getLong("nats4j.os.large.mib", 200);
        long size = mib * 1024 * 1024;
        long maxHeap = Runtime.getRuntime().maxMemory();
        assumeTrue(maxHeap < size, "runs in a heap smaller than the object (surefire execution object-store-large), "
                + "here " + (maxHeap >> 20) + " MiB");
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().jetstream().build());
             Connection nc = Nats.connect(server.url())) {
            ObjectStore os = ObjectStoreManager.of(JetStream.of(nc)).create(
                    ObjectStoreConfig.builder().bucket("large").build());
            GeneratedInput in = new GeneratedInput(size, 42);
            long t0 = System.nanoTime();
            ObjectInfo info = os.put("big.bin", in);
            long t1 = System.nanoTime();
            assertEquals(size, info.size());
            assertEquals(in.digest(), info.digest());

            DigestingOutput out = new DigestingOutput();
            os.get("big.bin", out);
            long t2 = System.nanoTime();
            assertEquals(size, out.count);
            assertEquals(in.digest(), out.digest());
            System.out.printf("large object: %d MiB, max heap %d MiB, put %.1f MB/s, get %.1f MB/s%n", mib,
                    maxHeap >> 20, size / ((t1 - t0) / 1e3), size / ((t2 - t1) / 1e3));
        }
    }

    /** Deterministic pseudo-random bytes, never held in memory, with their SHA-256. */
    static final class GeneratedInput extends InputStream {
        private final SplittableRandom random;
        private final MessageDigest sha;
        private long left;

        GeneratedInput(long size, long seed) throws Exception {
            this.left = size;
            this.random = new SplittableRandom(seed);
            this.sha = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) random.nextInt();
            }
            sha.update(b, off, n);
            left -= n;
            return n;
        }

        String digest() throws Exception {
            return "SHA-256=" + Base64.getUrlEncoder().encodeToString(((MessageDigest) sha.clone()).digest());
        }
    }

    /** Counts and digests what it is given, keeping none of it. */
    static final class DigestingOutput extends OutputStream {
        private final MessageDigest sha;
        long count;

        DigestingOutput() throws Exception {
            this.sha = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sha.update(b, off, len);
            count += len;
        }

        String digest() {
            return "SHA-256=" + Base64.getUrlEncoder().encodeToString(sha.digest());
        }
    }
}
