package io.nats4j.protocol.internal;

import io.nats4j.protocol.NatsProtocolException;
import io.nats4j.protocol.ServerInfo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

/** The properties every fuzz input must keep, shared by the Jazzer target and the mutation fuzz test. */
final class FuzzChecks {

    static final int MAX_CONTROL_LINE = 256;
    static final int MAX_PAYLOAD = 64 * 1024;

    private FuzzChecks() {
    }

    /** A sink that reads every range it is given, so out-of-bounds views fail loudly. */
    static final class TouchingSink implements ParserSink {
        int ops;

        @Override
        public void onMsg(MsgView m) {
            ops++;
            m.subject();
            m.replyTo();
            m.copyPayload();
            if (m.headersLength() > 0) {
                try {
                    m.headers();
                } catch (NatsProtocolException expected) {
                    // a malformed header block is the sink's problem to report, not a parser failure
                }
            }
        }

        @Override
        public void onInfo(ServerInfo info) {
            ops++;
            assertNotNull(info.connectUrls());
        }

        @Override
        public void onPing() {
            ops++;
        }

        @Override
        public void onPong() {
            ops++;
        }

        @Override
        public void onOk() {
            ops++;
        }

        @Override
        public void onErr(String error) {
            ops++;
            assertNotNull(error);
        }
    }

    /**
     * Feeds {@code wire} in chunks of {@code chunk} bytes. Only {@link NatsProtocolException} may
     * escape (anything else fails the caller), after which the parser is idle and usable; the work
     * and memory stay bounded by the input and the limits.
     */
    static void check(byte[] wire, int chunk) {
        TouchingSink sink = new TouchingSink();
        Parser parser = new Parser(sink, MAX_CONTROL_LINE, MAX_PAYLOAD);
        try {
            for (int i = 0; i < wire.length; i += chunk) {
                ByteBuffer b = ByteBuffer.wrap(wire, i, Math.min(chunk, wire.length - i));
                parser.parse(b);
                assertTrue(!b.hasRemaining(), "every byte consumed");
            }
        } catch (NatsProtocolException e) {
            assertNotNull(e.getMessage());
            assertTrue(parser.isIdle(), "reset after an error");
        }
        // Each op takes at least 3 bytes (+OK without CRLF is never delivered), so output is bounded.
        assertTrue(sink.ops <= wire.length / 3, "ops bounded by input");
        assertTrue(parser.scratchCapacity() <= parser.scratchBound(), "scratch bounded by the limits");
        parser.reset();
        parser.parse(ByteBuffer.wrap(new byte[] {'P', 'I', 'N', 'G', '\r', '\n'}));
        assertTrue(parser.isIdle());
    }
}
