package io.nats4j.client.internal;

import io.nats4j.client.Message;
import io.nats4j.protocol.ServerInfo;
import io.nats4j.protocol.internal.MsgView;
import io.nats4j.protocol.internal.Parser;
import io.nats4j.protocol.internal.ParserSink;
import io.nats4j.protocol.spi.Transport;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.LongFunction;

/**
 * Entry points into engine internals for the JMH benchmarks of {@code nats-bench} (exported to
 * {@code io.nats4j.bench} only; not API). Each builds the real engine class with the least around it.
 */
public final class BenchHooks {

    private BenchHooks() {
    }

    /**
     * The write-coalescing path: publishes go through the real {@link OutboundBuffer} to the real
     * {@link Writer} thread, which writes into a transport that counts and discards the bytes.
     */
    public static final class Coalescing implements AutoCloseable {
        private final OutboundBuffer out = new OutboundBuffer(0, Duration.ofSeconds(30).toNanos());
        private final NullTransport transport = new NullTransport();
        private final Session session = new Session(transport, null, null, null, null);
        private final Thread writer;

        Coalescing() {
            out.attach(session, new OutboundBuffer.Priority() {
                @Override
                public int capacity() {
                    return 0;
                }

                @Override
                public void write(ByteBuffer dst) {
                }
            });
            writer = new Thread(new Writer(session, out, (s, e) -> { }), "nats4j-writer-bench");
            writer.setDaemon(true);
            writer.start();
        }

        /**
         * Publishes as {@code Connection.publish(subject, payload)} does after its checks.
         *
         * @param subject the subject
         * @param payload the payload
         */
        public void publish(String subject, byte[] payload) {
            out.publish(subject, null, null, payload);
        }

        /**
         * Returns the bytes the writer has handed to the transport so far.
         *
         * @return the byte count
         */
        public long written() {
            return transport.bytes;
        }

        /**
         * Returns the transport writes so far (one per batch the writer took).
         *
         * @return the write count
         */
        public long writes() {
            return transport.writes;
        }

        /** Stops the writer. */
        @Override
        public void close() {
            out.detach(session);
            out.close();
            try {
                writer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Starts a coalescing path; close it after the benchmark.
     *
     * @return the path
     */
    public static Coalescing coalescing() {
        return new Coalescing();
    }

    /**
     * The subscription table with {@code n} entries under sids 1..n, as the reader looks them up.
     *
     * @param n entries
     * @return a lookup by sid
     */
    public static LongFunction<Object> sidMap(int n) {
        SidMap<Object> map = new SidMap<>();
        for (int i = 1; i <= n; i++) {
            map.put(i, "sub-" + i);
        }
        return map::get;
    }

    /**
     * The request multiplexer with a registry that owns no session: {@link RequestRoundTrip#roundTrip}
     * sends a request, parses the reply frame the server would send and returns the completed reply.
     *
     * @return the round trip; close it after the benchmark
     */
    public static RequestRoundTrip requestMux() {
        return new RequestRoundTrip();
    }

    /** One request through the real {@link RequestMux}: token, map, timer, reply parsing, message. */
    public static final class RequestRoundTrip implements AutoCloseable {
        private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        private final OutboundBuffer out = new OutboundBuffer(0, Duration.ofSeconds(30).toNanos());
        private final SubscriptionRegistry registry = new SubscriptionRegistry(null, out, null, null, new Counters(),
                () -> false, 0, 0);
        private final RequestMux mux;
        private final Parser parser;
        private final ByteBuffer frame = ByteBuffer.allocate(512);
        private final byte[] data = new byte[16];
        private String replyTo;

        RequestRoundTrip() {
            timer.setRemoveOnCancelPolicy(true);
            mux = new RequestMux("_INBOX", registry, timer);
            parser = new Parser(new ParserSink() {
                @Override
                public void onMsg(MsgView m) {
                    registry.deliver(m);
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
        }

        /**
         * Sends one request and feeds back its reply.
         *
         * @return the reply
         */
        public Message roundTrip() {
            CompletableFuture<Message> f = mux.request("svc.echo", null, data, Duration.ofSeconds(10),
                    (subject, reply, headers, payload) -> replyTo = reply);
            byte[] line = ("MSG " + replyTo + " 1 16\r\n").getBytes(StandardCharsets.US_ASCII);
            frame.clear();
            frame.put(line).put(data).put((byte) '\r').put((byte) '\n').flip();
            parser.parse(frame);
            return f.getNow(null);
        }

        /** Stops the timer. */
        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /** Discards what is written, counting it. */
    private static final class NullTransport implements Transport {
        volatile long bytes;
        volatile long writes;

        @Override
        public int read(ByteBuffer dst) {
            return -1;
        }

        @Override
        public void write(ByteBuffer... srcs) {
            long n = 0;
            for (ByteBuffer b : srcs) {
                n += b.remaining();
                b.position(b.limit());
            }
            bytes += n;
            writes++;
        }

        @Override
        public void upgradeToTls() {
            throw new UnsupportedOperationException("no TLS on the null transport");
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return InetSocketAddress.createUnresolved("null", 0);
        }

        @Override
        public void close() {
        }
    }
}
