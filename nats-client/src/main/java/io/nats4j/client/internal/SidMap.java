package io.nats4j.client.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Subscription id to subscription, for the reader's per-message lookup: no boxing, no lock on
 * {@link #get}. Writers (subscribe, unsubscribe) serialize on this object.
 *
 * <p>Open addressing with linear probing. Invariants: a slot's key, once set, never changes within a
 * table; a value is published before its key, so a reader that finds a key sees its value or, after
 * removal, null. Removed slots stay as tombstones (key set, value null) until the next rebuild, which
 * publishes a fresh table. Sids are never 0.
 */
final class SidMap<V> {

    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(Object[].class);

    private static final class Table {
        final long[] keys;
        final Object[] values;
        final int mask;

        Table(int capacity) {
            keys = new long[capacity];
            values = new Object[capacity];
            mask = capacity - 1;
        }
    }

    private volatile Table table = new Table(64);
    private int used; // slots with a key (live + tombstones), guarded by this
    private int size; // live entries, guarded by this

    @SuppressWarnings("unchecked")
    V get(long sid) {
        Table t = table;
        int i = mix(sid) & t.mask;
        while (true) {
            long k = (long) KEYS.getAcquire(t.keys, i);
            if (k == sid) {
                return (V) VALUES.getAcquire(t.values, i);
            }
            if (k == 0) {
                return null;
            }
            i = (i + 1) & t.mask;
        }
    }

    synchronized void put(long sid, V value) {
        if ((used + 1) * 2 > table.keys.length) {
            rebuild(Math.max(64, Integer.highestOneBit(Math.max(1, size + 1) * 4 - 1) << 1));
        }
        Table t = table;
        int i = mix(sid) & t.mask;
        while (true) {
            long k = t.keys[i];
            if (k == sid) {
                if (t.values[i] == null) {
                    size++;
                }
                VALUES.setRelease(t.values, i, value);
                return;
            }
            if (k == 0) {
                VALUES.setRelease(t.values, i, value);
                KEYS.setRelease(t.keys, i, sid);
                used++;
                size++;
                return;
            }
            i = (i + 1) & t.mask;
        }
    }

    synchronized void remove(long sid) {
        Table t = table;
        int i = mix(sid) & t.mask;
        while (true) {
            long k = t.keys[i];
            if (k == sid) {
                if (t.values[i] != null) {
                    VALUES.setRelease(t.values, i, null);
                    size--;
                }
                return;
            }
            if (k == 0) {
                return;
            }
            i = (i + 1) & t.mask;
        }
    }

    synchronized int size() {
        return size;
    }

    /** Live values, in no particular order; a snapshot. */
    @SuppressWarnings("unchecked")
    synchronized java.util.List<V> values() {
        java.util.List<V> out = new java.util.ArrayList<>(size);
        Table t = table;
        for (int i = 0; i < t.keys.length; i++) {
            Object v = t.values[i];
            if (v != null) {
                out.add((V) v);
            }
        }
        return out;
    }

    synchronized void clear() {
        table = new Table(64);
        used = 0;
        size = 0;
    }

    private void rebuild(int capacity) {
        Table old = table;
        Table t = new Table(capacity);
        for (int i = 0; i < old.keys.length; i++) {
            Object v = old.values[i];
            if (v != null) {
                int j = mix(old.keys[i]) & t.mask;
                while (t.keys[j] != 0) {
                    j = (j + 1) & t.mask;
                }
                t.keys[j] = old.keys[i];
                t.values[j] = v;
            }
        }
        used = size;
        table = t; // volatile publish: the new table is complete before readers can see it
    }

    private static int mix(long sid) {
        long h = sid * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
