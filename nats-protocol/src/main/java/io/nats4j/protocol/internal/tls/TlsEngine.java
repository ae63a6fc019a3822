package io.nats4j.protocol.internal.tls;

import io.nats4j.protocol.internal.Hosts;
import io.nats4j.protocol.spi.TransportOptions;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;

/**
 * TLS over a socket ({@link TlsIo}), with an {@link SSLEngine}: the one TLS client of nats4j, used
 * by the TCP transport ({@code tls://}) and the WebSocket transport ({@code wss://}).
 *
 * <p>Verification: the server certificate is checked against {@code peerHost} with {@code HTTPS}
 * endpoint identification when hostname verification is on; SNI carries {@code peerHost} unless it
 * is an IP literal. Client certificates come from the context's key managers.
 *
 * <p>Copies: a read decrypts straight into the caller's buffer when it has room for a whole TLS
 * record, and through {@link #appIn} otherwise; a write encrypts straight from the caller's buffers
 * into {@link #netOut}. The encrypted side needs its own buffers whatever we do.
 *
 * <p>Threads: {@code SSLEngine} allows one {@code unwrap} and one {@code wrap} at the same time. The
 * reader owns {@link #netIn} and {@link #appIn}; {@link #netOut} and every {@code wrap} are guarded by
 * {@link #writeLock}, which the reader also takes when the engine needs to answer a post-handshake
 * message (a TLS 1.3 key update).
 */
public final class TlsEngine {

    private static final ByteBuffer[] NO_DATA = {ByteBuffer.allocate(0)};
    /** How many TLS records one write gathers before going to the socket. */
    private static final int RECORDS_PER_WRITE = 4;

    private final TlsIo io;
    private final SSLEngine engine;
    private final String where;
    private final String peerHost;
    private final ReentrantLock writeLock = new ReentrantLock();

    /** Encrypted bytes from the socket; kept in write mode (position = bytes buffered). */
    private ByteBuffer netIn;
    /** Decrypted bytes the caller's buffer had no room for; kept in read mode between reads. */
    private ByteBuffer appIn;
    /** Encrypted bytes on their way out; guarded by writeLock. */
    private ByteBuffer netOut;

