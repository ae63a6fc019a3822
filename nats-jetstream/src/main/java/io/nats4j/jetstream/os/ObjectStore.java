package io.nats4j.jetstream.os;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An object store bucket: named objects of any size, stored as chunks in a stream.
 *
 * <pre>{@code
 * ObjectStore os = JetStream.of(nc).objectStore().create(ObjectStoreConfig.builder().bucket("files").build());
 * try (InputStream in = Files.newInputStream(path)) {
 *     ObjectInfo info = os.put("backup.tar", in);                  // 128 KiB chunks, SHA-256 digest
 * }
 * try (OutputStream out = Files.newOutputStream(copy)) {
 *     os.get("backup.tar", out);                                    // size and digest verified
 * }
 * }</pre>
 *
 * <p>Objects stream through: a put holds a bounded number of chunks in flight and a get a bounded
 * number of chunks buffered, whatever the object's size. A put replacing an object stores the new
 * chunks and info first and removes the old chunks only after, so a reader sees either the old
 * object or the new one, whole.
 *
 * <p>Pitfalls: {@link #get(String, OutputStream)} writes bytes as they arrive and checks size and
 * digest at the end; on an {@link ObjectStoreException} the output has received bytes that must be
 * discarded. Thread-safe.
 */
public interface ObjectStore {

    /**
     * The bucket name.
     *
     * @return the name
     */
    String bucket();

    /**
     * Stores an object read from a stream to its end (the stream is not closed).
     *
     * @param name the object name
     * @param data the bytes
     * @return the stored info
     * @throws ObjectStoreException when not every chunk was stored (what was stored is removed)
     */
    ObjectInfo put(String name, InputStream data);

    /**
     * Stores an object with its meta (description, headers, metadata, chunk size).
     *
     * @param meta the meta; a link meta is refused (use {@link #addLink})
     * @param data the bytes
     * @return the stored info
     */
    ObjectInfo put(ObjectMeta meta, InputStream data);

    /**
     * Stores an object from memory.
     *
     * @param name the object name
     * @param data the bytes
     * @return the stored info
     */
    ObjectInfo put(String name, byte[] data);

    /**
     * Reads an object to a stream, following a link to an object, and verifies its size and SHA-256.
     *
     * @param name the object name
     * @param out where the bytes go (not closed)
     * @return the object's info
     * @throws ObjectStoreException when there is no such object, it is a bucket link, or the bytes
     *     read do not match the stored size or digest
     */
    ObjectInfo get(String name, OutputStream out);

    /**
     * Reads a whole object into memory (see {@link #get(String, OutputStream)}).
     *
     * @param name the object name
     * @return the bytes
     */
    byte[] getBytes(String name);

    /**
     * The info of an object.
     *
     * @param name the object name
     * @return the info; empty when there is no such object or it was deleted
     */
    Optional<ObjectInfo> info(String name);

    /**
     * Deletes an object: its chunks are removed and a delete marker stays. Deleting a deleted object
     * does nothing.
     *
     * @param name the object name
     * @throws ObjectStoreException when there is no such object
     */
    void delete(String name);

    /**
     * The objects and links in the bucket, deleted ones left out.
     *
     * @return the infos
     */
    List<ObjectInfo> list();

    /**
     * Changes an object's name, description, headers or metadata; its bytes stay.
     *
     * @param name the current name
     * @param meta the new meta (its chunk size is ignored)
     * @return the updated info
     * @throws ObjectStoreException when there is no such object, or the new name is taken
     */
    ObjectInfo updateMeta(String name, ObjectMeta meta);

    /**
     * Adds a link to an object (in this or another bucket).
     *
     * @param name the link's name
     * @param target the object linked to; not deleted, not itself a link
     * @return the link's info
     * @throws ObjectStoreException when the target is deleted or a link, or {@code name} is a live object
     */
    ObjectInfo addLink(String name, ObjectInfo target);

    /**
     * Adds a link to a whole bucket.
     *
     * @param name the link's name
     * @param target the bucket linked to
     * @return the link's info
     * @throws ObjectStoreException when {@code name} is a live object
     */
    ObjectInfo addBucketLink(String name, ObjectStore target);

    /**
     * Watches the bucket: first the current info of every object (deleted ones included, as
     * markers), then every change. {@code onChange} runs on the JetStream executor, one info at a time.
     *
     * @param onChange the callback
     * @return the watcher; close it to stop
     */
    ObjectStoreWatcher watch(Consumer<ObjectInfo> onChange);

    /**
     * Seals the bucket: from now on every change is refused by the server. Cannot be undone.
     */
    void seal();

    /**
     * The bucket's state, read from the server.
     *
     * @return the status
     */
    ObjectStoreStatus status();
}
