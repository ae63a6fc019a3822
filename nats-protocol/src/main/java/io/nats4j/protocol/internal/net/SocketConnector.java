package io.nats4j.protocol.internal.net;

import io.nats4j.protocol.internal.Hosts;
import io.nats4j.protocol.spi.TransportOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens a {@link SocketTransport}: resolves the host and connects to each of its addresses in turn,
 * within one deadline. TLS is left to the caller ({@link SocketTransport#handshake(long)}), which
 * may first have to talk through a proxy.
 */
public final class SocketConnector {

    private SocketConnector() {
    }

    /**
     * Connects to one server.
     *
     * <p>Each address gets an equal share of the time left, so a first address that drops packets
     * cannot use up the whole timeout while a second one would answer; an address that refuses at
     * once passes its unused time on to the next.
     *
     * @param host the host to connect to (the server, or a proxy)
     * @param port its port
     * @param deadline {@link System#nanoTime()} by which the connection must be made
     * @param tcp the socket options
     * @param options the transport options (write timeout, TLS settings for a later handshake)
     * @param tlsPeerHost the host name a later TLS handshake verifies and sends as SNI
     * @param where the redacted server URL, for messages
     * @return the connected transport, plain
     * @throws IOException when no address could be connected in time
     */
    public static SocketTransport connect(String host, int port, long deadline, SocketSettings tcp,
            TransportOptions options, String tlsPeerHost, String where) throws IOException {
        InetAddress[] addresses = resolve(host, deadline, where);
        Selector readSelector = Selector.open();
        Selector writeSelector;
        try {
            writeSelector = Selector.open();
        } catch (IOException e) {
            readSelector.close();
            throw e;
        }
        IOException failure = null;
        SocketChannel channel = null;
        InetSocketAddress remote = null;
        try {
            for (int i = 0; i < addresses.length && channel == null; i++) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                remote = new InetSocketAddress(addresses[i], port);
                try {
                    channel = connectOne(remote, System.nanoTime() + left / (addresses.length - i), tcp,
                            writeSelector, where);
                } catch (IOException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw e;
                    }
                    if (failure != null) {
                        e.addSuppressed(failure);
                    }
                    failure = e;
                }
            }
            if (channel == null) {
                if (failure == null) {
                    throw new SocketTimeoutException("connect to " + where + " timed out after "
                            + options.connectTimeout().toMillis() + " ms");
                }
                String tried = addresses.length > 1 ? " (tried " + addresses.length + " addresses)" : "";
                throw IoErrors.withContext(failure, "connect to " + where + tried + " failed");
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(readSelector);
            closeQuietly(writeSelector);
            throw e;
        }
        try {
            return new SocketTransport(channel, readSelector, writeSelector, remote, where, options, tlsPeerHost);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            closeQuietly(readSelector);
            closeQuietly(writeSelector);
            throw e;
        }
    }

    /** Connects one address; on return the channel is registered with the selector for OP_WRITE. */
    private static SocketChannel connectOne(InetSocketAddress remote, long deadline, SocketSettings tcp,
            Selector selector, String where) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, tcp.tcpNoDelay());
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, tcp.keepAlive());
            if (tcp.receiveBufferSize() > 0) {
                // before connect: the window scale is agreed in the SYN
                channel.setOption(StandardSocketOptions.SO_RCVBUF, tcp.receiveBufferSize());
            }
            if (tcp.sendBufferSize() > 0) {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, tcp.sendBufferSize());
            }
            SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
            // non-blocking connect + select: the only way to bound a connect per address
            if (!channel.connect(remote)) {
                for (;;) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new SocketTimeoutException(remote.getAddress().getHostAddress()
                                + " did not answer within its share of the connect timeout");
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("interrupted while connecting to " + where);
                    }
                    selector.select(key2 -> { }, Math.max(1, (left + 999_999) / 1_000_000));
                    if (channel.finishConnect()) {
                        break;
                    }
                }
            }
            key.interestOps(SelectionKey.OP_WRITE);
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            try {
                selector.selectNow(); // drops the cancelled key so the socket is really released
            } catch (IOException | RuntimeException ignored) {
                // the selector is closed by the caller when every address failed
            }
            throw e;
        }
    }

    /**
     * All addresses of {@code host}, within the deadline. A name is looked up on a short-lived
     * daemon thread because {@link InetAddress#getAllByName} has no timeout; the thread ends when the
     * system resolver answers or gives up, even when we stopped waiting. Literals need no lookup.
     */
    private static InetAddress[] resolve(String host, long deadline, String where) throws IOException {
        if (Hosts.isIpLiteral(host)) {
            return InetAddress.getAllByName(host);
        }
        FutureTask<InetAddress[]> lookup = new FutureTask<>(() -> InetAddress.getAllByName(host));
        Thread thread = new Thread(lookup, "nats4j-dns-lookup");
        thread.setDaemon(true);
        thread.start();
        boolean answered = false;
        try {
            InetAddress[] all = lookup.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            answered = true;
            return all;
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new SocketTimeoutException("DNS lookup of '" + host + "' for " + where
                    + " did not finish within the connect timeout");
        } catch (ExecutionException e) {
            answered = true;
            UnknownHostException out = new UnknownHostException("cannot resolve host '" + host + "' of "
                    + where);
            out.initCause(e.getCause());
            throw out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lookup.cancel(true);
            throw new InterruptedIOException("interrupted while resolving " + where);
        } finally {
            if (answered) {
                joinQuietly(thread); // it is returning; joining keeps thread counts exact for callers' checks
            }
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // releasing after a failure; the original error matters
        }
    }
}
