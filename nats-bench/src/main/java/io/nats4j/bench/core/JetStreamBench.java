package io.nats4j.bench.core;

import io.nats4j.client.Headers;
import io.nats4j.jetstream.AckPolicy;
import io.nats4j.jetstream.ConsumeContext;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.Consumer;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamMessage;
import io.nats4j.jetstream.PubAck;
import io.nats4j.jetstream.PublishOptions;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.jetstream.kv.KeyValue;
import io.nats4j.jetstream.kv.KeyValueConfig;
import io.nats4j.protocol.NatsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The JetStream workloads of the tool ({@code js pub}, {@code js consume}, {@code kv put|get}),
 * driven through nats4j's JetStream module. Streams, consumers and buckets are created when missing.
 */
public final class JetStreamBench {

    private static final Headers NO_HEADERS = new Headers();

    /**
     * Where the JetStream workloads keep their data.
     *
     * @param stream the stream ({@code js}) or bucket ({@code kv}) name
     * @param consumer the durable consumer name ({@code js consume})
     * @param storage file or memory, for what is created
     * @param batch async publishes in flight before waiting for their acks (0 = synchronous);
     *     messages per pull request for {@code js consume --fetch}
     * @param fetch pull in batches with fetch instead of a continuous consume
     * @param keys distinct keys the kv workloads cycle through
     */
    public record Target(String stream, String consumer, StorageType storage, int batch, boolean fetch, int keys) {
    }

    private JetStreamBench() {
    }

    /**
     * Publishes to a stream: synchronous (latency per acknowledgement) or asynchronous in batches.
     *
     * @param spec where to connect
     * @param load subject, size, msgs, duration
     * @param target stream and batch
     * @param clients publishers
     * @param progress progress counter
     * @return the report
     * @throws InterruptedException if interrupted
     */
    public static RunReport publish(ConnectSpec spec, Load load, Target target, int clients, Progress progress)
            throws InterruptedException {
        List<BenchClient> conns = Bench.connect(ClientKind.NATS4J, spec, "js-pub", clients);
        try {
            ensureStream(js(conns.get(0)), target, load.subject());
            List<ClientResult> results = Bench.parallel(clients, i -> () -> publishOne(js(conns.get(i)), i + 1, load,
                    load.share(clients, i), target, progress));
            return new RunReport("js pub", ClientKind.NATS4J, Redact.urls(spec.servers()), load, results);
        } finally {
            Bench.closeAll(conns);
        }
    }

    private static ClientResult publishOne(JetStream js, int index, Load load, long count, Target target,
            Progress progress) {
        byte[] payload = new byte[load.size()];
        Histogram h = target.batch() == 0 ? new Histogram(3) : null;
        long deadline = load.duration() == null ? Long.MAX_VALUE : System.nanoTime() + load.duration().toNanos();
        long reconnects0 = js.connection().statistics().reconnects();
        long ok = 0;
        long errors = 0;
        long timeouts = 0;
        List<CompletableFuture<PubAck>> window = new ArrayList<>();
        long start = System.nanoTime();
        for (long i = 0; i < count && System.nanoTime() < deadline; i++) {
            try {
                if (h != null) {
                    long t0 = System.nanoTime();
                    js.publish(load.subject(), payload);
                    h.recordValue(System.nanoTime() - t0);
                    ok++;
                } else {
                    window.add(js.publishAsync(load.subject(), NO_HEADERS, payload, PublishOptions.DEFAULT));
                    if (window.size() >= target.batch()) {
                        long[] r = settle(window, load.timeout());
                        ok += r[0];
                        timeouts += r[1];
                        errors += r[2];
                    }
                }
            } catch (io.nats4j.protocol.NatsTimeoutException e) {
                timeouts++;
            } catch (NatsException e) {
                errors++;
            }
            progress.add(1);
        }
        long[] r = settle(window, load.timeout());
        long end = System.nanoTime();
        ok += r[0];
        return new ClientResult("pub", index, ok, ok * load.size(), start, end, timeouts + r[1], errors + r[2], 0,
                js.connection().statistics().reconnects() - reconnects0, 0, h);
    }

