package io.nats4j.protocol.internal.net;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.protocol.spi.TransportOptions;
import io.nats4j.protocol.internal.tls.TlsEngine;
import io.nats4j.protocol.internal.tls.TlsIo;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A connected TCP socket, optionally upgraded to TLS: the {@link Transport} behind {@code nats://}
 * and {@code tls://}, and the byte stream under the WebSocket transport's frames.
 *
 * <p>Mechanism: the channel is non-blocking and registered with two selectors, one used only by
 * the reader thread and one only by the writer thread, so that each can wait on its own condition
 * without holding the other up. I/O is tried first and the selector is consulted only when the
 * socket has nothing to give or no room to take, so a busy connection costs one system call per
 * read or write. The write deadline is the writer's selector timeout: there is no watchdog thread.
 * {@link #close()} closes the channel and wakes both selectors, which unblocks both threads.
 *
 * <p>Invariants: {@link #readSelector} is touched only by the thread in {@link #read} (and by the
 * handshake, which runs before the reader starts); {@link #writeSelector} only by the thread
 * holding the write side (the writer, or the reader holding the TLS write lock); both are closed
 * only by {@link #close()}.
 */
public final class SocketTransport implements Transport, TlsIo {

    /** Selection results are not needed: a wake-up only means "try the I/O again". */
    private static final Consumer<SelectionKey> IGNORE = key -> { };

    private final SocketChannel channel;
    private final Selector readSelector;
    private final Selector writeSelector;
    private final InetSocketAddress remote;
    private final String where;
    private final TransportOptions options;
    private final String tlsPeerHost;
    private final long writeTimeoutNanos;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Set once by the handshake, before the reader and writer threads exist. */
    private volatile TlsEngine tls;

    /**
     * Wraps a connected channel.
     *
     * @param channel a connected, non-blocking channel
     * @param readSelector a selector for the reader; this transport owns and closes it
     * @param writeSelector a selector for the writer, with the channel already registered for
     *     {@code OP_WRITE}; this transport owns and closes it
     * @param remote the connected peer address
     * @param where the redacted server URL for messages
     * @param options the transport options
     * @param tlsPeerHost the host name to verify the server certificate against and to send as SNI
     * @throws IOException when the channel cannot be registered with the read selector
     */
    SocketTransport(SocketChannel channel, Selector readSelector, Selector writeSelector,
            InetSocketAddress remote, String where, TransportOptions options, String tlsPeerHost)
            throws IOException {
        this.channel = channel;
        this.readSelector = readSelector;
        this.writeSelector = writeSelector;
        this.remote = remote;
        this.where = where;
        this.options = options;
        this.tlsPeerHost = tlsPeerHost;
        this.writeTimeoutNanos = Math.max(1, options.writeTimeout().toNanos());
        channel.register(readSelector, SelectionKey.OP_READ);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            throw new NatsIllegalArgumentException("read buffer has no room");
        }
        TlsEngine layer = tls;
        return layer == null ? readSome(dst, 0) : layer.read(dst);
    }

    /**
     * Like {@link #read(ByteBuffer)}, waiting at most until {@code deadline}; for reads during a
     * connect (a proxy's answer, a WebSocket upgrade), which the connect timeout bounds.
     *
     * @param dst the buffer to fill; it has room
     * @param deadline {@link System#nanoTime()} bound, or {@code 0} to wait until closed
     * @return the number of bytes read, or {@code -1} at the end of the stream
     * @throws IOException when the transport failed or was closed, or the deadline passed
     *     ({@link SocketTimeoutException})
     */
    public int read(ByteBuffer dst, long deadline) throws IOException {
        if (!dst.hasRemaining()) {
            throw new NatsIllegalArgumentException("read buffer has no room");
        }
        TlsEngine layer = tls;
        return layer == null ? readSome(dst, deadline) : layer.read(dst, deadline);
    }

    @Override
    public void write(ByteBuffer... srcs) throws IOException {
        TlsEngine layer = tls;
        if (layer == null) {
            writeFully(srcs, 0, srcs.length, writeTimeoutNanos, "write");
        } else {
            layer.write(srcs);
        }
    }

    @Override
    public void upgradeToTls() throws IOException {
        if (tls != null) {
            return;
        }
        handshake(System.nanoTime() + options.connectTimeout().toNanos());
    }

    /**
     * Runs the TLS handshake now; used by {@code upgradeToTls()} and by handshake-first opens.
     * Closes the transport when the handshake fails.
     *
     * @param deadline {@link System#nanoTime()} by which the handshake must be done
     * @throws IOException when the handshake fails or times out; the message says it is TLS
     */
    public void handshake(long deadline) throws IOException {
        if (closed.get()) {
            throw closedException();
        }
        try {
            TlsEngine layer = new TlsEngine(this, options, tlsPeerHost, remote.getPort(), where);
            layer.handshake(deadline);
            tls = layer;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public boolean isSecure() {
        return tls != null;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        TlsEngine layer = tls;
        if (layer != null) {
            layer.sendCloseNotifyIfIdle();
        }
        try {
            channel.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is best effort; the descriptor is released when the selectors let go of it
        }
        closeSelector(readSelector);
        closeSelector(writeSelector);
    }

    private static void closeSelector(Selector selector) {
        selector.wakeup();
        try {
            selector.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing left to release
        }
    }

    @Override
    public String toString() {
        return "SocketTransport[" + where + (tls != null ? ", tls" : "") + (closed.get() ? ", closed" : "") + "]";
    }

    // ---- plain I/O, used by TlsEngine ---------------------------------------------------------

    @Override
    public int readSome(ByteBuffer dst, long deadline) throws IOException {
        for (;;) {
            int n;
            try {
                n = channel.read(dst);
            } catch (IOException e) {
                throw failure(e, "read from");
            }
            if (n != 0) {
                return n;
            }
            long waitMillis = 0;
            if (deadline != 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SocketTimeoutException("read from " + where + " timed out");
                }
                waitMillis = toMillis(left);
            }
            await(readSelector, waitMillis);
        }
    }

    /**
     * Writes every remaining byte of {@code srcs[off..off+len)}.
     *
     * @param srcs buffers
     * @param off first buffer
     * @param len number of buffers
     * @param stallNanos how long the socket may take no byte before the write fails
     * @param what the operation for messages ("write", "TLS handshake")
     * @throws IOException on failure, close, or stall
     */
    void writeFully(ByteBuffer[] srcs, int off, int len, long stallNanos, String what) throws IOException {
        int i = off;
        int end = off + len;
        long stallDeadline = 0; // 0 while the last attempt made progress: no clock read on the fast path
        for (;;) {
            while (i < end && !srcs[i].hasRemaining()) {
                i++;
            }
            if (i == end) {
                return;
            }
            long n;
            try {
                n = end - i == 1 ? channel.write(srcs[i]) : channel.write(srcs, i, end - i);
            } catch (IOException e) {
                throw failure(e, what + " to");
            }
            if (n > 0) {
                stallDeadline = 0;
                continue;
            }
            stallDeadline = stalled(stallDeadline, stallNanos, what);
        }
    }

    /**
     * After a write that made no progress: waits until the socket takes bytes again, or fails once it
     * took none for {@code stallNanos}.
     *
     * @param stallDeadline 0 when the previous attempt made progress, else the deadline set then
     * @return the deadline now in force
     */
    private long stalled(long stallDeadline, long stallNanos, String what) throws IOException {
        long now = System.nanoTime();
        if (stallDeadline == 0) {
            stallDeadline = now + stallNanos;
        } else if (now - stallDeadline >= 0) {
            SocketTimeoutException timeout = new SocketTimeoutException(what + " to " + where
                    + " stalled: the server took no byte for " + TimeUnit.NANOSECONDS.toMillis(stallNanos) + " ms");
            // part of a frame may have gone out; the stream cannot be resumed
            close();
            throw timeout;
        }
        await(writeSelector, toMillis(stallDeadline - now));
        return stallDeadline;
    }

    @Override
    public void writeFully(ByteBuffer src, long stallNanos, String what) throws IOException {
        long stallDeadline = 0;
        while (src.hasRemaining()) {
            int n;
            try {
                n = channel.write(src);
            } catch (IOException e) {
                throw failure(e, what + " to");
            }
            if (n > 0) {
                stallDeadline = 0;
                continue;
            }
            stallDeadline = stalled(stallDeadline, stallNanos, what);
        }
    }

    @Override
    public void tryWriteOnce(ByteBuffer src) {
        try {
            channel.write(src);
        } catch (IOException | RuntimeException ignored) {
            // best effort: the connection is going away anyway
        }
    }

    @Override
    public long writeTimeoutNanos() {
        return writeTimeoutNanos;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    private void await(Selector selector, long millis) throws IOException {
        if (closed.get()) {
            throw closedException();
        }
        if (Thread.currentThread().isInterrupted()) {
            // select() returns at once for an interrupted thread: waiting would spin
            throw new InterruptedIOException("interrupted while waiting on " + where);
        }
        try {
            selector.select(IGNORE, millis);
        } catch (ClosedSelectorException e) {
            throw closedException();
        } catch (IOException e) {
            throw failure(e, "waiting on");
        }
        if (closed.get()) {
            throw closedException();
        }
    }

    private static long toMillis(long nanos) {
        // round up so that a wait never becomes 0, which would mean "for ever"
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    @Override
    public SocketException closedException() {
        return new SocketException("connection to " + where + " is closed");
    }

    /**
     * Names the server in a socket exception, keeping its kind.
     *
     * @param e the exception
     * @param op what was being done ("read from", "write to")
     * @return the exception to throw
     */
    IOException failure(IOException e, String op) {
        if (e instanceof ClosedChannelException || closed.get()) {
            SocketException c = closedException();
            c.initCause(e);
            return c;
        }
        return IoErrors.withContext(e, op + " " + where + " failed");
    }
}
