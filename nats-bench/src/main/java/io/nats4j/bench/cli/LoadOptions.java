package io.nats4j.bench.cli;

import io.nats4j.bench.core.Load;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** What to send and how to report it: the workload options every subcommand shares. */
public final class LoadOptions {

    @Option(names = {"-n", "--msgs"}, paramLabel = "N", converter = CountConverter.class,
            description = "Messages in total, split over the clients (default 100000; unlimited with --duration alone).")
    Long msgs;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "128", converter = SizeConverter.class,
            description = "Payload size: 16, 1k, 64KiB (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = ConnectOptions.DurationConverter.class,
            description = "Run for this long instead of a count: 10s, 2m.")
    Duration duration;

    @Option(names = "--subject", defaultValue = "nats-bench", description = "Subject (default ${DEFAULT-VALUE}).")
    String subject;

    @Option(names = {"-c", "--clients"}, paramLabel = "N", defaultValue = "1",
            description = "Clients, each its own connection and thread (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--rate", paramLabel = "MSGS/S", defaultValue = "0",
            description = "Target rate across all clients for latency under steady load (default unlimited).")
    double rate;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = ConnectOptions.DurationConverter.class,
            description = "Request timeout; also how long a subscriber waits in silence (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--no-progress", description = "No progress display.")
    boolean noProgress;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the results as CSV to this file.")
    Path csv;

    @Option(names = "--json", description = "Print the results as JSON instead of text.")
    boolean json;

    /** Creates the options holder (picocli fills it). */
    public LoadOptions() {
    }

    Load load(String queue, int inFlight) {
        if (clients < 1) {
            throw new io.nats4j.bench.core.BenchException("--clients must be at least 1, got " + clients);
        }
        long n = msgs != null ? msgs : duration != null ? Long.MAX_VALUE : 100_000;
        return new Load(subject, n, size, duration, rate, queue, inFlight, timeout);
    }

    /** Converts {@code 16}, {@code 1k}, {@code 64KiB}. */
    static final class SizeConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Units.size(value);
        }
    }

    /** Converts {@code 1000}, {@code 100k}, {@code 1m}. */
    static final class CountConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Units.count(value);
        }
    }
}
