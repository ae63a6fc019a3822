package io.nats4j.client.internal;

import io.nats4j.protocol.NatsIllegalArgumentException;

/**
 * The server's {@code max_control_line} on the way out. nats-server applies it to the arguments of a
 * PUB, HPUB or SUB (everything after the op name, CRLF excluded) and closes the connection over a
 * longer one, so such a call is refused here, synchronously, as {@code max_payload} is. The server
 * does not announce its limit in INFO: it is {@code Options.maxControlLine}, 4096 by default.
 *
 * <p>The common case costs one comparison: a line whose UTF-8 length cannot exceed the limit (three
 * bytes per char at most) is not measured.
 */
final class ControlLines {

    /** Room for the numbers and blanks of the longest argument list: 2 sizes or a sid, 3 blanks. */
    private static final int NUMBERS = 3 * 20 + 3;

    private ControlLines() {
    }

    /** Refuses a PUB/HPUB whose arguments exceed {@code limit} bytes. */
    static void checkPublish(String subject, String replyTo, byte[] headerBlock, int payloadLength, int limit) {
        int chars = subject.length() + (replyTo == null ? 0 : replyTo.length());
        if ((long) chars * 3 + NUMBERS <= limit) {
            return;
        }
        long total = (long) payloadLength + (headerBlock == null ? 0 : headerBlock.length);
        long length = utf8Length(subject) + (replyTo == null ? 0 : 1 + utf8Length(replyTo))
                + 1 + digits(total) + (headerBlock == null ? 0 : 1 + digits(headerBlock.length));
        if (length > limit) {
            throw tooLong("publish to", subject, length, limit);
        }
    }

    /** Refuses a SUB whose arguments, with the sid it will get, exceed {@code limit} bytes. */
    static void checkSubscribe(String subject, String queue, long sid, int limit) {
        int chars = subject.length() + (queue == null ? 0 : queue.length());
        if ((long) chars * 3 + NUMBERS <= limit) {
            return;
        }
        long length = utf8Length(subject) + (queue == null ? 0 : 1 + utf8Length(queue)) + 1 + digits(sid);
        if (length > limit) {
            throw tooLong("subscription to", subject, length, limit);
        }
    }

    private static NatsIllegalArgumentException tooLong(String what, String subject, long length, int limit) {
        String shown = subject.length() > 40 ? subject.substring(0, 40) + "..." : subject;
        return new NatsIllegalArgumentException("the " + what + " '" + shown + "' needs a control line of " + length
                + " bytes, over the server's max_control_line of " + limit + " (Options.maxControlLine)");
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static int digits(long v) {
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }
}
