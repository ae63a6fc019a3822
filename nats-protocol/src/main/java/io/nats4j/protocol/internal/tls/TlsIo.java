package io.nats4j.protocol.internal.tls;

import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;

/**
 * The plain byte stream a {@link TlsEngine} encrypts: a connected socket, seen through the few
 * operations TLS needs. Implemented by the socket layer of each transport module.
 *
 * <p>Threading follows {@link io.nats4j.protocol.spi.Transport}: one reading thread, one writing
 * thread; {@link #readSome} is only called by the reader, the write methods only under the
 * engine's write lock.
 */
public interface TlsIo {

    /**
     * Reads at least one byte, waiting for the socket to have some.
     *
     * @param dst where to put the bytes; it has room
     * @param deadline {@link System#nanoTime()} bound, or {@code 0} to wait until closed
     * @return bytes read, or -1 at the end of the stream
     * @throws IOException on failure, close, or deadline
     */
    int readSome(ByteBuffer dst, long deadline) throws IOException;

    /**
     * Writes every remaining byte of {@code src}.
     *
     * @param src the bytes
     * @param stallNanos how long the socket may take no byte before the write fails
     * @param what the operation, for messages ("write", "TLS handshake")
     * @throws IOException on failure, close, or stall
     */
    void writeFully(ByteBuffer src, long stallNanos, String what) throws IOException;

    /**
     * One write attempt that never waits and never throws; for best-effort alerts.
     *
     * @param src the bytes
     */
    void tryWriteOnce(ByteBuffer src);

    /**
     * The write deadline of the transport.
     *
     * @return how long a write may make no progress, in nanoseconds
     */
    long writeTimeoutNanos();

    /**
     * Whether the stream was closed by its owner.
     *
     * @return true once closed
     */
    boolean isClosed();

    /**
     * The exception for I/O on a closed stream, naming the server.
     *
     * @return a new exception
     */
    SocketException closedException();
}
