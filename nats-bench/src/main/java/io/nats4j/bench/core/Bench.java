package io.nats4j.bench.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Runs the workloads with N clients, each on its own connection and thread; what the command line
 * and the race share. Every method connects its clients first (a failed connect closes the others
 * and throws {@link BenchException}), then starts them together.
 */
public final class Bench {

    private Bench() {
    }

    /**
     * Publishers only.
     *
     * @param kind which client
     * @param spec where to connect
     * @param load the load; {@code msgs} is split over the clients
     * @param clients number of publishers
     * @param progress progress counter
     * @return the report
     * @throws InterruptedException if interrupted
     */
    public static RunReport pub(ClientKind kind, ConnectSpec spec, Load load, int clients, Progress progress)
            throws InterruptedException {
        List<BenchClient> conns = connect(kind, spec, "pub", clients);
        try {
            List<ClientResult> results = parallel(clients, i -> () -> Publisher.run(conns.get(i), i + 1, load,
                    load.share(clients, i), load.rate() / clients, progress));
            return new RunReport("pub", kind, Redact.urls(spec.servers()), load, results);
        } finally {
            closeAll(conns);
        }
    }

    /**
     * Subscribers only, fed by publishers elsewhere: without a queue group each expects {@code msgs},
     * in a queue group they share {@code msgs}.
     *
     * @param kind which client
     * @param spec where to connect
     * @param load the load
     * @param clients number of subscribers
     * @param progress progress counter
     * @param ready run once every subscription is live on the server
     * @return the report
     * @throws InterruptedException if interrupted
     */
    public static RunReport sub(ClientKind kind, ConnectSpec spec, Load load, int clients, Progress progress,
            Runnable ready) throws InterruptedException {
        List<BenchClient> conns = connect(kind, spec, "sub", clients);
        try {
            List<Subscriber> subs = startSubscribers(conns, load, progress);
            ready.run();
            if (load.queue() != null && load.msgs() != Long.MAX_VALUE) {
                awaitGroup(subs, load.msgs(), load);
            }
            return new RunReport("sub", kind, Redact.urls(spec.servers()), load, awaitAll(subs));
        } finally {
            closeAll(conns);
        }
    }

    /**
     * Publishers and subscribers in one process; subscribers are live before the first publish.
     *
     * @param kind which client
     * @param spec where to connect
     * @param load the load
     * @param pubs number of publishers
     * @param subs number of subscribers
     * @param progress progress counter (counts messages received)
     * @return the report
     * @throws InterruptedException if interrupted
     */
    public static RunReport pubsub(ClientKind kind, ConnectSpec spec, Load load, int pubs, int subs,
            Progress progress) throws InterruptedException {
        List<BenchClient> subConns = connect(kind, spec, "sub", subs);
        List<BenchClient> pubConns = List.of();
        try {
            pubConns = connect(kind, spec, "pub", pubs);
            List<BenchClient> pc = pubConns;
            List<Subscriber> subscribers = startSubscribers(subConns, load, progress);
            Progress silent = new Progress(0);
            List<ClientResult> results = new ArrayList<>(parallel(pubs, i -> () -> Publisher.run(pc.get(i), i + 1,
                    load, load.share(pubs, i), load.rate() / pubs, silent)));
            long sent = results.stream().mapToLong(ClientResult::msgs).sum();
            progress.target(load.queue() == null ? sent * subs : sent);
            if (load.queue() == null) {
                subscribers.forEach(s -> s.expect(sent));
            } else {
                awaitGroup(subscribers, sent, load);
            }
            results.addAll(awaitAll(subscribers));
            return new RunReport("pubsub", kind, Redact.urls(spec.servers()), load, results);
        } finally {
            closeAll(pubConns);
            closeAll(subConns);
        }
    }

    /**
     * Requesters against a service elsewhere ({@link #reply}).
     *
     * @param kind which client
     * @param spec where to connect
     * @param load the load; {@code msgs} requests split over the clients
     * @param clients number of requesters
     * @param progress progress counter
     * @return the report, with latency histograms
     * @throws InterruptedException if interrupted
     */
    public static RunReport request(ClientKind kind, ConnectSpec spec, Load load, int clients, Progress progress)
            throws InterruptedException {
        List<BenchClient> conns = connect(kind, spec, "req", clients);
        try {
            List<ClientResult> results = parallel(clients, i -> () -> Requester.run(conns.get(i), i + 1, load,
                    load.share(clients, i), load.rate() / clients, progress));
            return new RunReport("request", kind, Redact.urls(spec.servers()), load, results);
        } finally {
            closeAll(conns);
        }
    }

