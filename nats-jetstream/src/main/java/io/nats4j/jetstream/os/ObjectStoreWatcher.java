package io.nats4j.jetstream.os;

/** A running watch of a bucket's objects (see {@link ObjectStore#watch}). Close it to stop. */
public interface ObjectStoreWatcher extends AutoCloseable {

    /** Stops the watch; no callback starts after this returns. Idempotent. */
    @Override
    void close();
}
