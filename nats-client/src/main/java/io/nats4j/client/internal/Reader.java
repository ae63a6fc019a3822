package io.nats4j.client.internal;

import io.nats4j.protocol.ServerInfo;
import io.nats4j.protocol.internal.MsgView;
import io.nats4j.protocol.internal.ParserSink;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The reader thread of one session ({@code nats4j-reader-<id>}): reads into one large buffer, lets
 * the parser walk the frames in place, and routes each: MSG/HMSG to the {@link SubscriptionRegistry},
 * PING to a PONG, PONG to the session's waiting futures, INFO and {@code -ERR} to the {@link Engine}.
 * Once the session is dead, the rest of its last read is ignored.
 */
final class Reader implements Runnable, ParserSink {

    private static final int READ_BUFFER = 128 * 1024;

    /** What the reader reports upwards; implemented by the {@link Engine}. */
    interface Events {
        /** An INFO after the handshake. */
        void info(Session s, ServerInfo info);

        /** A {@code -ERR} after the handshake. */
        void serverError(Session s, String text);

        /** The session ended: EOF or I/O error. */
        void failed(Session s, Throwable cause);

        /** A malformed frame or a failure while routing one: reported, then the session ends. */
        void broken(Session s, Throwable cause);
    }

    private final Session session;
    private final SubscriptionRegistry registry;
    private final OutboundBuffer out;
    private final Events events;
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
    private final BatchingExecutor completions;

    Reader(Session session, SubscriptionRegistry registry, OutboundBuffer out, Events events,
            BatchingExecutor completions) {
        this.session = session;
        this.registry = registry;
        this.out = out;
        this.events = events;
        this.completions = completions;
    }

    @Override
    public void run() {
        completions.collectOnCurrentThread();
        try {
            while (!session.dead) {
                buffer.clear();
                if (session.transport.read(buffer) < 0) {
                    events.failed(session, new IOException("connection closed by the server"));
                    return;
                }
                buffer.flip();
                session.parser.parse(buffer);
                completions.flush();
            }
        } catch (IOException e) {
            events.failed(session, e);
        } catch (Throwable t) {
            events.broken(session, t);
        } finally {
            completions.stopCollecting();
        }
    }

    @Override
    public void onMsg(MsgView msg) {
        if (!session.dead) {
            registry.deliver(msg);
        }
    }

    @Override
    public void onInfo(ServerInfo info) {
        if (!session.dead) {
            events.info(session, info);
        }
    }

    @Override
    public void onPing() {
        if (!session.dead) {
            out.pong();
        }
    }

    @Override
    public void onPong() {
        if (!session.dead) {
            session.pong();
        }
    }

    @Override
    public void onOk() {
        // verbose mode acknowledgement; nothing waits for it
    }

    @Override
    public void onErr(String error) {
        if (!session.dead) {
            events.serverError(session, error);
        }
    }
}
