package io.nats4j.bench.jmh;

import io.nats4j.client.internal.BenchHooks;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The write-coalescing path: {@code publish} encodes into the connection's outbound buffer under
 * its lock and wakes the writer thread, which hands each accumulated batch to a transport that
 * discards it. One and four publishing threads; {@code -prof gc} shows the bytes allocated per
 * publish (the target is 0).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CoalescingBenchmark {

    /** Payload size in bytes. */
    @Param({"16", "128", "1024"})
    public int payloadSize;

    private BenchHooks.Coalescing path;
    private byte[] payload;

    /** Creates the state; JMH calls {@link #setup()}. */
    public CoalescingBenchmark() {
    }

    /** Starts the outbound buffer and its writer thread. */
    @Setup(Level.Trial)
    public void setup() {
        path = BenchHooks.coalescing();
        payload = new byte[payloadSize];
    }

    /** Stops the writer. */
    @TearDown(Level.Trial)
    public void tearDown() {
        path.close();
    }

    /** One publishing thread. */
    @Benchmark
    @Threads(1)
    public void publishOneThread() {
        path.publish("bench.subject.events", payload);
    }

    /** Four publishing threads contending for the buffer's lock. */
    @Benchmark
    @Threads(4)
    public void publishFourThreads() {
        path.publish("bench.subject.events", payload);
    }
}
