package io.nats4j.transport.tcp;

import io.nats4j.protocol.NatsIllegalArgumentException;

/**
 * Socket options of the TCP transport, passed to it as an extension of the transport options
 * ({@code TransportOptions.extension(TcpOptions.class)}); when none is given, {@link #defaults()}.
 *
 * <p>Example: {@code TcpOptions.defaults().withSendBufferSize(1 << 20).withReceiveBufferSize(1 << 20)}.
 *
 * <p>Pitfalls: buffer sizes are hints; the operating system may round or cap them (Linux doubles
 * the value and caps it at {@code net.core.wmem_max}/{@code rmem_max}). A very small send buffer
 * makes large publishes slow and a stalled peer reach the write deadline sooner.
 *
 * @param sendBufferSize {@code SO_SNDBUF} in bytes; {@code 0} (the default) keeps the OS default
 * @param receiveBufferSize {@code SO_RCVBUF} in bytes, set before connecting so that the TCP window
 *     scale is negotiated for it; {@code 0} (the default) keeps the OS default
 * @param tcpNoDelay {@code TCP_NODELAY}: send small writes at once instead of waiting to coalesce
 *     them (Nagle's algorithm); default {@code true}, since the client already batches its writes
 *     and a PING or a request must not wait for an ACK
 * @param keepAlive {@code SO_KEEPALIVE}: let the OS probe an idle connection; default {@code false},
 *     since the client's PING timer detects a dead server much sooner than the OS default of hours
 */
public record TcpOptions(int sendBufferSize, int receiveBufferSize, boolean tcpNoDelay, boolean keepAlive) {

    private static final TcpOptions DEFAULTS = new TcpOptions(0, 0, true, false);

    /**
     * Checks the sizes.
     *
     * @param sendBufferSize {@code SO_SNDBUF} in bytes, {@code 0} for the OS default
     * @param receiveBufferSize {@code SO_RCVBUF} in bytes, {@code 0} for the OS default
     * @param tcpNoDelay whether to set {@code TCP_NODELAY}
     * @param keepAlive whether to set {@code SO_KEEPALIVE}
     * @throws NatsIllegalArgumentException when a buffer size is negative
     */
    public TcpOptions {
        if (sendBufferSize < 0) {
            throw new NatsIllegalArgumentException("sendBufferSize must be >= 0 (0 = OS default), was "
                    + sendBufferSize);
        }
        if (receiveBufferSize < 0) {
            throw new NatsIllegalArgumentException("receiveBufferSize must be >= 0 (0 = OS default), was "
                    + receiveBufferSize);
        }
    }

    /**
     * OS-default buffer sizes, {@code TCP_NODELAY} on, keep-alive off.
     *
     * @return the defaults
     */
    public static TcpOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another send buffer size.
     *
     * @param bytes {@code SO_SNDBUF} in bytes, {@code 0} for the OS default
     * @return the copy
     * @throws NatsIllegalArgumentException when {@code bytes} is negative
     */
    public TcpOptions withSendBufferSize(int bytes) {
        return new TcpOptions(bytes, receiveBufferSize, tcpNoDelay, keepAlive);
    }

    /**
     * A copy with another receive buffer size.
     *
     * @param bytes {@code SO_RCVBUF} in bytes, {@code 0} for the OS default
     * @return the copy
     * @throws NatsIllegalArgumentException when {@code bytes} is negative
     */
    public TcpOptions withReceiveBufferSize(int bytes) {
        return new TcpOptions(sendBufferSize, bytes, tcpNoDelay, keepAlive);
    }

    /**
     * A copy with {@code TCP_NODELAY} on or off.
     *
     * @param on whether to disable Nagle's algorithm
     * @return the copy
     */
    public TcpOptions withTcpNoDelay(boolean on) {
        return new TcpOptions(sendBufferSize, receiveBufferSize, on, keepAlive);
    }

    /**
     * A copy with {@code SO_KEEPALIVE} on or off.
     *
     * @param on whether the OS probes idle connections
     * @return the copy
     */
    public TcpOptions withKeepAlive(boolean on) {
        return new TcpOptions(sendBufferSize, receiveBufferSize, tcpNoDelay, on);
    }
}