    /** Waits for a window of async acks; returns {ok, timeouts, errors}. */
    private static long[] settle(List<CompletableFuture<PubAck>> window, Duration timeout) {
        long[] r = new long[3];
        for (CompletableFuture<PubAck> f : window) {
            try {
                f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                r[0]++;
            } catch (java.util.concurrent.TimeoutException e) {
                r[1]++;
            } catch (java.util.concurrent.ExecutionException e) {
                r[Requester.isTimeout(e.getCause()) ? 1 : 2]++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                r[2]++;
            }
        }
        window.clear();
        return r;
    }

    /**
     * Consumes from a durable pull consumer, acknowledging each message, until {@code msgs} have
     * been consumed, the duration has passed, or nothing came for the load's timeout.
     *
     * @param spec where to connect
     * @param load msgs, duration, timeout
     * @param target stream, consumer, fetch mode and batch
     * @param clients consumers (sharing the durable)
     * @param progress progress counter
     * @return the report
     * @throws InterruptedException if interrupted
     */
    public static RunReport consume(ConnectSpec spec, Load load, Target target, int clients, Progress progress)
            throws InterruptedException {
        List<BenchClient> conns = Bench.connect(ClientKind.NATS4J, spec, "js-sub", clients);
        try {
            JetStream first = js(conns.get(0));
            ensureStream(first, target, load.subject());
            first.createOrUpdateConsumer(target.stream(), ConsumerConfig.builder().durable(target.consumer())
                    .ackPolicy(AckPolicy.EXPLICIT).build());
            AtomicLong total = new AtomicLong();
            List<ClientResult> results = Bench.parallel(clients, i -> () -> consumeOne(js(conns.get(i)), i + 1, load,
                    target, total, progress));
            return new RunReport("js consume", ClientKind.NATS4J, Redact.urls(spec.servers()), load, results);
        } finally {
            Bench.closeAll(conns);
        }
    }

