package io.nats4j.client.internal;

import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.protocol.internal.Encoder;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The coalescing outbound buffer: publishers encode straight into {@link #pending} under a short
 * lock; the session's {@link Writer} swaps it with {@link #spare} and writes all of it in one call.
 *
 * <p>The writer is signalled only when it is waiting, so a burst of publishes costs one wake-up and
 * publishing allocates nothing once the buffers have grown. While no session owns the buffer
 * ({@link #owner} is null) publishes accumulate up to the reconnect buffer size and control frames
 * are not encoded: the registry sends every subscription again when a session attaches, through
 * {@link #attach}'s first-priority path, ahead of what was buffered.
 *
 * <p>What a lost session left unsent stays, in order, and goes to the next session after the
 * resubscribe frames: its publishes are wanted; its SUB and UNSUB frames are dropped, because the
 * resubscribe is authoritative (a SUB left there may be for a subscription removed while
 * disconnected, whose UNSUB was never encoded); its PINGs are answered into {@link Session#KEEPALIVE}
 * slots so no new flush is completed by an old PONG.
 *
 * <p>Lock order: callers may hold nothing or the {@link Engine}'s monitor; the {@link SidMap} monitor
 * is taken inside this lock, never the other way round.
 */
final class OutboundBuffer {

    static final int INITIAL = 64 * 1024;
    /**
     * While connected, publishers wait for the writer once this much is buffered. Small on purpose:
     * the two buffers the publishers and the writer swap stay in the CPU caches, and so does the
     * JDK's temporary direct copy of each write (with 32 MiB, pub-only ran 1.4-2x slower).
     */
    static final int MAX_PENDING = 512 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition space = lock.newCondition();
    private final long reconnectBufferSize;
    private final long writeTimeoutNanos;
    private ByteBuffer pending = ByteBuffer.allocate(INITIAL);
    private ByteBuffer spare = ByteBuffer.allocate(INITIAL);
    private Session owner;
    private boolean writerWaiting;
    /**
     * The owner's writer while it is parked waiting for frames, else null. The writer parks with
     * {@link LockSupport} rather than a {@code Condition}: a condition wait allocates a node per wait,
     * which is what kept the publish path from allocating nothing. Only the owner's writer parks (it
     * checks ownership under the lock), so one field is enough.
     */
    private Thread parkedWriter;
    private boolean writerBusy;
    private boolean flushingForClose;
    private boolean closed;
    /** PINGs encoded into {@link #pending} since the writer last took it. */
    private int pingsPending;
    private long outMsgs;
    /** The most bytes {@link #pending} held after a publish; for statistics. */
    private long highWaterMark;
    private long outBytes;
    /** Reply subjects of requests whose caller gave up; their buffered PUBs are dropped on attach. */
    private volatile java.util.function.Predicate<String> expiredReply;

    OutboundBuffer(long reconnectBufferSize, long writeTimeoutNanos) {
        this.reconnectBufferSize = reconnectBufferSize;
        this.writeTimeoutNanos = writeTimeoutNanos;
    }

    /**
     * Encodes a PUB or HPUB. The hot path: no allocation once the buffer has grown.
     *
     * @param headerBlock the encoded headers, or null for PUB
     */
    void publish(String subject, String replyTo, byte[] headerBlock, byte[] payload) {
        int need = headerBlock == null ? Encoder.pubCapacity(subject, replyTo, payload.length)
                : Encoder.hpubCapacity(subject, replyTo, headerBlock.length, payload.length);
        lock.lock();
        try {
            ByteBuffer buf = reserveLocked(need, true);
            if (headerBlock == null) {
                Encoder.pub(buf, subject, replyTo, payload, 0, payload.length);
            } else {
                Encoder.hpub(buf, subject, replyTo, headerBlock, payload, 0, payload.length);
            }
            outMsgs++;
            outBytes += payload.length;
            if (buf.position() > highWaterMark) {
                highWaterMark = buf.position();
            }
            wakeWriterLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a PING for the current session and registers {@code pong} for its answer, atomically,
     * so the future belongs to the session that writes the PING.
     *
     * @throws NatsConnectionException when no session owns the buffer
     */
    void ping(CompletableFuture<Void> pong, String status) {
        lock.lock();
        try {
            if (owner == null || closed) {
                throw new NatsConnectionException("not connected (" + status + ")");
            }
            Encoder.ping(reserveLocked(6, false));
            pingsPending++;
            owner.pongs.add(pong);
            wakeWriterLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Answers a server PING on the current session; nothing when there is none. */
    void pong() {
        lock.lock();
        try {
            if (owner != null && !closed) {
                Encoder.pong(reserveLocked(6, false));
                wakeWriterLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- for callers that must change other state atomically with a control frame (the registry)

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /**
     * Room for a control frame (SUB, UNSUB); caller holds the lock.
     *
     * @return the buffer to encode into, or null when no session owns it (the frame is not needed:
     *     the registry resubscribes on attach)
     * @throws NatsConnectionException when closed
     */
    ByteBuffer controlLocked(int need) {
        if (closed) {
            throw new NatsConnectionException("connection is closed");
        }
        return owner == null ? null : reserveLocked(need, false);
    }

    /** Tells a waiting writer there is something to send; caller holds the lock. */
    void wakeWriterLocked() {
        if (writerWaiting) {
            writerWaiting = false;
            unparkWriterLocked();
        }
    }

    /** Wakes the parked writer, if any; caller holds the lock. */
    private void unparkWriterLocked() {
        Thread w = parkedWriter;
        if (w != null) {
            parkedWriter = null;
            LockSupport.unpark(w);
        }
    }

    private ByteBuffer reserveLocked(int need, boolean isPublish) {
        while (true) {
            if (closed) {
                throw new NatsConnectionException("connection is closed");
            }
            ByteBuffer buf = pending;
            if (owner == null) {
                if (isPublish && (reconnectBufferSize == 0 || buf.position() + need > reconnectBufferSize)) {
                    throw new NatsConnectionException(reconnectBufferSize == 0
                            ? "not connected and reconnect buffering is off"
                            : "reconnect buffer full (" + reconnectBufferSize + " bytes) while disconnected");
                }
            } else if (isPublish && buf.position() > 0 && buf.position() + need > MAX_PENDING) {
                // only publishes wait: a control frame is tiny, and the reader must never block
                awaitSpaceLocked(need);
                continue;
            }
            if (buf.remaining() < need) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + need));
                buf.flip();
                bigger.put(buf);
                pending = bigger;
                buf = bigger;
            }
            return buf;
        }
    }

    /** Back-pressure: a publisher waits for the writer, at most the write timeout. */
    private void awaitSpaceLocked(int need) {
        long left = writeTimeoutNanos;
        try {
            while (owner != null && !closed && pending.position() > 0 && pending.position() + need > MAX_PENDING) {
                if (left <= 0) {
                    throw new NatsTimeoutException("outbound buffer full: the writer made no progress for "
                            + TimeUnit.NANOSECONDS.toMillis(writeTimeoutNanos) + " ms");
                }
                left = space.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NatsException("interrupted while waiting for room in the outbound buffer", e);
        }
    }

    // ---- session hand-over

    /** Frames that must precede everything buffered when a session attaches. */
    interface Priority {
        /** Bytes {@link #write} needs at most; called under the lock. */
        int capacity();

        /** Writes the frames; called under the lock, right after {@link #capacity}. */
        void write(ByteBuffer dst);
    }

    /**
     * Makes {@code s} the owner: the priority frames first, then what was buffered.
     *
     * @param s the new session, before its writer starts
     * @param first the resubscribe frames
     */
    void attach(Session s, Priority first) {
        lock.lock();
        try {
            if (pending.position() > 0) {
                java.util.function.Predicate<String> expired = expiredReply;
                pending.position(ExpiredRequests.compact(pending.array(), pending.position(),
                        expired == null ? reply -> false : expired));
            }
            ByteBuffer fresh = ByteBuffer.allocate(Math.max(INITIAL, first.capacity() + pending.position()));
            first.write(fresh);
            pending.flip();
            fresh.put(pending);
            pending = fresh;
            if (spare == null) {
                spare = ByteBuffer.allocate(INITIAL);
            }
            s.expectPongs(pingsPending);
            owner = s;
            writerWaiting = false;
            unparkWriterLocked(); // a previous owner's writer, if still parked, sees it lost ownership
        } finally {
            lock.unlock();
        }
    }

    /** Publishes to a reply subject {@code expired} accepts are dropped from the buffer when a session attaches. */
    void dropPublishesWithReply(java.util.function.Predicate<String> expired) {
        this.expiredReply = expired;
    }

    /** {@code s} is lost: nothing more goes to it; what it left unsent stays for the next session. */
    void detach(Session s) {
        lock.lock();
        try {
            if (owner == s) {
                owner = null;
            }
            unparkWriterLocked();
            space.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** No more frames of any kind; what is buffered may still be flushed by {@link #flushForClose}. */
    void close() {
        lock.lock();
        try {
            closed = true;
            space.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives {@code s}'s writer until the deadline to send what was buffered before close.
     */
    void flushForClose(Session s, long deadlineNanos) {
        lock.lock();
        try {
            flushingForClose = true;
            unparkWriterLocked();
            while (owner == s && (pending.position() > 0 || writerBusy)) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                space.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    // ---- the writer's side

    /**
     * Waits until there is something for {@code s} to write and takes it.
     *
     * @return the bytes to write (flip not yet applied), or null when the writer must end
     */
    ByteBuffer take(Session s) {
        return take(s, null);
    }

    /**
     * {@link #release} of the buffer just written and {@link #take} of the next, under one lock
     * acquisition: the writer takes the publishers' lock once per batch instead of twice.
     *
     * @param written the buffer the writer is done with, or null
     * @return the bytes to write (flip not yet applied), or null when the writer must end
     */
    ByteBuffer take(Session s, ByteBuffer written) {
        if (written != null) {
            written.clear();
        }
        lock.lock();
        try {
            if (written != null && spare == null) {
                spare = written;
            }
            writerBusy = false;
            space.signalAll();
            while (owner == s && pending.position() == 0) {
                if (flushingForClose) {
                    return null;
                }
                writerWaiting = true;
                parkedWriter = Thread.currentThread();
                lock.unlock();
                try {
                    LockSupport.park(this);
                } finally {
                    lock.lock();
                    if (parkedWriter == Thread.currentThread()) {
                        parkedWriter = null;
                    }
                }
            }
            if (owner != s) {
                return null;
            }
            ByteBuffer buf = pending;
            pending = spare != null ? spare : ByteBuffer.allocate(INITIAL);
            spare = null;
            pingsPending = 0;
            writerBusy = true;
            return buf;
        } finally {
            lock.unlock();
        }
    }

    /** The writer is done with {@code buf} (written, or failed); it becomes the spare again. */
    void release(ByteBuffer buf) {
        buf.clear();
        lock.lock();
        try {
            writerBusy = false;
            if (spare == null) {
                spare = buf;
            }
            space.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long highWaterMark() {
        lock.lock();
        try {
            return highWaterMark;
        } finally {
            lock.unlock();
        }
    }

    long outMsgs() {
        lock.lock();
        try {
            return outMsgs;
        } finally {
            lock.unlock();
        }
    }

    long outBytes() {
        lock.lock();
        try {
            return outBytes;
        } finally {
            lock.unlock();
        }
    }
}
