package io.nats4j.bench.jmh;

import io.nats4j.client.internal.BenchHooks;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reader's subscription lookup by sid with 10, 10 k and 100 k subscriptions on the connection:
 * the per-message cost must not grow with the count.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SubscriptionLookupBenchmark {

    private static final int LOOKUPS = 1024;

    /** Subscriptions on the connection. */
    @Param({"10", "10000", "100000"})
    public int subscriptions;

    private LongFunction<Object> table;
    private long[] sids;

    /** Creates the state; JMH calls {@link #setup()}. */
    public SubscriptionLookupBenchmark() {
    }

    /** Fills the table and picks random sids to look up. */
    @Setup
    public void setup() {
        table = BenchHooks.sidMap(subscriptions);
        SplittableRandom r = new SplittableRandom(42);
        sids = new long[LOOKUPS];
        for (int i = 0; i < LOOKUPS; i++) {
            sids[i] = 1 + r.nextInt(subscriptions);
        }
    }

    /**
     * Looks up {@value #LOOKUPS} random sids.
     *
     * @return how many were found, so the lookups are not dead
     */
    @Benchmark
    @OperationsPerInvocation(LOOKUPS)
    public int lookup() {
        int found = 0;
        for (long sid : sids) {
            if (table.apply(sid) != null) {
                found++;
            }
        }
        return found;
    }
}
