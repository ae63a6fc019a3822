package io.nats4j.bench.jmh;

import io.nats4j.protocol.internal.Encoder;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Encoder#pub} into a reused heap buffer, as the publish path does: ns per publish and, with
 * {@code -prof gc}, bytes allocated per publish (the target is 0).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class EncoderBenchmark {

    /** Payload size in bytes. */
    @Param({"16", "128"})
    public int payloadSize;

    private final String subject = "bench.subject.events";
    private final String reply = "_INBOX.Abc123Def456GhiJkl.42";
    private ByteBuffer buffer;
    private byte[] payload;
    private final byte[] headerBlock = "NATS/1.0\r\nNats-Msg-Id: 0123456789\r\nTrace: abc\r\n\r\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Creates the benchmark state; JMH calls {@link #setup()}. */
    public EncoderBenchmark() {
    }

    /** Allocates the outbound buffer and the payload once. */
    @Setup
    public void setup() {
        buffer = ByteBuffer.allocate(256 * 1024);
        payload = new byte[payloadSize];
        Arrays.fill(payload, (byte) 'x');
    }

    /**
     * {@code PUB subject n}: validates and writes the subject, the digits and the payload.
     *
     * @return the buffer position, so the write is not dead
     */
    @Benchmark
    public int pub() {
        ByteBuffer b = buffer;
        if (b.remaining() < 1024) {
            b.clear();
        }
        Encoder.pub(b, subject, null, payload, 0, payloadSize);
        return b.position();
    }

    /**
     * {@code PUB subject reply n}, as a request does.
     *
     * @return the buffer position, so the write is not dead
     */
    @Benchmark
    public int pubWithReply() {
        ByteBuffer b = buffer;
        if (b.remaining() < 1024) {
            b.clear();
        }
        Encoder.pub(b, subject, reply, payload, 0, payloadSize);
        return b.position();
    }

    /**
     * {@code HPUB subject reply hdr total} with a pre-encoded header block, as a publish with headers does.
     *
     * @return the buffer position, so the write is not dead
     */
    @Benchmark
    public int hpub() {
        ByteBuffer b = buffer;
        if (b.remaining() < 1024) {
            b.clear();
        }
        Encoder.hpub(b, subject, reply, headerBlock, payload, 0, payloadSize);
        return b.position();
    }
}
