package io.nats4j.protocol;

import java.nio.ByteBuffer;

/**
 * Incremental, zero-copy parser for the operations a NATS server sends.
 *
 * <p>{@link #parse(ByteBuffer)} consumes every byte it is given and calls the sink for each complete
 * operation; an operation cut off at the end of the buffer is resumed by the next call. Not
 * thread-safe: one parser per connection, used by its reader thread.
 */
public final class Parser {

    /** Default longest control line (the op line before a payload), in bytes. */
    public static final int DEFAULT_MAX_CONTROL_LINE = 4096;

    /**
     * Creates a parser with the default control-line limit and a payload limit of 64 MiB until the
     * server's {@code max_payload} is known.
     *
     * @param sink where operations go
     */
    public Parser(ParserSink sink) {
        this(sink, DEFAULT_MAX_CONTROL_LINE, 64L * 1024 * 1024);
    }

    /**
     * Creates a parser.
     *
     * @param sink where operations go
     * @param maxControlLine longest control line accepted
     * @param maxPayload largest payload (headers included) accepted
     */
    public Parser(ParserSink sink, int maxControlLine, long maxPayload) {
        throw new UnsupportedOperationException();
    }

    /**
     * Sets the largest payload accepted, normally the server's {@code max_payload}.
     *
     * @param maxPayload the limit in bytes
     */
    public void maxPayload(long maxPayload) {
        throw new UnsupportedOperationException();
    }

    /**
     * Parses every remaining byte of {@code src}.
     *
     * @param src a heap buffer; its position advances to its limit
     * @throws NatsProtocolException on malformed input, naming the op (never the payload); the parser
     *     is then reset and the connection should be dropped
     */
    public void parse(ByteBuffer src) {
        throw new UnsupportedOperationException();
    }

    /**
     * Whether no partial operation is pending.
     *
     * @return true between operations
     */
    public boolean isIdle() {
        throw new UnsupportedOperationException();
    }

    /** Drops any partial operation, for a new connection. */
    public void reset() {
        throw new UnsupportedOperationException();
    }
}