    /**
     * Prepares an engine in client mode; no byte moves until {@link #handshake}.
     *
     * @param io the socket to encrypt
     * @param options the TLS context and whether to verify the host name
     * @param peerHost the host name to verify the certificate against and to send as SNI
     * @param port the server port (a hint for session resumption)
     * @param where the redacted server URL, for messages
     * @throws SSLException when no default TLS context exists and none was given
     */
    public TlsEngine(TlsIo io, TransportOptions options, String peerHost, int port, String where)
            throws SSLException {
        this.io = io;
        this.where = where;
        this.peerHost = peerHost;
        SSLContext context;
        if (options.sslContext().isPresent()) {
            context = options.sslContext().get();
        } else {
            try {
                context = SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new SSLException("no default TLS context available for " + where, e);
            }
        }
        engine = context.createSSLEngine(peerHost, port);
        engine.setUseClientMode(true);
        SSLParameters params = engine.getSSLParameters();
        if (options.hostnameVerification()) {
            // the trust manager checks the certificate against the engine's peer host (peerHost)
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!Hosts.isIpLiteral(peerHost)) {
            try {
                params.setServerNames(List.of(new SNIHostName(peerHost)));
            } catch (IllegalArgumentException notAnSniName) {
                // a name SNI cannot carry (e.g. a trailing dot) is still verified; only SNI is skipped
            }
        }
        engine.setSSLParameters(params);
        int packet = engine.getSession().getPacketBufferSize();
        netIn = ByteBuffer.allocate(packet);
        netOut = ByteBuffer.allocate(packet * RECORDS_PER_WRITE);
        appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    /**
     * Runs the handshake; on return {@link #appIn} holds any application data that came with it.
     *
     * @param deadline {@link System#nanoTime()} bound
     * @throws IOException when it fails or times out, with a message that says it is TLS
     */
    public void handshake(long deadline) throws IOException {
        appIn.clear();
        try {
            engine.beginHandshake();
            boolean needMore = false;
            for (;;) {
                if (deadline - System.nanoTime() <= 0) {
                    throw new SocketTimeoutException(); // reported by the catch below
                }
                SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
                switch (hs) {
                    case NEED_TASK -> runTasks();
                    case NEED_WRAP -> {
                        netOut.clear();
                        SSLEngineResult r = engine.wrap(NO_DATA, netOut);
                        if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                            netOut = grow(netOut, engine.getSession().getPacketBufferSize());
                            continue;
                        }
                        netOut.flip();
                        io.writeFully(netOut, Math.max(1, deadline - System.nanoTime()), "TLS handshake");
                        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                            throw new SSLHandshakeException("the TLS engine closed during the handshake");
                        }
                    }
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        if (needMore || (netIn.position() == 0 && hs == SSLEngineResult.HandshakeStatus.NEED_UNWRAP)) {
                            fill(deadline);
                            needMore = false;
                            continue;
                        }
                        netIn.flip();
                        SSLEngineResult r;
                        try {
                            r = engine.unwrap(netIn, appIn);
                        } finally {
                            netIn.compact();
                        }
                        switch (r.getStatus()) {
                            case BUFFER_UNDERFLOW -> needMore = true;
                            case BUFFER_OVERFLOW -> appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                            case CLOSED -> throw new SSLHandshakeException(
                                    "the server closed TLS during the handshake");
                            default -> { }
                        }
                    }
                    default -> {
                        // FINISHED or NOT_HANDSHAKING
                        appIn.flip();
                        return;
                    }
                }
            }
        } catch (SSLException e) {
            sendAlertQuietly();
            throw TlsErrors.tls(e, where, peerHost, looksLikePlainText(), true);
        } catch (SocketTimeoutException e) {
            throw handshakeTimeout();
        } catch (EOFException e) {
            SSLHandshakeException out = new SSLHandshakeException("TLS handshake with " + where
                    + " failed: the server closed the connection (it may not speak TLS on this port,"
                    + " or it rejected the client certificate)");
            out.initCause(e);
            throw out;
        } catch (IOException e) {
            if (io.isClosed()) {
                throw e;
            }
            SSLHandshakeException out = new SSLHandshakeException("TLS handshake with " + where
                    + " failed: " + e.getMessage());
            out.initCause(e);
            throw out;
        }
    }

    private SSLHandshakeException handshakeTimeout() {
        return new SSLHandshakeException("TLS handshake with " + where
                + " did not complete within the connect timeout (is it a TLS port?)");
    }

    /** Reads more encrypted bytes during the handshake; EOF is a failure here. */
    private void fill(long deadline) throws IOException {
        if (!netIn.hasRemaining()) {
            netIn = grow(netIn, engine.getSession().getPacketBufferSize());
        }
        if (io.readSome(netIn, deadline) < 0) {
            throw new EOFException();
        }
    }

    /**
     * Reads decrypted bytes into {@code dst}.
     *
     * @param dst the caller's buffer, with room
     * @return bytes read, or -1 at the end of the stream (close_notify or TCP EOF)
     * @throws IOException on a TLS or socket failure
     */
    public int read(ByteBuffer dst) throws IOException {
        return read(dst, 0);
    }

    /**
     * Reads decrypted bytes into {@code dst}, waiting at most until {@code deadline}; for reads
     * during a connect (a WebSocket upgrade over TLS).
     *
     * @param dst the caller's buffer, with room
     * @param deadline {@link System#nanoTime()} bound, or {@code 0} to wait until closed
     * @return bytes read, or -1 at the end of the stream
     * @throws IOException on a TLS or socket failure, or when the deadline passed
     */
    public int read(ByteBuffer dst, long deadline) throws IOException {
        if (appIn.hasRemaining()) {
            return drainAppIn(dst);
        }
        boolean needMore = netIn.position() == 0;
        boolean viaAppIn = false;
        for (;;) {
            if (needMore) {
                if (!netIn.hasRemaining()) {
                    netIn = grow(netIn, engine.getSession().getPacketBufferSize());
                }
                if (io.readSome(netIn, deadline) < 0) {
                    return -1; // the TCP stream ended; a missing close_notify changes nothing for NATS
                }
                needMore = false;
            }
            ByteBuffer target = !viaAppIn && dst.remaining() >= appIn.capacity() ? dst : appIn;
            if (target == appIn) {
                appIn.clear();
            }
            SSLEngineResult r;
            netIn.flip();
            try {
                r = engine.unwrap(netIn, target);
            } catch (SSLException e) {
                throw TlsErrors.tls(e, where, peerHost, false, false);
            } finally {
                netIn.compact();
                if (target == appIn) {
                    appIn.flip();
                }
            }
            switch (r.getStatus()) {
                case OK -> {
                    if (r.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
                        servicePostHandshake();
                    }
                    if (r.bytesProduced() > 0) {
                        return target == dst ? r.bytesProduced() : drainAppIn(dst);
                    }
                    // a record without application data (session ticket, key update)
                    needMore = netIn.position() == 0 || r.bytesConsumed() == 0;
                }
                case BUFFER_UNDERFLOW -> needMore = true;
                case BUFFER_OVERFLOW -> {
                    if (target == dst) {
                        viaAppIn = true;
                    } else {
                        appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                        appIn.flip();
                    }
                }
                case CLOSED -> {
                    return -1; // the server sent close_notify
                }
                default -> throw new SSLException("unexpected TLS engine state " + r.getStatus());
            }
        }
    }

    private int drainAppIn(ByteBuffer dst) {
        int n = Math.min(appIn.remaining(), dst.remaining());
        if (n == appIn.remaining()) {
            dst.put(appIn);
        } else {
            int limit = appIn.limit();
            appIn.limit(appIn.position() + n);
            dst.put(appIn);
            appIn.limit(limit);
        }
        return n;
    }

    /** Answers what the engine asks for after the handshake (tasks, a key update reply). */
    private void servicePostHandshake() throws IOException {
        for (;;) {
            SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
            if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                runTasks();
            } else if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                writeLock.lock();
                try {
                    if (engine.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                        continue;
                    }
                    netOut.clear();
                    SSLEngineResult r = engine.wrap(NO_DATA, netOut);
                    netOut.flip();
                    io.writeFully(netOut, io.writeTimeoutNanos(), "TLS write");
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        return;
                    }
                } finally {
                    writeLock.unlock();
                }
            } else {
                return;
            }
        }
    }

    /**
     * Encrypts and writes every remaining byte of {@code srcs}.
     *
     * @param srcs the caller's buffers
     * @throws IOException on failure, close, or the write deadline
     */
    public void write(ByteBuffer[] srcs) throws IOException {
        writeLock.lock();
        try {
            int i = 0;
            long stalledSince = 0;
            for (;;) {
                i = skipEmpty(srcs, i);
                if (i == srcs.length) {
                    return;
                }
                boolean progress = wrapRecords(srcs, i);
                netOut.flip();
                if (netOut.hasRemaining()) {
                    io.writeFully(netOut, io.writeTimeoutNanos(), "write");
                }
                stalledSince = progress ? 0 : awaitRenegotiation(stalledSince);
            }
        } finally {
            writeLock.unlock();
        }
    }

    private static int skipEmpty(ByteBuffer[] srcs, int from) {
        int i = from;
        while (i < srcs.length && !srcs[i].hasRemaining()) {
            i++;
        }
        return i;
    }

    /**
     * Encrypts from {@code srcs[from..]} into a cleared {@link #netOut}, gathering several records per
     * socket write (fewer system calls for large payloads), until the sources are empty, netOut has
     * no room for another record, or the engine produces nothing.
     *
     * @return whether the engine consumed or produced anything
     */
    private boolean wrapRecords(ByteBuffer[] srcs, int from) throws IOException {
        netOut.clear();
        int packet = engine.getSession().getPacketBufferSize();
        boolean progress = false;
        int i = from;
        while (i < srcs.length) {
            SSLEngineResult r;
            try {
                r = engine.wrap(srcs, i, srcs.length - i, netOut);
            } catch (SSLException e) {
                throw TlsErrors.tls(e, where, peerHost, false, false);
            }
            if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw io.isClosed() ? io.closedException()
                        : new SSLException("TLS connection to " + where + " is closed");
            }
            if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                runTasks();
            }
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                if (netOut.position() == 0) {
                    netOut = grow(netOut, packet * RECORDS_PER_WRITE);
                    continue;
                }
                break;
            }
            if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                break;
            }
            progress = true;
            i = skipEmpty(srcs, i);
            if (netOut.remaining() < packet) {
                break;
            }
        }
        return progress;
    }

    /**
     * The engine produced nothing: it waits for the reader to unwrap a handshake message (a TLS 1.2
     * renegotiation, which NATS servers do not start). Rare, so a short bounded park is preferred to a
     * condition shared with the reader.
     *
     * @param stalledSince when the stall began, 0 when this is its first round
     * @return when the stall began
     * @throws IOException when the stall outlasts the write timeout, or the socket is closed
     */
    private long awaitRenegotiation(long stalledSince) throws IOException {
        long now = System.nanoTime();
        long since = stalledSince;
        if (since == 0) {
            since = now;
        } else if (now - since > io.writeTimeoutNanos()) {
            throw new SSLException("TLS write to " + where + " stalled for "
                    + TimeUnit.NANOSECONDS.toMillis(io.writeTimeoutNanos())
                    + " ms waiting for a TLS renegotiation to finish");
        }
        if (io.isClosed()) {
            throw io.closedException();
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        return since;
    }

    /** Sends close_notify unless a write is in progress; never blocks. */
    public void sendCloseNotifyIfIdle() {
        // held by this thread: close() called from a stalled write, whose netOut is half sent
        if (writeLock.isHeldByCurrentThread() || !writeLock.tryLock()) {
            return;
        }
        try {
            engine.closeOutbound();
            netOut.clear();
            engine.wrap(NO_DATA, netOut);
            netOut.flip();
            io.tryWriteOnce(netOut);
        } catch (SSLException | RuntimeException ignored) {
            // best effort: the socket is closed right after
        } finally {
            writeLock.unlock();
        }
    }

    /** After a handshake failure, sends the engine's alert so the server logs why. */
    private void sendAlertQuietly() {
        try {
            netOut.clear();
            engine.wrap(NO_DATA, netOut);
            netOut.flip();
            io.tryWriteOnce(netOut);
        } catch (SSLException | RuntimeException ignored) {
            // the handshake already failed; the alert is a courtesy
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** Whether the server's first bytes were printable text such as {@code INFO} or {@code -ERR}. */
    private boolean looksLikePlainText() {
        if (netIn.position() < 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            byte b = netIn.get(i);
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer grow(ByteBuffer buffer, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(atLeast, buffer.capacity() * 2));
        buffer.flip();
        bigger.put(buffer);
        return bigger;
    }
}
