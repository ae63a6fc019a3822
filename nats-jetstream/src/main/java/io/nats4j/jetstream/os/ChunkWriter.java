package io.nats4j.jetstream.os;

import io.nats4j.client.Headers;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.PublishOptions;
import io.nats4j.jetstream.PurgeOptions;
import io.nats4j.jetstream.Stream;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.Nuid;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stores an object: chunks published asynchronously on a fresh {@code $O.<bucket>.C.<nuid>} with at
 * most {@link #window} unacknowledged, then, once every chunk is acknowledged, the info on
 * {@code $O.<bucket>.M.<name>} with a subject rollup. Only then are the chunks of the object it
 * replaces purged; on any failure the new chunks are purged and the old object stays.
 */
final class ChunkWriter {
    /** About this many chunk bytes are in flight at once, whatever the chunk size. */
    private static final int IN_FLIGHT_BYTES = 4 * 1024 * 1024;
    static final String ROLLUP = "Nats-Rollup";

    private final JetStream js;
    private final Stream stream;
    private final String bucket;
    private final Duration timeout;

    ChunkWriter(JetStream js, Stream stream, String bucket) {
        this.js = js;
        this.stream = stream;
        this.bucket = bucket;
        this.timeout = js.options().requestTimeout();
    }

    static int window(int chunkSize) {
        return Math.max(2, Math.min(64, IN_FLIGHT_BYTES / chunkSize));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String digest(MessageDigest sha) {
        return "SHA-256=" + Base64.getUrlEncoder().encodeToString(sha.digest());
    }

    ObjectInfo put(ObjectMeta meta, InputStream in, ObjectInfo replaced) {
        int chunkSize = meta.chunkSize();
        if (chunkSize > js.connection().maxPayload()) {
            throw new NatsIllegalArgumentException("object '" + meta.name() + "': chunk size " + chunkSize
                    + " exceeds the server's max payload " + js.connection().maxPayload());
        }
        String nuid = Nuid.nextGlobal();
        String chunkSubject = "$O." + bucket + ".C." + nuid;
        int window = window(chunkSize);
        Semaphore permits = new Semaphore(window);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        MessageDigest sha = sha256();
        long size = 0;
        int chunks = 0;
        ObjectInfo info;
        try {
            while (failure.get() == null) {
                byte[] buf = new byte[chunkSize]; // a fresh array per chunk: the publish may still hold the last one
                int n = readFully(in, buf, meta.name());
                if (n == 0) {
                    break;
                }
                byte[] data = n == chunkSize ? buf : Arrays.copyOf(buf, n);
                sha.update(data);
                acquire(permits, 1, meta.name());
                js.publishAsync(chunkSubject, new Headers(), data, PublishOptions.DEFAULT).whenComplete((ack, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                    permits.release();
                });
                size += n;
                chunks++;
                if (n < chunkSize) {
                    break;
                }
            }
            acquire(permits, window, meta.name()); // every chunk acknowledged (or failed)
            permits.release(window);
            if (failure.get() != null) {
                throw new ObjectStoreException("object '" + meta.name() + "' in '" + bucket + "': chunk "
                        + "not stored: " + failure.get().getMessage(), failure.get());
            }
            info = new ObjectInfo(bucket, meta.name(), nuid, size, chunks, digest(sha), Instant.now(), false, meta);
            js.publish(metaSubject(bucket, meta.name()), new Headers().put(ROLLUP, "sub"), ObjectJson.write(info),
                    PublishOptions.DEFAULT);
        } catch (RuntimeException | Error e) {
            settle(permits, window); // a chunk still in flight would land after the purge
            purgeQuietly(chunkSubject);
            throw e;
        }
        if (replaced != null && !replaced.deleted() && !replaced.isLink()) {
            purgeQuietly("$O." + bucket + ".C." + replaced.nuid());
        }
        return info;
    }

    static String metaSubject(String bucket, String name) {
        return "$O." + bucket + ".M." + Names.encode(name);
    }

    private void acquire(Semaphore permits, int n, String name) {
        try {
            if (!permits.tryAcquire(n, timeout.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                throw new ObjectStoreException("object '" + name + "' in '" + bucket + "': chunk acknowledgements "
                        + "did not come within " + timeout.multipliedBy(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ObjectStoreException("object '" + name + "' in '" + bucket + "': interrupted while storing", e);
        }
    }

    /** Waits (bounded, quietly) until no chunk publish is outstanding. */
    private void settle(Semaphore permits, int window) {
        try {
            if (permits.tryAcquire(window, timeout.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                permits.release(window);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int readFully(InputStream in, byte[] buf, String name) {
        int off = 0;
        try {
            while (off < buf.length) {
                int r = in.read(buf, off, buf.length - off);
                if (r < 0) {
                    break;
                }
                off += r;
            }
        } catch (IOException e) {
            throw new ObjectStoreException("object '" + name + "': reading the input failed", e);
        }
        return off;
    }

    void purgeQuietly(String subject) {
        try {
            stream.purge(PurgeOptions.builder().subject(subject).build());
        } catch (NatsException e) {
            // best effort: leftover chunks of a failed put are unreachable (no info points at them)
        }
    }
}
