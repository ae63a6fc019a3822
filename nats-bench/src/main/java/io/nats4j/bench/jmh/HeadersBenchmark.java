package io.nats4j.bench.jmh;

import io.nats4j.protocol.internal.HeadersCodec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The headers codec: decoding a received HMSG's header block, encoding an outgoing one. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class HeadersBenchmark {

    private final byte[] block = ("NATS/1.0\r\nNats-Msg-Id: 0123456789\r\nTrace-Id: 4bf92f3577b34da6\r\n"
            + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    private final byte[] status = "NATS/1.0 503\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    /** Creates the state with three headers. */
    public HeadersBenchmark() {
        headers.put("Nats-Msg-Id", List.of("0123456789"));
        headers.put("Trace-Id", List.of("4bf92f3577b34da6"));
        headers.put("Content-Type", List.of("application/json"));
    }

    /**
     * Decodes a three-header block.
     *
     * @return the decoded headers
     */
    @Benchmark
    public Object decode() {
        return HeadersCodec.decode(block, 0, block.length);
    }

    /**
     * Decodes a no-responders status line.
     *
     * @return the decoded status
     */
    @Benchmark
    public Object decodeStatus() {
        return HeadersCodec.decode(status, 0, status.length);
    }

    /**
     * Encodes three headers.
     *
     * @return the header block
     */
    @Benchmark
    public byte[] encode() {
        return HeadersCodec.encode(headers);
    }
}
