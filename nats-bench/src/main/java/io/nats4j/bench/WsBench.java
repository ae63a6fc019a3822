package io.nats4j.bench;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.transport.ws.WsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WebSocket beside TCP: pub-only and pub→sub throughput at one payload size over {@code nats://},
 * {@code ws://} and {@code ws://} with {@code permessage-deflate}, against one nats-server started by
 * {@code nats-testing} (with a WebSocket listener that agrees to compression), in one run; then the
 * bytes that cross the wire for the same pub→sub workload with and without compression, counted by a
 * loopback relay. Rounds interleave the variants so that a change in machine load hits them alike.
 *
 * <p>Run: {@code java -p <module path> -m io.nats4j.bench/io.nats4j.bench.WsBench [messages] [size] [rounds]}
 * (defaults 500,000 messages of 128 bytes, 3 rounds; the median round is reported). The payload is
 * JSON-like text, so compression has something to find.
 */
public final class WsBench {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private WsBench() {
    }

    /** One transport (and payload kind) to measure. */
    private record Variant(String name, String url, boolean compression, byte[][] payloads) {
        Options options() {
            return Options.builder().server(url).transportOption(WsOptions.builder().compression(compression).build())
                    .build();
        }
    }

    /**
     * Runs the comparison and prints a table.
     *
     * @param args {@code [messages] [size] [rounds]}
     * @throws Exception when a connection or a round fails
     */
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        byte[][] text = textPayloads(size);
        byte[][] random = randomPayloads(size);
        NatsServerConfig cfg = NatsServerConfig.builder().websocket(false).websocketCompression(true).build();
        try (NatsServer server = NatsServer.start(cfg)) {
            List<Variant> variants = List.of(new Variant("nats://", server.url(), false, text),
                    new Variant("ws://", server.wsUrl(), false, text),
                    new Variant("ws:// deflate", server.wsUrl(), true, text),
                    new Variant("ws:// deflate*", server.wsUrl(), true, random));
            for (Variant v : variants) { // warm-up: JIT and connections, untimed
                pubOnly(v, Math.min(messages, 100_000));
                pubSub(v, Math.min(messages, 100_000));
            }
            System.out.printf("WsBench: %,d msgs x %d B, median of %d rounds, JDK %s, %d cores%n", messages, size, rounds,
                    Runtime.version(), Runtime.getRuntime().availableProcessors());
            // rounds interleave the variants, so a change in machine load hits them all alike
            double[][] pub = new double[variants.size()][rounds];
            double[][] sub = new double[variants.size()][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < variants.size(); i++) {
                    pub[i][r] = pubOnly(variants.get(i), messages);
                    sub[i][r] = pubSub(variants.get(i), messages);
                }
            }
            System.out.printf("%-15s %15s %8s %15s %8s%n", "transport", "pub msgs/s", "x nats", "pub->sub msgs/s", "x nats");
            for (int i = 0; i < variants.size(); i++) {
                System.out.printf("%-15s %,15.0f %8.2f %,15.0f %8.2f%n", variants.get(i).name(), median(pub[i]),
                        median(pub[i]) / median(pub[0]), median(sub[i]), median(sub[i]) / median(sub[0]));
            }
            System.out.println("(* random, incompressible payloads; the other rows use JSON-like text)");
            int n = Math.min(messages, 100_000);
            for (byte[][] kind : List.of(text, random)) {
                long plain = wireBytes(server, kind, n, false);
                long deflated = wireBytes(server, kind, n, true);
                System.out.printf("wire bytes, %,d msgs pub->sub over ws:// (%s): %,d plain, %,d deflate (%.1f%%)%n",
                        n, kind == text ? "text" : "random", plain, deflated, 100.0 * deflated / plain);
            }
        }
    }

    /** 1024 different JSON-like records of the given size (order numbers, SKUs, quantities vary). */
    static byte[][] textPayloads(int size) {
        java.util.Random r = new java.util.Random(42);
        byte[][] out = new byte[1024][];
        for (int k = 0; k < out.length; k++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < size) {
                sb.append("{\"order\":").append(100_000 + r.nextInt(900_000)).append(",\"sku\":\"SKU-")
                        .append(r.nextInt(5000)).append("\",\"qty\":").append(1 + r.nextInt(20))
                        .append(",\"price\":").append(r.nextInt(10_000) / 100.0).append(",\"status\":\"NEW\"}");
            }
            out[k] = sb.substring(0, size).getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    /** 1024 different random payloads: nothing for deflate to find. */
    static byte[][] randomPayloads(int size) {
        java.util.Random r = new java.util.Random(7);
        byte[][] out = new byte[1024][size];
        for (byte[] b : out) {
            r.nextBytes(b);
        }
        return out;
    }

    private static double median(double[] rounds) {
        double[] r = rounds.clone();
        Arrays.sort(r);
        return r[r.length / 2];
    }

    private static double pubOnly(Variant v, int messages) {
        byte[][] p = v.payloads();
        try (Connection nc = Nats.connect(v.options())) {
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                nc.publish("bench.pub", p[i & 1023]);
            }
            nc.flush(WAIT);
            return messages / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double pubSub(Variant v, int messages) throws InterruptedException {
        byte[][] p = v.payloads();
        try (Connection sub = Nats.connect(v.options()); Connection pub = Nats.connect(v.options())) {
            CountDownLatch done = new CountDownLatch(1);
            AtomicLong got = new AtomicLong();
            sub.subscribe("bench.sub", m -> {
                if (got.incrementAndGet() == messages) {
                    done.countDown();
                }
            }).setPendingLimits(-1, -1);
            sub.flush(WAIT);
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                pub.publish("bench.sub", p[i & 1023]);
            }
            pub.flush(WAIT);
            if (!done.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(v.name() + ": received " + got.get() + " of " + messages
                        + " (dropped " + sub.statistics().droppedMessages() + ")");
            }
            return messages / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Bytes both ways through a loopback relay in front of the WebSocket port, for one pub->sub run. */
    private static long wireBytes(NatsServer server, byte[][] payloads, int messages, boolean compression)
            throws Exception {
        try (Relay relay = new Relay(server.wsPort())) {
            Variant v = new Variant("relay", "ws://127.0.0.1:" + relay.port(), compression, payloads);
            pubSub(v, messages);
            return relay.bytes.get();
        }
    }

    /** A counting TCP relay on loopback. */
    private static final class Relay implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final int target;
        private final AtomicLong bytes = new AtomicLong();
        private final List<Socket> sockets = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();

        Relay(int target) throws IOException {
            this.target = target;
            start(this::accept);
        }

        int port() {
            return listener.getLocalPort();
        }

        private synchronized void start(Runnable r) {
            Thread t = new Thread(r, "nats4j-bench-relay");
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }

        private void accept() {
            try {
                for (;;) {
                    Socket a = listener.accept();
                    Socket b = new Socket(InetAddress.getLoopbackAddress(), target);
                    synchronized (this) {
                        sockets.add(a);
                        sockets.add(b);
                    }
                    start(() -> pump(a, b));
                    start(() -> pump(b, a));
                }
            } catch (IOException closed) {
                // the relay was closed
            }
        }

        private void pump(Socket from, Socket to) {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) > 0;) {
                    out.write(buf, 0, n);
                    bytes.addAndGet(n);
                }
            } catch (IOException closed) {
                // one side closed
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            List<Thread> all;
            synchronized (this) {
                for (Socket s : sockets) {
                    s.close();
                }
                all = new ArrayList<>(threads);
            }
            for (Thread t : all) {
                try {
                    t.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
