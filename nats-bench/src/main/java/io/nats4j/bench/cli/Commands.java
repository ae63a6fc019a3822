package io.nats4j.bench.cli;

import io.nats4j.bench.core.Bench;
import io.nats4j.bench.core.Progress;
import io.nats4j.bench.core.RunReport;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The workload subcommands, in the spirit of {@code nats bench}. */
final class Commands {

    private Commands() {
    }

    /** {@code nats-bench pub}. */
    @Command(name = "pub", mixinStandardHelpOptions = true,
            description = "Publish messages as fast as possible (or at --rate); the clock stops at the PONG of a final flush.")
    static final class Pub extends Subcommand {
        @Override
        RunReport run(Progress progress) throws Exception {
            return Bench.pub(connect.client, connect.spec(), opts.load(null, 1), opts.clients, progress);
        }
    }

    /** {@code nats-bench sub}. */
    @Command(name = "sub", mixinStandardHelpOptions = true,
            description = "Subscribe and count messages published by someone else (each subscriber expects --msgs; "
                    + "with --queue they share them). Stops at the count, after --duration, or after --timeout of silence.")
    static final class Sub extends Subcommand {
        @Option(names = "--queue", description = "Queue group for the subscribers.")
        String queue;

        @Override
        RunReport run(Progress progress) throws Exception {
            long each = opts.msgs == null ? 0 : queue == null ? opts.msgs * opts.clients : opts.msgs;
            progress.target(each);
            return Bench.sub(connect.client, connect.spec(), opts.load(queue, 1), opts.clients, progress, () -> {
                java.io.PrintWriter err = spec.commandLine().getErr();
                err.printf("nats-bench sub: %d subscriber(s) listening on %s%s%n", opts.clients, opts.subject,
                        queue == null ? "" : ", queue " + queue);
                err.flush();
            });
        }
    }

    /** {@code nats-bench pubsub}. */
    @Command(name = "pubsub", mixinStandardHelpOptions = true,
            description = "Publishers (--clients) and subscribers (--subs) in this process; with --rate, "
                    + "subscribers measure end-to-end latency from a send time stamped into each payload.")
    static final class PubSub extends Subcommand {
        @Option(names = "--subs", paramLabel = "N", defaultValue = "1", description = "Subscribers (default ${DEFAULT-VALUE}).")
        int subs;

        @Option(names = "--queue", description = "Queue group for the subscribers.")
        String queue;

        @Override
        long expected() {
            return queue == null ? super.expected() * subs : super.expected();
        }

        @Override
        RunReport run(Progress progress) throws Exception {
            if (subs < 1) {
                throw new io.nats4j.bench.core.BenchException("--subs must be at least 1, got " + subs);
            }
            if (opts.rate > 0 && opts.size < Long.BYTES) {
                throw new io.nats4j.bench.core.BenchException("--rate with pubsub stamps a send time: --size must be at least 8");
            }
            return Bench.pubsub(connect.client, connect.spec(), opts.load(queue, 1), opts.clients, subs, progress);
        }
    }

    /** {@code nats-bench request}. */
    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Send requests to a service (nats-bench reply, or your own) and record every round trip's latency.")
    static final class Request extends Subcommand {
        @Option(names = "--in-flight", paramLabel = "N", defaultValue = "1",
                description = "Requests outstanding at once per client (default ${DEFAULT-VALUE}: sequential).")
        int inFlight;

        @Override
        RunReport run(Progress progress) throws Exception {
            return Bench.request(connect.client, connect.spec(), opts.load(null, inFlight), opts.clients, progress);
        }
    }

    /** {@code nats-bench reply}. */
    @Command(name = "reply", mixinStandardHelpOptions = true,
            description = "A service others can hit: answer requests with --size bytes until --msgs have been served "
                    + "in total, for --duration, or until Ctrl-C.")
    static final class Reply extends Subcommand {
        @Option(names = "--queue", defaultValue = "nats-bench",
                description = "Queue group the repliers share (default ${DEFAULT-VALUE}).")
        String queue;

        private final CountDownLatch finished = new CountDownLatch(1);

        @Override
        long expected() {
            return opts.msgs == null ? 0 : opts.msgs;
        }

        @Override
        void printed() {
            finished.countDown();
        }

        @Override
        RunReport run(Progress progress) throws Exception {
            CountDownLatch stop = new CountDownLatch(1);
            CountDownLatch ready = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                stop.countDown();
                try {
                    finished.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "nats-bench-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            long msgs = opts.msgs == null ? Long.MAX_VALUE : opts.msgs;
            Thread announce = new Thread(() -> {
                try {
                    ready.await();
                    java.io.PrintWriter err = spec.commandLine().getErr();
                    err.printf("nats-bench reply: %d replier(s) listening on %s, queue %s%n", opts.clients,
                            opts.subject, queue);
                    err.flush();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "nats-bench-ready");
            announce.setDaemon(true);
            announce.start();
            try {
                return Bench.reply(connect.client, connect.spec(), opts.load(queue, 1).withMsgs(msgs), opts.clients,
                        progress, stop, ready);
            } finally {
                announce.interrupt();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down (Ctrl-C): the hook is running and waits for us
                }
            }
        }
    }
}
