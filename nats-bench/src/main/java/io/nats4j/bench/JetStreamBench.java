package io.nats4j.bench;

import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.ConsumeContext;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.PubAck;
import io.nats4j.jetstream.PublishOptions;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JetStream throughput of nats4j beside io.nats:jnats in one run, against one local nats-server
 * (started by nats-testing, memory storage): sync publish, async publish (4000 outstanding at most,
 * for both clients), fetch in batches of 500, and continuous consume (batch 500), in msgs/s.
 * Consumers use ack policy none, so the figures are of delivery, not of ack round trips. Each round
 * runs both clients (the order alternates between rounds, so JIT warm-up favours neither); the
 * medians are printed at the end.
 *
 * <pre>{@code java -cp ... io.nats4j.bench.JetStreamBench --messages 200000 --size 128 --rounds 3}</pre>
 */
public final class JetStreamBench {

    private static final int WINDOW = 4000;
    private static final int BATCH = 500;

    private JetStreamBench() {
    }

    /** The operations measured, once per client. */
    private interface Client extends AutoCloseable {
        String name();

        void createStream(String stream, String subject) throws Exception;

        void deleteStream(String stream) throws Exception;

        void publishSync(String subject, byte[] data) throws Exception;

        /** Publishes asynchronously, returning something to wait on. */
        CompletableFuture<?> publishAsync(String subject, byte[] data) throws Exception;

        void durable(String stream, String name) throws Exception;

        /** One fetch of up to {@code batch}; returns how many came. */
        int fetch(String stream, String consumer, int batch) throws Exception;

        /** Consumes {@code n} messages continuously; returns when they all came. */
        void consume(String stream, String consumer, long n) throws Exception;

        @Override
        void close();
    }