    /**
     * A service: repliers (sharing the load's queue group) answer until {@code msgs} requests have
     * been served in total, the duration has passed, or {@code stop} is counted down.
     *
     * @param kind which client
     * @param spec where to connect
     * @param load the load
     * @param clients number of repliers
     * @param progress progress counter
     * @param stop counted down from outside (Ctrl-C) to stop early
     * @param ready counted down once every replier is subscribed
     * @return the report
     * @throws InterruptedException if interrupted
     */
    public static RunReport reply(ClientKind kind, ConnectSpec spec, Load load, int clients, Progress progress,
            CountDownLatch stop, CountDownLatch ready) throws InterruptedException {
        List<BenchClient> conns = connect(kind, spec, "rep", clients);
        try {
            AtomicLong total = new AtomicLong();
            List<Replier> repliers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                repliers.add(Replier.start(conns.get(i), i + 1, load, total, load.msgs(), stop, progress));
            }
            ready.countDown();
            long wait = load.duration() == null ? Long.MAX_VALUE : load.duration().toNanos();
            Replier.await(stop, wait);
            List<ClientResult> results = new ArrayList<>();
            repliers.forEach(r -> results.add(r.stop()));
            return new RunReport("reply", kind, Redact.urls(spec.servers()), load, results);
        } finally {
            closeAll(conns);
        }
    }

    /**
     * Connects {@code n} clients named {@code nats-bench-<role>-<i>}.
     *
     * @param kind which client
     * @param spec where
     * @param role the role, for connection names
     * @param n how many
     * @return the clients
     * @throws BenchException if one fails; those already connected are closed
     */
    public static List<BenchClient> connect(ClientKind kind, ConnectSpec spec, String role, int n) {
        List<BenchClient> out = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                out.add(kind.connect(spec, "nats-bench-" + role + "-" + (i + 1)));
            }
            return out;
        } catch (RuntimeException e) {
            closeAll(out);
            throw e;
        }
    }

    /**
     * Closes clients, ignoring failures.
     *
     * @param clients the clients
     */
    public static void closeAll(List<BenchClient> clients) {
        for (BenchClient c : clients) {
            try {
                c.close();
            } catch (RuntimeException e) {
                // closing is best effort at the end of a run
            }
        }
    }

    private static List<Subscriber> startSubscribers(List<BenchClient> conns, Load load, Progress progress) {
        List<Subscriber> subs = new ArrayList<>();
        long each = load.queue() == null ? load.msgs() : Long.MAX_VALUE;
        for (int i = 0; i < conns.size(); i++) {
            subs.add(Subscriber.start(conns.get(i), i + 1, load, each, progress));
        }
        return subs;
    }

    /** Queue members cannot know their share: wait for the group's sum, or a silence, then close them all. */
    private static void awaitGroup(List<Subscriber> subs, long total, Load load) {
        long silence = load.timeout().toNanos();
        long seen = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long sum = subs.stream().mapToLong(Subscriber::received).sum();
            long now = System.nanoTime();
            if (sum != seen) {
                seen = sum;
                lastChange = now;
            }
            if (sum >= total || now - lastChange >= silence || Thread.currentThread().isInterrupted()) {
                break;
            }
            LockSupport.parkNanos(2_000_000);
        }
        subs.forEach(s -> s.expect(s.received()));
    }

    private static List<ClientResult> awaitAll(List<Subscriber> subs) throws InterruptedException {
        List<ClientResult> out = new ArrayList<>();
        for (Subscriber s : subs) {
            out.add(s.await());
        }
        return out;
    }

    /** Runs one task per client, each on its own platform thread, started together. */
    static List<ClientResult> parallel(int n, IntFunction<Callable<ClientResult>> task) throws InterruptedException {
        AtomicInteger ids = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "nats-bench-client-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<ClientResult>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<ClientResult> c = task.apply(i);
                futures.add(pool.submit(() -> {
                    gate.await();
                    return c.call();
                }));
            }
            gate.countDown();
            List<ClientResult> out = new ArrayList<>();
            for (Future<ClientResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof BenchException b) {
                throw b;
            }
            throw new BenchException("a benchmark client failed: " + c, c);
        } finally {
            pool.shutdownNow();
        }
    }
}
