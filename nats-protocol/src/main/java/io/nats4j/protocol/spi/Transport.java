package io.nats4j.protocol.spi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * One byte stream to one NATS server, opened by a {@link TransportProvider}.
 *
 * <p>Threading: the client calls {@link #read} from exactly one thread (its reader) and
 * {@link #write} from exactly one other thread (its writer), concurrently; {@link #close()} may be
 * called from any thread at any time and must unblock both. {@link #upgradeToTls()} is called only
 * during the handshake, before the reader and writer threads start.
 *
 * <p>Buffers: data moves straight between the socket and the caller's buffers; an implementation
 * copies only where its wire format (TLS records, WebSocket frames) forces it to.
 *
 * <p>Pitfalls: a transport never retries on its own and never swallows an {@link IOException}; the
 * client decides whether to reconnect.
 */
public interface Transport extends AutoCloseable {

    /**
     * Reads at least one byte into {@code dst}, blocking until some arrive.
     *
     * @param dst the buffer to fill from its position up to its limit; it has room for at least one byte
     * @return the number of bytes read, or {@code -1} at the end of the stream
     * @throws IOException when the transport failed or was closed while reading
     */
    int read(ByteBuffer dst) throws IOException;

    /**
     * Writes every remaining byte of the buffers, in order, or fails.
     *
     * <p>A write that makes no progress for longer than {@link TransportOptions#writeTimeout()}
     * fails with an {@link IOException} (and the transport should then be closed), so a half-open
     * socket cannot hang the writer.
     *
     * @param srcs the buffers to write from their positions to their limits; their positions advance
     * @throws IOException when the transport failed, stalled past its write deadline, or was closed
     */
    void write(ByteBuffer... srcs) throws IOException;

    /**
     * Upgrades a plain connection to TLS after the server's {@code INFO} asked for it (or the client
     * requires TLS). Transports that are secure from the start (or cannot upgrade) return at once if
     * already secure and otherwise throw.
     *
     * @throws IOException when the handshake fails (untrusted certificate, wrong host name, timeout)
     */
    void upgradeToTls() throws IOException;

    /**
     * Whether bytes on this transport are encrypted.
     *
     * @return true once TLS is established
     */
    boolean isSecure();

    /**
     * The address of the server this transport is connected to.
     *
     * @return the peer's address
     */
    InetSocketAddress remoteAddress();

    /**
     * Closes the transport; idempotent, never throws, unblocks a pending {@link #read} and {@link #write}.
     */
    @Override
    void close();
}
