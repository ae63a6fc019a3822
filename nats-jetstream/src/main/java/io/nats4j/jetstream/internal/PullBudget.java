package io.nats4j.jetstream.internal;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The counts behind continuous pulling: what is requested from the server and not yet received
 * ({@code outstanding}, per open request) and what is received and not yet processed by the user
 * ({@code buffered}, the message in the handler included).
 *
 * <p>Invariant: outstanding plus buffered never exceeds the budget (messages, or bytes in bytes
 * mode); {@link #nextRequest} asks for exactly the difference once the sum has fallen to the
 * threshold. Messages are counted against the oldest open request, as the server fills requests in
 * order; a request ended by a status gives back what it still had outstanding. Not thread-safe:
 * the subscriber's lock guards it.
 */
final class PullBudget {

    /** In bytes mode the batch is this large so the byte budget alone limits the request (ADR-37). */
    static final int BYTES_MODE_BATCH = 1_000_000;

    /** One pull request still open at the server. */
    private static final class Open {
        final String id;
        long msgs;
        long bytes;

        Open(String id, long msgs, long bytes) {
            this.id = id;
            this.msgs = msgs;
            this.bytes = bytes;
        }
    }

    /** A request to send: its id (the last token of its reply subject), batch and byte limit. */
    record Request(String id, int batch, long maxBytes) {
    }

    private final boolean bytesMode;
    private final long budget;
    private final long threshold;
    private final ArrayDeque<Open> open = new ArrayDeque<>();
    private long requestIds;
    private long outstandingMsgs;
    private long outstandingBytes;
    private long bufferedMsgs;
    private long bufferedBytes;

    PullBudget(int batchSize, long maxBytes, int thresholdPercent) {
        this.bytesMode = maxBytes > 0;
        this.budget = bytesMode ? maxBytes : batchSize;
        this.threshold = budget * thresholdPercent / 100;
    }

    /** A message of {@code size} bytes arrived and is buffered. */
    void arrived(long size) {
        bufferedMsgs++;
        bufferedBytes += size;
        Open o = open.peekFirst();
        if (o == null) {
            return; // of a request already written off (e.g. after a reset): nothing outstanding to reduce
        }
        o.msgs--;
        if (bytesMode) {
            long take = Math.min(size, o.bytes);
            o.bytes -= take;
            outstandingBytes -= take;
        } else {
            outstandingMsgs--;
        }
        if (o.msgs <= 0 || (bytesMode && o.bytes <= 0)) {
            writeOff(o.id);
        }
    }

    /** A message arrived but is dropped (an ordered consumer's gap): it used up its request unit only. */
    void dropped(long size) {
        arrived(size);
        processed(size);
    }

    /** The user is done with a buffered message of {@code size} bytes. */
    void processed(long size) {
        bufferedMsgs--;
        bufferedBytes -= size;
    }

    /** The buffer was discarded. */
    void clearBuffered() {
        bufferedMsgs = 0;
        bufferedBytes = 0;
    }

    /** The request ended (or was never sent): what it still had outstanding will not come. */
    void writeOff(String id) {
        for (Iterator<Open> it = open.iterator(); it.hasNext(); ) {
            Open o = it.next();
            if (o.id.equals(id)) {
                it.remove();
                if (bytesMode) {
                    outstandingBytes -= Math.max(0, o.bytes);
                } else {
                    outstandingMsgs -= Math.max(0, o.msgs);
                }
                return;
            }
        }
    }

    /** Every open request is void (reconnect, leadership change, missed heartbeats, reset). */
    void writeOffAll() {
        open.clear();
        outstandingMsgs = 0;
        outstandingBytes = 0;
    }

    /**
     * The next request, once outstanding plus buffered has fallen to the threshold; it is counted
     * as open from now on.
     *
     * @return the request, or null when none is due
     */
    Request nextRequest() {
        long used = bytesMode ? outstandingBytes + bufferedBytes : outstandingMsgs + bufferedMsgs;
        long want = budget - used;
        if (used > threshold || want <= 0) {
            return null;
        }
        String id = Long.toString(++requestIds, 36);
        int batch = bytesMode ? BYTES_MODE_BATCH : (int) want;
        long maxBytes = bytesMode ? want : 0;
        open.add(new Open(id, batch, bytesMode ? want : Long.MAX_VALUE));
        if (bytesMode) {
            outstandingBytes += want;
        } else {
            outstandingMsgs += batch;
        }
        return new Request(id, batch, maxBytes);
    }

    /**
     * Whether any request is open at the server (only then are heartbeats to be expected).
     *
     * @return true when some request is open
     */
    boolean hasOpenRequests() {
        return !open.isEmpty();
    }

    long outstandingMessages() {
        return outstandingMsgs;
    }

    long bufferedMessages() {
        return bufferedMsgs;
    }
}
