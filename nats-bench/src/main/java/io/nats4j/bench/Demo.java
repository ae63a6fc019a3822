package io.nats4j.bench;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.Statistics;
import io.nats4j.client.Subscription;
import io.nats4j.testing.NatsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo: starts a local {@code nats-server} with the {@code nats-testing} fixture and shows the
 * SDK working (publish/subscribe, wildcards, queue groups, headers, request/reply), with measured
 * figures. Run it with {@code bin/demo}; {@code bin/demo --messages 200000} shortens the throughput part.
 */
public final class Demo {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Demo() {
    }

    /**
     * Runs the demo.
     *
     * @param args {@code --messages N}: messages per throughput run (default 2,000,000)
     * @throws Exception when a step fails; the demo exits non-zero
     */
    public static void main(String[] args) throws Exception {
        int messages = 2_000_000;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--messages")) {
                messages = Integer.parseInt(args[i + 1]);
            }
        }
        try (NatsServer server = NatsServer.start()) {
            System.out.printf("nats4j demo: nats-server started by nats-testing at %s (JDK %s, %d cores)%n%n",
                    server.url(), Runtime.version(), Runtime.getRuntime().availableProcessors());
            Options options = Options.builder().server(server.url()).connectionName("nats4j-demo").build();
            try (Connection nc = Nats.connect(options)) {
                System.out.printf("connected to %s, server %s %s, max_payload %d bytes, rtt %d us%n%n",
                        nc.connectedUrl().orElse("?"), nc.serverInfo().serverName(), nc.serverInfo().version(),
                        nc.maxPayload(), TimeUnit.NANOSECONDS.toMicros(nc.rtt().toNanos()));
                publishSubscribe(nc);
                queueGroup(server, nc);
                requestReply(nc);
                publishThroughput(nc, messages);
                pubSubThroughput(server, messages / 2);
                Statistics st = nc.statistics();
                System.out.printf("%nstatistics: out %,d msgs / %,d bytes, in %,d msgs / %,d bytes, reconnects %d, dropped %d%n",
                        st.outMsgs(), st.outBytes(), st.inMsgs(), st.inBytes(), st.reconnects(), st.droppedMessages());
            }
        }
        System.out.println("demo finished: server stopped, connection closed");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void publishSubscribe(Connection nc) {
        System.out.println("1. publish / subscribe, wildcards and headers");
        Subscription exact = nc.subscribe("demo.greet.joe");
        Subscription star = nc.subscribe("demo.greet.*");
        AtomicInteger async = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(3);
        nc.subscribe("demo.>", m -> {
            async.incrementAndGet();
            all.countDown();
        });
        nc.publish("demo.greet.joe", utf8("hello joe"));
        nc.publish("demo.greet.ann", utf8("hello ann"));
        nc.publish("demo.greet.joe", new Headers().add("Trace-Id", "t-1").add("Trace-Id", "t-2"), utf8("with headers"));
        Message a = exact.nextMessage(WAIT);
        System.out.printf("   demo.greet.joe (sync)  <- '%s'%n", a.dataAsString());
        Message b = exact.nextMessage(WAIT);
        System.out.printf("   demo.greet.joe (sync)  <- '%s' Trace-Id=%s%n", b.dataAsString(), b.headers().values("Trace-Id"));
        int starCount = 0;
        while (star.nextMessage(Duration.ofMillis(200)) != null) {
            starCount++;
        }
        await(all);
        System.out.printf("   demo.greet.* (sync) got %d messages; demo.> (async handler) got %d%n%n", starCount, async.get());
    }

    private static void queueGroup(NatsServer server, Connection nc) throws Exception {
        System.out.println("2. queue group: 3 workers on 'demo.jobs' share 3,000 jobs, each delivered once");
        Map<String, AtomicInteger> perWorker = new TreeMap<>();
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(3000);
        Connection[] workers = new Connection[3];
        try {
            for (int w = 0; w < workers.length; w++) {
                workers[w] = Nats.connect(server.url());
                AtomicInteger count = new AtomicInteger();
                perWorker.put("worker-" + w, count);
                workers[w].subscribe("demo.jobs", "workers", m -> {
                    count.incrementAndGet();
                    if (seen.put(m.dataAsString(), Boolean.TRUE) != null) {
                        duplicates.incrementAndGet();
                    }
                    done.countDown();
                });
                workers[w].flush(WAIT);
            }
            for (int i = 0; i < 3000; i++) {
                nc.publish("demo.jobs", utf8("job-" + i));
            }
            await(done);
            System.out.printf("   %s, duplicates %d%n%n", perWorker, duplicates.get());
        } finally {
            for (Connection w : workers) {
                if (w != null) {
                    w.close();
                }
            }
        }
    }

    private static void requestReply(Connection nc) {
        System.out.println("3. request / reply: a service on 'demo.time', 5,000 sequential requests");
        nc.subscribe("demo.time", m -> m.respond(utf8(Long.toString(System.currentTimeMillis()))));
        nc.flush(WAIT);
        int n = 5000;
        long[] lat = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            nc.request("demo.time", new byte[0], WAIT);
            lat[i] = System.nanoTime() - t0;
        }
        Arrays.sort(lat);
        System.out.printf("   latency p50 %d us, p90 %d us, p99 %d us%n", lat[n / 2] / 1000, lat[n * 9 / 10] / 1000,
                lat[n * 99 / 100] / 1000);
        try {
            nc.request("nobody.home", new byte[0], WAIT);
        } catch (io.nats4j.protocol.NoRespondersException e) {
            System.out.printf("   request to 'nobody.home' -> %s%n%n", e.getClass().getSimpleName());
        }
    }

    private static void publishThroughput(Connection nc, int n) {
        System.out.printf("4. publish throughput: %,d x 16-byte messages, timed to the PONG of a final flush%n", n);
        byte[] payload = new byte[16];
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                nc.publish("bench.pub", payload);
            }
            nc.flush(Duration.ofSeconds(60));
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("   %s: %,.0f msgs/s (%.1f MB/s payload)%n", round == 0 ? "warm-up" : "measured",
                    n / secs, n * 16 / secs / 1e6);
        }
    }

    private static void pubSubThroughput(NatsServer server, int n) throws Exception {
        System.out.printf("5. publish -> subscribe: %,d x 16-byte messages between two connections%n", n);
        try (Connection sub = Nats.connect(server.url()); Connection pub = Nats.connect(server.url())) {
            for (int round = 0; round < 2; round++) {
                String subject = "bench.stream." + round;
                AtomicLong got = new AtomicLong();
                CountDownLatch done = new CountDownLatch(1);
                Subscription s = sub.subscribe(subject, m -> {
                    if (got.incrementAndGet() == n) {
                        done.countDown();
                    }
                });
                s.setPendingLimits(-1, -1);
                sub.flush(WAIT);
                byte[] payload = new byte[16];
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    pub.publish(subject, payload);
                }
                pub.flush(Duration.ofSeconds(60));
                boolean all = done.await(60, TimeUnit.SECONDS);
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("   %s: received %,d of %,d (%s), %,.0f msgs/s, dropped %d%n",
                        round == 0 ? "warm-up" : "measured", got.get(), n, all ? "all" : "INCOMPLETE",
                        got.get() / secs, s.droppedMessages());
                s.unsubscribe();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("demo step timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
