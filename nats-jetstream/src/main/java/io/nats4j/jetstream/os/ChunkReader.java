package io.nats4j.jetstream.os;

import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.DeliverPolicy;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamMessage;
import io.nats4j.jetstream.MessageStream;
import io.nats4j.jetstream.OrderedConsumerConfig;
import io.nats4j.jetstream.Stream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads an object's chunks with an ordered consumer, a few chunks per pull, into the caller's
 * stream, and checks the chunk count, size and SHA-256 digest against the info.
 */
final class ChunkReader {
    private final JetStream js;
    private final Stream stream;
    private final String bucket;

    ChunkReader(JetStream js, Stream stream, String bucket) {
        this.js = js;
        this.stream = stream;
        this.bucket = bucket;
    }

    void read(ObjectInfo info, OutputStream out) {
        MessageDigest sha = ChunkWriter.sha256();
        long size = 0;
        if (info.chunks() > 0) {
            size = readChunks(info, out, sha);
        }
        String what = "object '" + info.name() + "' in '" + bucket + "'";
        if (size != info.size()) {
            throw new ObjectStoreException(what + ": read " + size + " bytes, its info says " + info.size());
        }
        String digest = ChunkWriter.digest(sha);
        if (!digest.equals(info.digest())) {
            throw new ObjectStoreException(what + ": SHA-256 digest mismatch: read " + digest + ", its info says "
                    + info.digest());
        }
    }

    private long readChunks(ObjectInfo info, OutputStream out, MessageDigest sha) {
        String what = "object '" + info.name() + "' in '" + bucket + "'";
        OrderedConsumerConfig config = OrderedConsumerConfig.builder().filterSubject("$O." + bucket + ".C." + info.nuid())
                .deliverPolicy(DeliverPolicy.ALL).build();
        int window = ChunkWriter.window(info.meta().chunkSize());
        ConsumeOptions options = ConsumeOptions.builder().batchSize(window).build();
        Duration wait = js.options().requestTimeout();
        long size = 0;
        int got = 0;
        try (MessageStream messages = js.orderedConsumer(stream.name(), config).messages(options)) {
            while (got < info.chunks()) {
                Optional<JetStreamMessage> m = messages.next(wait);
                if (m.isEmpty()) {
                    throw new ObjectStoreException(what + ": chunk " + (got + 1) + " of " + info.chunks()
                            + " did not come within " + wait);
                }
                byte[] data = m.get().data();
                sha.update(data);
                try {
                    out.write(data);
                } catch (IOException e) {
                    throw new ObjectStoreException(what + ": writing the output failed", e);
                }
                size += data.length;
                got++;
                if (m.get().metadata().pending() == 0 && got < info.chunks()) {
                    throw new ObjectStoreException(what + ": only " + got + " of " + info.chunks() + " chunks are stored");
                }
            }
        }
        return size;
    }
}
