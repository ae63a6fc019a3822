package io.nats4j.protocol.internal.net;

/**
 * Socket options for {@link SocketConnector}; each transport maps its own options record onto it.
 *
 * @param sendBufferSize {@code SO_SNDBUF} in bytes, {@code 0} for the OS default
 * @param receiveBufferSize {@code SO_RCVBUF} in bytes (set before connecting), {@code 0} for the OS default
 * @param tcpNoDelay whether to set {@code TCP_NODELAY}
 * @param keepAlive whether to set {@code SO_KEEPALIVE}
 */
public record SocketSettings(int sendBufferSize, int receiveBufferSize, boolean tcpNoDelay, boolean keepAlive) {

    /** OS-default buffers, {@code TCP_NODELAY} on, keep-alive off. */
    public static final SocketSettings DEFAULTS = new SocketSettings(0, 0, true, false);
}