    /**
     * Runs the benchmark and prints one line per figure.
     *
     * @param args {@code --messages N} (default 200000), {@code --size BYTES} (default 128),
     *     {@code --rounds N} (default 3)
     * @throws Exception when a step fails
     */
    public static void main(String[] args) throws Exception {
        int messages = 200_000;
        int size = 128;
        int rounds = 3;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--messages")) {
                messages = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--size")) {
                size = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[i + 1]);
            }
        }
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().jetstream().build())) {
            System.out.printf("JetStream bench: nats-server %s, %d messages of %d B, JDK %s, %d cores, load %s%n",
                    server.url(), messages, size, Runtime.version(), Runtime.getRuntime().availableProcessors(),
                    loadAverage());
            for (int round = 0; round < rounds; round++) {
                String[] order = round % 2 == 0 ? new String[] {"nats4j", "jnats"} : new String[] {"jnats", "nats4j"};
                for (String which : order) {
                    try (Client c = which.equals("nats4j") ? new Nats4j(server.url()) : new Jnats(server.url())) {
                        run(c, messages, new byte[size], round);
                    }
                }
            }
            System.out.printf("%nmedian (min-max) of %d rounds, alternating which client goes first; load %s%n",
                    rounds, loadAverage());
            RESULTS.forEach((key, v) -> {
                java.util.List<Double> sorted = v.stream().sorted().collect(java.util.stream.Collectors.toList());
                System.out.printf("%-22s %,10.0f msgs/s  (%,.0f-%,.0f)%n", key, sorted.get(sorted.size() / 2),
                        sorted.get(0), sorted.get(sorted.size() - 1));
            });
        }
    }

    /** "client figure" to the msgs/s of each round, in first-seen order. */
    private static final java.util.Map<String, java.util.List<Double>> RESULTS = new java.util.LinkedHashMap<>();

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void run(Client c, int n, byte[] data, int round) throws Exception {
        String stream = "BENCH_" + c.name().toUpperCase() + "_" + round;
        String subject = stream.toLowerCase() + ".x";
        c.createStream(stream, subject);
        int syncN = Math.max(1, n / 10);
        long t0 = System.nanoTime();
        for (int i = 0; i < syncN; i++) {
            c.publishSync(subject, data);
        }
        report(c, "publish sync", syncN, t0);

        ArrayDeque<CompletableFuture<?>> window = new ArrayDeque<>();
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (window.size() >= WINDOW) {
                window.poll().get(30, TimeUnit.SECONDS);
            }
            window.add(c.publishAsync(subject, data));
        }
        for (CompletableFuture<?> f : window) {
            f.get(30, TimeUnit.SECONDS);
        }
        report(c, "publish async", n, t0);

        long total = (long) syncN + n;
        c.durable(stream, "F");
        t0 = System.nanoTime();
        long got = 0;
        int empty = 0;
        while (got < total && empty < 3) {
            int n1 = c.fetch(stream, "F", BATCH);
            got += n1;
            empty = n1 == 0 ? empty + 1 : 0;
        }
        if (got < total) {
            System.out.printf("%-7s fetch: only %,d of %,d messages arrived (three empty fetches in a row)%n",
                    c.name(), got, total);
        }
        report(c, "fetch " + BATCH, got, t0);

        c.durable(stream, "C");
        t0 = System.nanoTime();
        c.consume(stream, "C", total);
        report(c, "consume", total, t0);
        c.deleteStream(stream); // the test server's memory store is 64 MiB: make room for the next client
    }

    private static void report(Client c, String what, long n, long t0) {
        double secs = (System.nanoTime() - t0) / 1e9;
        String key = String.format("%-7s %s", c.name(), what);
        RESULTS.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(n / secs);
        System.out.printf("%-7s %-14s %,10d msgs in %6.2f s = %,10.0f msgs/s%n", c.name(), what, n, secs, n / secs);
    }

    /** nats4j: {@code io.nats4j.jetstream}. */
    private static final class Nats4j implements Client {
        private final io.nats4j.client.Connection nc;
        private final JetStream js;
        private final java.util.Map<String, io.nats4j.jetstream.Consumer> bound = new java.util.HashMap<>();

        Nats4j(String url) {
            nc = Nats.connect(url);
            js = JetStream.of(nc);
        }

        @Override
        public String name() {
            return "nats4j";
        }

        @Override
        public void createStream(String stream, String subject) {
            js.createStream(StreamConfig.builder().name(stream).subjects(subject)
                    .storage(io.nats4j.jetstream.StorageType.MEMORY).build());
        }

        @Override
        public void deleteStream(String stream) {
            js.deleteStream(stream);
        }

        @Override
        public void publishSync(String subject, byte[] data) {
            js.publish(subject, data);
        }

        @Override
        public CompletableFuture<PubAck> publishAsync(String subject, byte[] data) {
            return js.publishAsync(subject, null, data, PublishOptions.DEFAULT);
        }

        @Override
        public void durable(String stream, String name) {
            js.createConsumer(stream, ConsumerConfig.builder().durable(name)
                    .ackPolicy(io.nats4j.jetstream.AckPolicy.NONE).build());
            bound.put(name, js.consumer(stream, name));
        }

        @Override
        public int fetch(String stream, String consumer, int batch) {
            return bound.get(consumer).fetch(batch, Duration.ofSeconds(2)).size();
        }

        @Override
        public void consume(String stream, String consumer, long n) throws Exception {
            CountDownLatch done = new CountDownLatch(1);
            AtomicLong count = new AtomicLong();
            ConsumeContext cc = bound.get(consumer).consume(ConsumeOptions.builder().batchSize(BATCH).build(),
                    m -> {
                        if (count.incrementAndGet() == n) {
                            done.countDown();
                        }
                    });
            if (!done.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("nats4j consume got " + count.get() + " of " + n);
            }
            cc.close();
        }

        @Override
        public void close() {
            nc.close();
        }
    }

    /** io.nats:jnats with its simplified JetStream API. */
    private static final class Jnats implements Client {
        private final io.nats.client.Connection nc;
        private final io.nats.client.JetStream js;
        private final io.nats.client.JetStreamManagement jsm;
        private final java.util.Map<String, io.nats.client.ConsumerContext> bound = new java.util.HashMap<>();

        Jnats(String url) throws Exception {
            nc = io.nats.client.Nats.connect(url);
            js = nc.jetStream();
            jsm = nc.jetStreamManagement();
        }

        @Override
        public String name() {
            return "jnats";
        }

        @Override
        public void createStream(String stream, String subject) throws Exception {
            jsm.addStream(StreamConfiguration.builder().name(stream).subjects(subject).storageType(StorageType.Memory)
                    .build());
        }

        @Override
        public void deleteStream(String stream) throws Exception {
            jsm.deleteStream(stream);
        }

        @Override
        public void publishSync(String subject, byte[] data) throws Exception {
            js.publish(subject, data);
        }

        @Override
        public CompletableFuture<?> publishAsync(String subject, byte[] data) {
            return js.publishAsync(subject, data);
        }

        @Override
        public void durable(String stream, String name) throws Exception {
            jsm.addOrUpdateConsumer(stream, ConsumerConfiguration.builder().durable(name).ackPolicy(AckPolicy.None)
                    .build());
            bound.put(name, nc.getConsumerContext(stream, name));
        }

        @Override
        public int fetch(String stream, String consumer, int batch) throws Exception {
            io.nats.client.FetchConsumer fc = bound.get(consumer).fetch(
                    io.nats.client.FetchConsumeOptions.builder().maxMessages(batch).expiresIn(2000).build());
            int got = 0;
            while (fc.nextMessage() != null) {
                got++;
            }
            return got;
        }

        @Override
        public void consume(String stream, String consumer, long n) throws Exception {
            CountDownLatch done = new CountDownLatch(1);
            AtomicLong count = new AtomicLong();
            io.nats.client.MessageConsumer mc = bound.get(consumer).consume(
                    io.nats.client.ConsumeOptions.builder().batchSize(BATCH).build(), m -> {
                        if (count.incrementAndGet() == n) {
                            done.countDown();
                        }
                    });
            if (!done.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("jnats consume got " + count.get() + " of " + n);
            }
            mc.stop();
            mc.close();
        }

        @Override
        public void close() {
            try {
                nc.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
