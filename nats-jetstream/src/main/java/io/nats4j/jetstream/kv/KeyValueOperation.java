package io.nats4j.jetstream.kv;

/** What an entry records: a value, a delete (history kept) or a purge (history dropped). */
public enum KeyValueOperation {
    /** A value was put. */
    PUT,
    /** The key was deleted; earlier values stay in the history. */
    DELETE,
    /** The key was purged: this marker is all that is left of its history. */
    PURGE
}