    private static ClientResult consumeOne(JetStream js, int index, Load load, Target target, AtomicLong total,
            Progress progress) throws InterruptedException {
        Consumer consumer = js.consumer(target.stream(), target.consumer());
        long deadline = load.duration() == null ? Long.MAX_VALUE : System.nanoTime() + load.duration().toNanos();
        AtomicLong got = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long[] first = {0};
        long[] last = {0};
        long start = System.nanoTime();
        java.util.function.Consumer<JetStreamMessage> onMessage = m -> {
            try {
                if (total.incrementAndGet() > load.msgs()) {
                    m.nak(); // past the count (a pull batch still arriving): back to the stream for others
                    return;
                }
                m.ack();
            } catch (NatsException e) {
                errors.incrementAndGet();
            }
            long now = System.nanoTime();
            if (got.incrementAndGet() == 1) {
                first[0] = now;
            }
            last[0] = now;
            bytes.addAndGet(m.data().length);
            progress.add(1);
        };
        if (target.fetch()) {
            while (total.get() < load.msgs() && System.nanoTime() < deadline) {
                long left = load.msgs() - total.get();
                List<JetStreamMessage> batch = consumer.fetch((int) Math.max(1, Math.min(target.batch(), left)),
                        load.timeout());
                if (batch.isEmpty()) {
                    break; // a whole timeout without a message
                }
                batch.forEach(onMessage);
            }
        } else {
            CountDownLatch done = new CountDownLatch(1);
            try (ConsumeContext ctx = consumer.consume(ConsumeOptions.builder()
                    .batchSize(Math.max(1, target.batch() == 0 ? 500 : target.batch())).build(), m -> {
                        onMessage.accept(m);
                        if (total.get() >= load.msgs()) {
                            done.countDown();
                        }
                    })) {
                long seen = -1;
                long quietSince = System.nanoTime();
                while (!done.await(100, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                    long now = System.nanoTime();
                    if (got.get() != seen) {
                        seen = got.get();
                        quietSince = now;
                    } else if (now - quietSince >= load.timeout().toNanos()) {
                        break;
                    }
                }
                ctx.stop();
            }
        }
        long n = got.get();
        long s = n == 0 ? start : first[0];
        return new ClientResult("sub", index, n, bytes.get(), s, n == 0 ? s : last[0], 0, errors.get(), 0, 0, 0, null);
    }

    /**
     * Puts values into a bucket (created when missing), cycling through {@code keys} keys, with the
     * latency of each put.
     *
     * @param spec where to connect
     * @param load msgs (puts), size, duration
     * @param target bucket, keys
     * @param clients writers
     * @param progress progress counter
     * @return the report
     * @throws InterruptedException if interrupted
     */
    public static RunReport kvPut(ConnectSpec spec, Load load, Target target, int clients, Progress progress)
            throws InterruptedException {
        return kv("kv put", spec, load, target, clients, progress, true);
    }

    /**
     * Gets values from a bucket, cycling through {@code keys} keys, with the latency of each get; a
     * key without a value counts as an error.
     *
     * @param spec where to connect
     * @param load msgs (gets), duration
     * @param target bucket, keys
     * @param clients readers
     * @param progress progress counter
     * @return the report
     * @throws InterruptedException if interrupted
     */
    public static RunReport kvGet(ConnectSpec spec, Load load, Target target, int clients, Progress progress)
            throws InterruptedException {
        return kv("kv get", spec, load, target, clients, progress, false);
    }

    private static RunReport kv(String command, ConnectSpec spec, Load load, Target target, int clients,
            Progress progress, boolean put) throws InterruptedException {
        List<BenchClient> conns = Bench.connect(ClientKind.NATS4J, spec, "kv", clients);
        try {
            bucket(js(conns.get(0)), target);
            List<ClientResult> results = Bench.parallel(clients, i -> () -> kvOne(bucket(js(conns.get(i)), target),
                    i + 1, load, load.share(clients, i), target, progress, put));
            return new RunReport(command, ClientKind.NATS4J, Redact.urls(spec.servers()), load, results);
        } finally {
            Bench.closeAll(conns);
        }
    }

    private static ClientResult kvOne(KeyValue kv, int index, Load load, long count, Target target, Progress progress,
            boolean put) {
        byte[] value = new byte[load.size()];
        Histogram h = new Histogram(3);
        long deadline = load.duration() == null ? Long.MAX_VALUE : System.nanoTime() + load.duration().toNanos();
        long ok = 0;
        long bytes = 0;
        long errors = 0;
        long timeouts = 0;
        long start = System.nanoTime();
        for (long i = 0; i < count && System.nanoTime() < deadline; i++) {
            String key = String.format(Locale.ROOT, "k%d.%d", index, i % Math.max(1, target.keys()));
            long t0 = System.nanoTime();
            try {
                if (put) {
                    kv.put(key, value);
                    bytes += value.length;
                    ok++;
                } else {
                    var e = kv.get(key);
                    if (e.isPresent()) {
                        bytes += e.get().value().length;
                        ok++;
                    } else {
                        errors++;
                    }
                }
                h.recordValue(System.nanoTime() - t0);
            } catch (io.nats4j.protocol.NatsTimeoutException e) {
                timeouts++;
            } catch (NatsException e) {
                errors++;
            }
            progress.add(1);
        }
        return new ClientResult(put ? "pub" : "req", index, ok, bytes, start, System.nanoTime(), timeouts, errors, 0, 0,
                0, h);
    }

    private static JetStream js(BenchClient c) {
        return JetStream.of(((Nats4jBenchClient) c).connection());
    }

    private static void ensureStream(JetStream js, Target target, String subject) {
        if (!js.streamNames().contains(target.stream())) {
            js.createStream(StreamConfig.builder().name(target.stream()).subjects(subject).storage(target.storage())
                    .build());
        }
    }

    private static KeyValue bucket(JetStream js, Target target) {
        if (js.keyValue().bucketNames().contains(target.stream())) {
            return js.keyValue().bucket(target.stream());
        }
        try {
            return js.keyValue().create(KeyValueConfig.builder().bucket(target.stream()).storage(target.storage()).build());
        } catch (NatsException e) {
            return js.keyValue().bucket(target.stream()); // another client created it meanwhile
        }
    }
}
