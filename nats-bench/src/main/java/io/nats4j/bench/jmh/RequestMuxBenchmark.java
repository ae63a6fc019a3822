package io.nats4j.bench.jmh;

import io.nats4j.client.internal.BenchHooks;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The request multiplexer without a network: a request (token, map entry, timeout on the timer),
 * then the reply frame parsed and routed back to its future, and the timeout cancelled.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RequestMuxBenchmark {

    private BenchHooks.RequestRoundTrip mux;

    /** Creates the state; JMH calls {@link #setup()}. */
    public RequestMuxBenchmark() {
    }

    /** Builds the multiplexer and its timer. */
    @Setup
    public void setup() {
        mux = BenchHooks.requestMux();
    }

    /** Stops the timer. */
    @TearDown
    public void tearDown() {
        mux.close();
    }

    /**
     * One request and its reply.
     *
     * @return the reply
     */
    @Benchmark
    public Object roundTrip() {
        Object m = mux.roundTrip();
        if (m == null) {
            throw new IllegalStateException("the reply did not complete the request");
        }
        return m;
    }
}
