package io.nats4j.bench.cli;

import io.nats4j.bench.core.BenchException;
import io.nats4j.bench.core.ClientKind;
import io.nats4j.bench.core.JetStreamBench;
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
    static final class Pub extends JsSubcommand {
        @Option(names = "--stream", defaultValue = "nats-bench", description = "Stream (default ${DEFAULT-VALUE}).")
        String stream;

        @Option(names = "--async", description = "Publish asynchronously, waiting for the acks every --batch messages.")
        boolean async;

        @Option(names = "--batch", defaultValue = "100", description = "Async publishes in flight per wait (default ${DEFAULT-VALUE}).")
        int batch;

        @Override
        RunReport run(Progress progress) throws Exception {
            nats4jOnly();
            if (batch < 1) {
                throw new BenchException("--batch must be at least 1, got " + batch);
            }
            return JetStreamBench.publish(connect.spec(), opts.load(null, 1),
                    new JetStreamBench.Target(stream, null, storageType(), async ? batch : 0, false, 0), opts.clients,
                    progress);
        }
    }

    /** {@code nats-bench js consume}. */
    @Command(name = "consume", mixinStandardHelpOptions = true, description = "Consume from a stream with a durable "
            + "pull consumer (created when missing), acknowledging each message: continuously, or --fetch in batches.")
    static final class Consume extends JsSubcommand {
        @Option(names = "--stream", defaultValue = "nats-bench", description = "Stream (default ${DEFAULT-VALUE}).")
        String stream;

        @Option(names = "--consumer", defaultValue = "nats-bench", description = "Durable name (default ${DEFAULT-VALUE}).")
        String consumer;

        @Option(names = "--fetch", description = "Pull with fetch(--batch) in a loop instead of a continuous consume.")
        boolean fetch;

        @Option(names = "--batch", defaultValue = "100", description = "Messages per pull (default ${DEFAULT-VALUE}).")
        int batch;

        @Override
        RunReport run(Progress progress) throws Exception {
            nats4jOnly();
            if (batch < 1) {
                throw new BenchException("--batch must be at least 1, got " + batch);
            }
            return JetStreamBench.consume(connect.spec(), opts.load(null, 1),
                    new JetStreamBench.Target(stream, consumer, storageType(), batch, fetch, 0), opts.clients, progress);
        }
    }

    /** {@code nats-bench kv put}. */
    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Put --size byte values into a bucket (created when missing), cycling through --keys keys per client.")
    static final class KvPut extends JsSubcommand {
        @Option(names = "--bucket", defaultValue = "nats-bench", description = "Bucket (default ${DEFAULT-VALUE}).")
        String bucket;

        @Option(names = "--keys", defaultValue = "100", description = "Distinct keys per client (default ${DEFAULT-VALUE}).")
        int keys;

        @Override
        RunReport run(Progress progress) throws Exception {
            nats4jOnly();
            return JetStreamBench.kvPut(connect.spec(), opts.load(null, 1),
                    new JetStreamBench.Target(bucket, null, storageType(), 0, false, keys), opts.clients, progress);
        }
    }

    /** {@code nats-bench kv get}. */
    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Get the keys kv put wrote (same --clients and --keys), counting a missing key as an error.")
    static final class KvGet extends JsSubcommand {
        @Option(names = "--bucket", defaultValue = "nats-bench", description = "Bucket (default ${DEFAULT-VALUE}).")
        String bucket;

        @Option(names = "--keys", defaultValue = "100", description = "Distinct keys per client (default ${DEFAULT-VALUE}).")
        int keys;

        @Override
        RunReport run(Progress progress) throws Exception {
            nats4jOnly();
            return JetStreamBench.kvGet(connect.spec(), opts.load(null, 1),
                    new JetStreamBench.Target(bucket, null, storageType(), 0, false, keys), opts.clients, progress);
        }
    }
}
