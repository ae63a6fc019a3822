package io.nats4j.jetstream.os;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An object's stored description: its meta plus where and how its bytes are kept.
 *
 * @param bucket the bucket holding it
 * @param name the object name (same as {@code meta.name()})
 * @param nuid the unique id of this version: its chunks are on {@code $O.<bucket>.C.<nuid>}
 * @param size the size in bytes
 * @param chunks the number of chunks
 * @param digest {@code "SHA-256=<base64url>"} of the bytes; empty for links and deleted objects
 * @param modified when the server stored this info (the client's clock right after a put)
 * @param deleted whether this is a delete marker
 * @param meta name, description, headers, metadata, chunk size, link
 */
public record ObjectInfo(String bucket, String name, String nuid, long size, int chunks, String digest,
        Instant modified, boolean deleted, ObjectMeta meta) {

    /**
     * Checks the components.
     *
     * @param bucket the bucket
     * @param name the name
     * @param nuid the nuid
     * @param size the size
     * @param chunks the chunks
     * @param digest the digest
     * @param modified the time
     * @param deleted deleted
     * @param meta the meta
     */
    public ObjectInfo {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nuid, "nuid");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(meta, "meta");
    }

    /**
     * Whether this entry is a link to another object or bucket.
     *
     * @return true for links
     */
    public boolean isLink() {
        return meta.link().isPresent();
    }

    /**
     * The link target, for links.
     *
     * @return the target; empty for regular objects
     */
    public Optional<ObjectLink> link() {
        return meta.link();
    }
}
