package io.nats4j.client.internal;

import io.nats4j.protocol.ServerInfo;
import io.nats4j.protocol.internal.MsgView;
import io.nats4j.protocol.internal.Parser;
import io.nats4j.protocol.internal.ParserSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The engine's parts wired without a server or threads: handlers run inline, frames are fed by hand. */
final class EngineParts {

    final OutboundBuffer out = new OutboundBuffer(1 << 20, 1_000_000_000L);
    final Listeners listeners = new Listeners(null, Thread::new, null, null);
    final Counters counters = new Counters();
    boolean closed;
    final SubscriptionRegistry registry = new SubscriptionRegistry(null, out, new Dispatcher(Runnable::run, null),
            listeners, counters, () -> closed, 0, 0);
    private final Parser parser = new Parser(new ParserSink() {
        @Override
        public void onMsg(MsgView msg) {
            registry.deliver(msg);
        }

        @Override
        public void onInfo(ServerInfo info) {
        }

        @Override
        public void onPing() {
        }

        @Override
        public void onPong() {
        }

        @Override
        public void onOk() {
        }

        @Override
        public void onErr(String error) {
        }
    });

    /** Feeds server frames to the registry, as the reader would. */
    void receive(String frames) {
        parser.parse(ByteBuffer.wrap(frames.getBytes(StandardCharsets.UTF_8)));
    }

    static Session session() {
        return new Session(null, null, null, null, null);
    }

    /** What the writer of {@code s} would write next, as text; the buffer goes back as the spare. */
    String written(Session s) {
        ByteBuffer b = out.take(s);
        b.flip();
        String text = StandardCharsets.UTF_8.decode(b).toString();
        out.release(b);
        return text;
    }
}
