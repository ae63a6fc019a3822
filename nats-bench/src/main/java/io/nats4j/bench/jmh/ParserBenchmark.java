package io.nats4j.bench.jmh;

import io.nats4j.protocol.internal.MsgView;
import io.nats4j.protocol.internal.Parser;
import io.nats4j.protocol.internal.ParserSink;
import io.nats4j.protocol.ServerInfo;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
 * The parser on a read buffer of {@value #MESSAGES} frames: ns per message and, with
 * {@code -prof gc}, bytes allocated per message on the zero-copy path (the target is 0).
 *
 * <p>{@code whole} parses the buffer in one call, as a reader does when its buffer holds whole frames;
 * {@code chunked} feeds it in 64 KiB reads so frames straddle reads and take the scratch path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ParserBenchmark {

    /** Bytes per read in {@link #chunked()}. */
    public static final int CHUNK = 64 * 1024;

    /** Frames per benchmark invocation. */
    public static final int MESSAGES = 1000;

    /** Payload size in bytes. */
    @Param({"16", "128", "1024"})
    public int payloadSize;

    /** {@code MSG} or {@code HMSG} frames. */
    @Param({"MSG", "HMSG"})
    public String op;

    private byte[] stream;
    private ByteBuffer buffer;
    private Parser parser;
    private TouchingSink sink;

    /** Creates the benchmark state; JMH calls {@link #setup()}. */
    public ParserBenchmark() {
    }

    /** A sink that reads every field of each frame, so nothing is eliminated as dead code. */
    static final class TouchingSink implements ParserSink {
        long checksum;

        @Override
        public void onMsg(MsgView m) {
            checksum += m.sid() + m.subjectLength() + m.replyLength() + m.headersLength() + m.payloadLength()
                    + m.array()[m.payloadOffset()];
        }

        @Override
        public void onInfo(ServerInfo info) {
            checksum++;
        }

        @Override
        public void onPing() {
            checksum++;
        }

        @Override
        public void onPong() {
            checksum++;
        }

        @Override
        public void onOk() {
            checksum++;
        }

        @Override
        public void onErr(String error) {
            checksum++;
        }
    }

    /** Builds the stream: frames with a reply subject and sids 1 to 100, as a busy connection sees. */
    @Setup
    public void setup() {
        byte[] payload = new byte[payloadSize];
        Arrays.fill(payload, (byte) 'x');
        String headers = "NATS/1.0\r\nNats-Msg-Id: 0123456789\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < MESSAGES; i++) {
            String line;
            if (op.equals("HMSG")) {
                line = "HMSG bench.subject.events " + (1 + i % 100) + " _INBOX.Abc123Def456.x " + headers.length() + " "
                        + (headers.length() + payloadSize) + "\r\n" + headers;
            } else {
                line = "MSG bench.subject.events " + (1 + i % 100) + " _INBOX.Abc123Def456.x " + payloadSize + "\r\n";
            }
            out.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(payload);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        stream = out.toByteArray();
        buffer = ByteBuffer.wrap(stream);
        sink = new TouchingSink();
        parser = new Parser(sink);
    }

    /**
     * Parses the whole stream in one call.
     *
     * @return the sink's checksum
     */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long whole() {
        buffer.clear();
        parser.parse(buffer);
        return sink.checksum;
    }

    /**
     * Parses the stream in 64 KiB reads (the reader's buffer size), so some frames straddle two reads.
     *
     * @return the sink's checksum
     */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long chunked() {
        ByteBuffer b = buffer;
        int length = stream.length;
        for (int from = 0; from < length; from += CHUNK) {
            b.limit(Math.min(length, from + CHUNK)).position(from);
            parser.parse(b);
        }
        return sink.checksum;
    }
}
