package io.nats4j.jetstream.kv;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A key/value bucket, bound by {@link KeyValueManager#bucket} or made by {@link KeyValueManager#create}.
 *
 * <pre>{@code
 * KeyValue kv = JetStream.of(nc).keyValue().create(KeyValueConfig.builder().bucket("settings").history(5).build());
 * long rev = kv.put("app.colour", "blue".getBytes(UTF_8));
 * kv.update("app.colour", "green".getBytes(UTF_8), rev);          // compare-and-set
 * kv.get("app.colour").map(KeyValueEntry::valueAsString);         // Optional[green]
 * try (KeyValueWatcher w = kv.watch("app.>", WatchOptions.DEFAULT, e -> System.out.println(e))) { ... }
 * }</pre>
 *
 * <p>Keys are dot-separated tokens of letters, digits, {@code -}, {@code /}, {@code _} and {@code =}; a
 * key is stored on the subject {@code $KV.<bucket>.<key>}. Revisions are stream sequences: unique in
 * the bucket and increasing. Reads use direct get and may be served by any replica, so a read right
 * after a write on another connection can return the previous value in a cluster.
 *
 * <p>Thread-safe.
 */
public interface KeyValue {

    /**
     * The bucket name.
     *
     * @return the name
     */
    String bucket();

    /**
     * The latest value of a key.
     *
     * @param key the key
     * @return the entry; empty when the key never existed or its latest entry is a delete or purge
     */
    Optional<KeyValueEntry> get(String key);

    /**
     * The value of a key at one revision.
     *
     * @param key the key
     * @param revision the revision
     * @return the entry; empty when that revision is not a value of this key (another key, a delete
     *     or purge marker, or no longer kept)
     */
    Optional<KeyValueEntry> get(String key, long revision);

    /**
     * Stores a value.
     *
     * @param key the key
     * @param value the value
     * @return the new revision
     */
    long put(String key, byte[] value);

    /**
     * Stores a UTF-8 string value.
     *
     * @param key the key
     * @param value the value
     * @return the new revision
     */
    default long put(String key, String value) {
        return put(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Stores a value only if the key has none: it never existed, or its latest entry is a delete or purge.
     * Of several concurrent creates of one key, exactly one succeeds.
     *
     * @param key the key
     * @param value the value
     * @return the new revision
     * @throws KeyValueException when the key has a value
     */
    long create(String key, byte[] value);

    /**
     * Stores a value only if the key's latest revision is {@code expectedRevision} (compare-and-set).
     *
     * @param key the key
     * @param value the value
     * @param expectedRevision the revision last read
     * @return the new revision
     * @throws KeyValueException when the key has moved on (or has no entry at that revision)
     */
    long update(String key, byte[] value, long expectedRevision);

    /**
     * Deletes a key, keeping its history: a delete marker becomes its latest entry.
     *
     * @param key the key
     */
    void delete(String key);

    /**
     * Purges a key: its history is removed and a purge marker is all that is left.
     *
     * @param key the key
     */
    void purge(String key);

    /**
     * Every stored entry of a key, oldest first, delete and purge markers included.
     *
     * @param key the key
     * @return the entries; empty when the key never existed
     */
    List<KeyValueEntry> history(String key);

    /**
     * The keys that have a value (not deleted or purged). Holds them all in memory; see
     * {@link #keys(String, Consumer)} for a streaming read.
     *
     * @return the live keys
     */
    List<String> keys();

    /**
     * Streams the live keys matching a pattern to a callback, on the calling thread, without holding
     * them in memory (a headers-only read of the latest entry per key).
     *
     * @param pattern a key or a pattern with {@code *} tokens and a final {@code >}; {@code ">"} for all
     * @param onKey called once per live key, in stream order
     */
    void keys(String pattern, Consumer<String> onKey);

    /**
     * Watches keys: first the current entries (see {@link WatchOptions}), then every change, to
     * {@code onEntry}. Built on an ordered consumer, so the watch survives reconnects and server
     * restarts, resuming after the last entry delivered: no update is missed or repeated.
     *
     * <p>Threading: {@code onEntry} runs on the JetStream executor (never on the connection's reader
     * or dispatch thread), one entry at a time, in revision order. An exception it throws is reported
     * and the watch goes on.
     *
     * @param keyPattern a key or a pattern with {@code *} tokens and a final {@code >}; {@code ">"} for all
     * @param options what to deliver
     * @param onEntry the callback
     * @return the watcher; close it to stop
     */
    KeyValueWatcher watch(String keyPattern, WatchOptions options, Consumer<KeyValueEntry> onEntry);

    /**
     * The bucket's state, read from the server.
     *
     * @return the status
     */
    KeyValueStatus status();
}
