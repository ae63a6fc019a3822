package io.nats4j.bench.cli;

import io.nats4j.bench.core.BenchException;
import io.nats4j.bench.core.ClientKind;
import io.nats4j.bench.core.ConnectSpec;
import io.nats4j.bench.core.JetStreamBench;
import io.nats4j.bench.core.Load;
import io.nats4j.bench.core.Progress;
import io.nats4j.bench.core.RunReport;
import io.nats4j.jetstream.StorageType;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The JetStream subcommands: {@code js pub}, {@code js consume}, {@code kv put}, {@code kv get}. */
final class JetStreamCommands {

    private JetStreamCommands() {
    }

    /** Options shared by the JetStream subcommands. */
    abstract static class JsSubcommand extends Subcommand {
        @Option(names = "--storage", defaultValue = "file", description = "Storage of a stream or bucket created "
                + "by the run: file or memory (default ${DEFAULT-VALUE}).")
        String storage;

        StorageType storageType() {
            try {
                return StorageType.valueOf(storage.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BenchException("--storage must be file or memory, got '" + storage + "'");
            }
        }

        void nats4jOnly() {
            if (connect.client != ClientKind.NATS4J) {
                throw new BenchException("--client: the JetStream subcommands drive nats4j only");
            }
        }

        /** Runs a workload on the connect and load options, against the stream or bucket {@code name}. */
        RunReport drive(Workload workload, Progress progress, String name, String consumer, int batch, boolean fetch,
                int keys) throws InterruptedException {
            return workload.run(connect.spec(), opts.load(null, 1),
                    new JetStreamBench.Target(name, consumer, storageType(), batch, fetch, keys), opts.clients, progress);
        }
    }

    /** One of the {@link JetStreamBench} workloads. */
    @FunctionalInterface
    interface Workload {
        RunReport run(ConnectSpec spec, Load load, JetStreamBench.Target target, int clients, Progress progress)
                throws InterruptedException;
    }

    /** Options shared by {@code js pub} and {@code js consume}. */
    abstract static class StreamSubcommand extends JsSubcommand {
        @Option(names = "--stream", defaultValue = "nats-bench", description = "Stream (default ${DEFAULT-VALUE}).")
        String stream;

        void requireBatch(int batch) {
            nats4jOnly();
            if (batch < 1) {
                throw new BenchException("--batch must be at least 1, got " + batch);
            }
        }
    }

    /** What {@code kv put} and {@code kv get} share: the options, and a run against the bucket's keys. */
    abstract static class KvSubcommand extends JsSubcommand {
        @Option(names = "--bucket", defaultValue = "nats-bench", description = "Bucket (default ${DEFAULT-VALUE}).")
        String bucket;

        @Option(names = "--keys", defaultValue = "100", description = "Distinct keys per client (default ${DEFAULT-VALUE}).")
        int keys;

        abstract Workload workload();

        @Override
        RunReport run(Progress progress) throws Exception {
            nats4jOnly();
            return drive(workload(), progress, bucket, null, 0, false, keys);
        }
    }

    /** {@code nats-bench js}. */
    @Command(name = "js", mixinStandardHelpOptions = true, description = "JetStream: publish to and consume from a stream.",
            subcommands = {Pub.class, Consume.class})
    static final class Js {
    }

    /** {@code nats-bench kv}. */
    @Command(name = "kv", mixinStandardHelpOptions = true, description = "Key/Value: put and get in a bucket.",
            subcommands = {KvPut.class, KvGet.class})
    static final class Kv {
    }

    /** {@code nats-bench js pub}. */
    @Command(name = "pub", mixinStandardHelpOptions = true, description = "Publish to a stream (created when missing, "
            + "capturing --subject): synchronous with the latency of each acknowledgement, or --async in batches.")
    static final class Pub extends StreamSubcommand {
        @Option(names = "--async", description = "Publish asynchronously, waiting for the acks every --batch messages.")
        boolean async;

        @Option(names = "--batch", defaultValue = "100", description = "Async publishes in flight per wait (default ${DEFAULT-VALUE}).")
        int batch;

        @Override
        RunReport run(Progress progress) throws Exception {
            requireBatch(batch);
            return drive(JetStreamBench::publish, progress, stream, null, async ? batch : 0, false, 0);
        }
    }

    /** {@code nats-bench js consume}. */
    @Command(name = "consume", mixinStandardHelpOptions = true, description = "Consume from a stream with a durable "
            + "pull consumer (created when missing), acknowledging each message: continuously, or --fetch in batches.")
    static final class Consume extends StreamSubcommand {
        @Option(names = "--consumer", defaultValue = "nats-bench", description = "Durable name (default ${DEFAULT-VALUE}).")
        String consumer;

        @Option(names = "--fetch", description = "Pull with fetch(--batch) in a loop instead of a continuous consume.")
        boolean fetch;

        @Option(names = "--batch", defaultValue = "100", description = "Messages per pull (default ${DEFAULT-VALUE}).")
        int batch;

        @Override
        RunReport run(Progress progress) throws Exception {
            requireBatch(batch);
            return drive(JetStreamBench::consume, progress, stream, consumer, batch, fetch, 0);
        }
    }

    /** {@code nats-bench kv put}. */
    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Put --size byte values into a bucket (created when missing), cycling through --keys keys per client.")
    static final class KvPut extends KvSubcommand {
        @Override
        Workload workload() {
            return JetStreamBench::kvPut;
        }
    }

    /** {@code nats-bench kv get}. */
    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Get the keys kv put wrote (same --clients and --keys), counting a missing key as an error.")
    static final class KvGet extends KvSubcommand {
        @Override
        Workload workload() {
            return JetStreamBench::kvGet;
        }
    }
}
