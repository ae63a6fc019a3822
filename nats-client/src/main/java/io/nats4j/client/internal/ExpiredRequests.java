package io.nats4j.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Drops, from what was buffered while disconnected, the requests whose caller already gave up: a
 * request that timed out must not reach a responder after the reconnect (issue 11.9), and the
 * lost session's SUB and UNSUB frames: the registry's resubscribe, written ahead, is authoritative.
 *
 * <p>The buffer holds only whole frames written by our own encoder ({@code PUB}/{@code HPUB} with
 * single blanks between arguments, {@code PING}, {@code PONG}, {@code SUB}, {@code UNSUB}), so a
 * frame is its control line plus, for a publish, the declared number of bytes and CRLF. Anything
 * unexpected keeps the rest of the buffer as it is.
 */
final class ExpiredRequests {

    private ExpiredRequests() {
    }

    /**
     * Removes every SUB and UNSUB frame in {@code a[0, length)} and every PUB/HPUB frame whose reply
     * subject {@code expired} accepts, moving the kept frames down in place.
     *
     * @return the length of what is kept
     */
    static int compact(byte[] a, int length, Predicate<String> expired) {
        int read = 0;
        int write = 0;
        while (read < length) {
            int lf = indexOfLf(a, read, length);
            if (lf < 0) {
                break;
            }
            int end = lf + 1;
            boolean drop = starts(a, read, "SUB ") || starts(a, read, "UNSUB ");
            int args = starts(a, read, "PUB ") ? read + 4 : starts(a, read, "HPUB ") ? read + 5 : -1;
            if (args >= 0) {
                int lineEnd = lf > read && a[lf - 1] == '\r' ? lf - 1 : lf;
                int[] blanks = new int[4];
                int n = 0;
                for (int i = args; i < lineEnd && n < blanks.length; i++) {
                    if (a[i] == ' ') {
                        blanks[n++] = i;
                    }
                }
                boolean hpub = args == read + 5;
                int sizeStart = n == 0 ? -1 : blanks[n - 1] + 1;
                long size = sizeStart < 0 ? -1 : number(a, sizeStart, lineEnd);
                if (size < 0 || end + size + 2 > length) {
                    break; // not a frame of ours: keep everything from here
                }
                end = (int) (end + size + 2);
                if (n == (hpub ? 3 : 2)) {
                    String reply = new String(a, blanks[0] + 1, blanks[1] - blanks[0] - 1, StandardCharsets.UTF_8);
                    drop = expired.test(reply);
                }
            }
            if (!drop) {
                System.arraycopy(a, read, a, write, end - read);
                write += end - read;
            }
            read = end;
        }
        if (read < length) {
            System.arraycopy(a, read, a, write, length - read);
            write += length - read;
        }
        return write;
    }

    private static boolean starts(byte[] a, int p, String op) {
        for (int i = 0; i < op.length(); i++) {
            if (p + i >= a.length || a[p + i] != op.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long number(byte[] a, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            if (a[i] < '0' || a[i] > '9' || v > Integer.MAX_VALUE) {
                return -1;
            }
            v = v * 10 + (a[i] - '0');
        }
        return to > from ? v : -1;
    }

    private static int indexOfLf(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
