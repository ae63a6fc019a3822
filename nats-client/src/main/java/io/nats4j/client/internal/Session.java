package io.nats4j.client.internal;

import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.ServerInfo;
import io.nats4j.protocol.internal.Parser;
import io.nats4j.protocol.internal.ParserSink;
import io.nats4j.protocol.spi.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One transport to one server after a successful handshake: its parser (which keeps any partial
 * frame the handshake's last read left), the server's INFO, the futures waiting for its PONGs, and
 * its reader and writer threads. A session never comes back once {@link #dead}.
 */
final class Session {

    /** A PONG nobody waits for: keepalive PINGs and PINGs a lost session left unsent. */
    static final CompletableFuture<Void> KEEPALIVE = new CompletableFuture<>();

    final Transport transport;
    final ServerPool.Entry entry;
    final Parser parser;
    /** Where {@link #parser} delivers: the handshake first, then the {@link Reader}. */
    final Inbound inbound;
    /** The INFO of the handshake. */
    final ServerInfo info;
    /** One entry per PING written or queued for this session, in order. */
    final ConcurrentLinkedQueue<CompletableFuture<Void>> pongs = new ConcurrentLinkedQueue<>();
    /** Keepalive PINGs without an answer; reset by any PONG. */
    volatile int pingsOut;
    /** Set once, by whoever gives the session up; reads after that deliver nothing. */
    volatile boolean dead;
    Thread reader;
    Thread writer;

    Session(Transport transport, ServerPool.Entry entry, Parser parser, Inbound inbound, ServerInfo info) {
        this.transport = transport;
        this.entry = entry;
        this.parser = parser;
        this.inbound = inbound;
        this.info = info;
    }

    /** Answers for {@code n} PINGs this session will write but nobody waits for. */
    void expectPongs(int n) {
        for (int i = 0; i < n; i++) {
            pongs.add(KEEPALIVE);
        }
    }

    /** The PONG of the oldest PING came. */
    void pong() {
        pingsOut = 0;
        CompletableFuture<Void> f = pongs.poll();
        if (f != null && f != KEEPALIVE) {
            f.complete(null);
        }
    }

    /** Fails every future waiting for a PONG of this session. */
    void failPongs(NatsException e) {
        CompletableFuture<Void> f;
        while ((f = pongs.poll()) != null) {
            if (f != KEEPALIVE) {
                f.completeExceptionally(e);
            }
        }
    }

    @Override
    public String toString() {
        return "Session[" + entry + (dead ? ", dead" : "") + "]";
    }

    /**
     * The parser's sink, switched from the handshake to the reader before the reader thread starts
     * (so a plain field is enough: {@code Thread.start} publishes it).
     */
    static final class Inbound implements ParserSink {
        private ParserSink target;

        void target(ParserSink sink) {
            this.target = sink;
        }

        @Override
        public void onMsg(io.nats4j.protocol.internal.MsgView msg) {
            target.onMsg(msg);
        }

        @Override
        public void onInfo(ServerInfo info) {
            target.onInfo(info);
        }

        @Override
        public void onPing() {
            target.onPing();
        }

        @Override
        public void onPong() {
            target.onPong();
        }

        @Override
        public void onOk() {
            target.onOk();
        }

        @Override
        public void onErr(String error) {
            target.onErr(error);
        }
    }
}
