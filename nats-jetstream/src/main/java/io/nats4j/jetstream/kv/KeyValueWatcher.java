package io.nats4j.jetstream.kv;

import java.util.concurrent.CompletableFuture;

/**
 * A running watch of a bucket (see {@link KeyValue#watch}). Close it to stop.
 */
public interface KeyValueWatcher extends AutoCloseable {

    /**
     * Completes once every value that existed when the watch started has been handed to the
     * callback, at once for an empty bucket and for {@link WatchOptions.Builder#updatesOnly()}.
     *
     * @return the marker (a copy: completing it has no effect on the watcher)
     */
    CompletableFuture<Void> initialValuesDone();

    /** Stops the watch; no callback starts after this returns. Idempotent. */
    @Override
    void close();
}
