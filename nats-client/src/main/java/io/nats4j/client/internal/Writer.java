package io.nats4j.client.internal;

import java.nio.ByteBuffer;
import java.util.function.BiConsumer;

/**
 * The writer thread of one session ({@code nats4j-writer-<id>}): takes everything the
 * {@link OutboundBuffer} accumulated and hands it to the transport in one write, until the session
 * is detached or closing. Signalled by the buffer, never polling.
 */
final class Writer implements Runnable {

    private final Session session;
    private final OutboundBuffer out;
    private final BiConsumer<Session, Throwable> failed;

    Writer(Session session, OutboundBuffer out, BiConsumer<Session, Throwable> failed) {
        this.session = session;
        this.out = out;
        this.failed = failed;
    }

    @Override
    public void run() {
        ByteBuffer buf;
        ByteBuffer written = null;
        while ((buf = out.take(session, written)) != null) {
            buf.flip();
            try {
                session.transport.write(buf);
            } catch (Exception e) {
                out.release(buf);
                failed.accept(session, e);
                return;
            }
            written = buf;
        }
    }
}
