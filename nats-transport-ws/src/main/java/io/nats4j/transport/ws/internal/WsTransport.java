package io.nats4j.transport.ws.internal;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.internal.net.SocketTransport;
import io.nats4j.protocol.spi.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;

/**
 * The {@link Transport} behind {@code ws://} and {@code wss://}: the NATS byte stream in WebSocket
 * binary frames over the shared socket layer (TLS from the first byte for {@code wss://}).
 *
 * <p>{@link #upgradeToTls()}: TLS is chosen by the scheme before the upgrade, so a {@code ws://}
 * transport cannot become secure later. It fails when the client requires TLS, and otherwise returns
 * without doing anything: nats-server copies {@code tls_required} of its TCP port into the INFO of
 * WebSocket clients, while its WebSocket listener has its own TLS setting and already let us in.
 */
public final class WsTransport implements Transport {

    private final SocketTransport raw;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final String where;
    private final InetSocketAddress remote;
    private final boolean tlsRequired;
    private final AtomicBoolean closed = new AtomicBoolean();

    WsTransport(SocketTransport raw, ByteBuffer in, Handshake.Agreed agreed, String where,
            InetSocketAddress remote, boolean tlsRequired) {
        this.raw = raw;
        this.writer = new FrameWriter(raw, agreed.deflate());
        this.reader = new FrameReader(raw, writer, where, in, agreed.deflate(), agreed.serverNoContextTakeover());
        this.where = where;
        this.remote = remote;
        this.tlsRequired = tlsRequired;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            throw new NatsIllegalArgumentException("read buffer has no room");
        }
        return reader.read(dst);
    }

    @Override
    public void write(ByteBuffer... srcs) throws IOException {
        writer.write(srcs);
    }

    @Override
    public void upgradeToTls() throws IOException {
        if (raw.isSecure() || !tlsRequired) {
            return;
        }
        throw new SSLException("TLS is required, but " + where + " is a plain WebSocket; use wss:// for TLS");
    }

    @Override
    public boolean isSecure() {
        return raw.isSecure();
    }

    /**
     * The server's address; through a proxy, the server's (unresolved) name and port.
     *
     * @return the address
     */
    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writer.closeIfIdle(1000);
        raw.close();
        writer.release();
    }

    @Override
    public String toString() {
        return "WsTransport[" + where + (raw.isSecure() ? ", tls" : "") + (closed.get() ? ", closed" : "") + "]";
    }
}
