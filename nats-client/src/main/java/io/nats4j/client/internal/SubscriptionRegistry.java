package io.nats4j.client.internal;

import io.nats4j.client.MessageHandler;
import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.Subjects;
import io.nats4j.protocol.internal.Encoder;
import io.nats4j.protocol.internal.MsgView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Every subscription of a connection by sid, and the frames that keep the server in step with it.
 *
 * <p>SUB and UNSUB are encoded under the {@link OutboundBuffer}'s lock together with the map change,
 * and only while a session owns the buffer. When a session attaches, {@link #resubscribe} writes SUB
 * (plus UNSUB with the remaining count of an auto-unsubscribe) for every live subscription, as the
 * buffer's first-priority frames, so nothing the engine wrote is ever parsed again.
 *
 * <p>Threads: {@link #deliver} runs on the reader thread and reads the sid map without a lock;
 * everything else may run on any thread.
 */
final class SubscriptionRegistry implements OutboundBuffer.Priority {

    private static final int UNSUB_CAPACITY = 48;

    private final NatsConnection connection;
    private final OutboundBuffer out;
    private final Dispatcher dispatcher;
    private final Listeners listeners;
    private final Counters counters;
    private final BooleanSupplier closed;
    private final long defaultMsgLimit;
    private final long defaultByteLimit;
    private final SidMap<NatsSubscription> subs = new SidMap<>();
    /** Subscriptions being drained: out of {@link #subs} already, still delivering; close() closes them. */
    private final Set<NatsSubscription> draining = ConcurrentHashMap.newKeySet();
    private final AtomicLong sids = new AtomicLong();

    SubscriptionRegistry(NatsConnection connection, OutboundBuffer out, Dispatcher dispatcher, Listeners listeners,
            Counters counters, BooleanSupplier closed, long defaultMsgLimit, long defaultByteLimit) {
        this.connection = connection;
        this.out = out;
        this.dispatcher = dispatcher;
        this.listeners = listeners;
        this.counters = counters;
        this.closed = closed;
        this.defaultMsgLimit = defaultMsgLimit;
        this.defaultByteLimit = defaultByteLimit;
    }

    /**
     * Adds a subscription and, when connected, sends its SUB.
     *
     * @param mux the request multiplexer when this is its inbox subscription, else null
     */
    NatsSubscription subscribe(String subject, String queue, MessageHandler handler, RequestMux mux) {
        NatsSubscription sub = new NatsSubscription(connection, this, sids.incrementAndGet(), subject, queue, handler,
                mux == null ? defaultMsgLimit : 0, mux == null ? defaultByteLimit : 0, mux);
        out.lock();
        try {
            ByteBuffer buf = out.controlLocked(subCapacity(sub));
            subs.put(sub.sid, sub);
            if (buf != null) {
                Encoder.sub(buf, subject, queue, sub.sid);
                out.wakeWriterLocked();
            }
        } finally {
            out.unlock();
        }
        return sub;
    }

    void unsubscribe(NatsSubscription sub, int afterMessages) {
        out.lock();
        try {
            if (sub.isClosed() || closed.getAsBoolean()) {
                return;
            }
            if (afterMessages > 0 && sub.received < afterMessages) {
                sub.max = afterMessages;
                unsubLocked(sub.sid, afterMessages);
                return;
            }
            if (afterMessages > 0 && sub.deliveredMessages() < afterMessages && sub.pendingMessages() > 0) {
                // enough received; let the pending ones be delivered, receive nothing more
                sub.max = afterMessages;
                subs.remove(sub.sid);
                sub.stopReceiving();
            } else {
                subs.remove(sub.sid);
                sub.close();
            }
            unsubLocked(sub.sid, 0);
        } finally {
            out.unlock();
        }
    }

    private void unsubLocked(long sid, long max) {
        ByteBuffer buf = out.controlLocked(UNSUB_CAPACITY);
        if (buf != null) {
            Encoder.unsub(buf, sid, max);
            out.wakeWriterLocked();
        }
    }

    /** The auto-unsubscribe total was delivered. */
    void finished(NatsSubscription sub) {
        subs.remove(sub.sid);
        sub.close();
    }

    /**
     * Routes one MSG/HMSG; on the reader thread. The message is materialised once (payload and
     * header block copied) onto the subscription's queue; replies go to the request multiplexer.
     */
    void deliver(MsgView m) {
        counters.inMsgs++;
        counters.inBytes += m.payloadLength();
        NatsSubscription sub = subs.get(m.sid());
        if (sub == null) {
            return;
        }
        if (sub.mux != null) {
            sub.mux.onReply(sub, m);
            return;
        }
        long n = ++sub.received;
        long max = sub.max;
        if (!sub.receiving || (max > 0 && n > max)) {
            return;
        }
        byte[] a = m.array();
        String subject = sub.literalSubject != null && m.subjectEquals(sub.literalSubject) ? sub.subject() : m.subject();
        String reply = m.replyLength() == 0 ? null : new String(a, m.replyOffset(), m.replyLength(), StandardCharsets.UTF_8);
        sub.enqueue(new NatsMessage(subject, reply, headerCopy(m), m.copyPayload(), sub));
        if (max > 0 && n == max) {
            // the server forgets the subscription after its max; so do we (pending still delivered)
            subs.remove(sub.sid);
            sub.stopReceiving();
        }
    }

    /** ASCII bytes of a literal subject, so its messages reuse the subscription's subject string; else null. */
    static byte[] literalBytes(String subject) {
        if (!Subjects.isLiteral(subject)) {
            return null;
        }
        for (int i = 0; i < subject.length(); i++) {
            if (subject.charAt(i) >= 0x80) {
                return null;
            }
        }
        return subject.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] headerCopy(MsgView m) {
        int n = m.headersLength();
        return n == 0 ? null : Arrays.copyOfRange(m.array(), m.headersOffset(), m.headersOffset() + n);
    }

    // ---- resubscribe: the first-priority frames of a new session

    @Override
    public int capacity() {
        int need = 0;
        for (NatsSubscription sub : subs.values()) {
            need += subCapacity(sub) + UNSUB_CAPACITY;
        }
        return need;
    }

    /** SUB, and UNSUB with what is left of an auto-unsubscribe, for every live subscription, in sid order. */
    @Override
    public void write(ByteBuffer dst) {
        List<NatsSubscription> live = subs.values();
        live.sort(Comparator.comparingLong(x -> x.sid));
        for (NatsSubscription sub : live) {
            if (sub.draining || (sub.max > 0 && sub.received >= sub.max)) {
                continue;
            }
            Encoder.sub(dst, sub.subject(), sub.queueOrNull(), sub.sid);
            if (sub.max > 0) {
                Encoder.unsub(dst, sub.sid, sub.max - sub.received);
            }
        }
    }

    private static int subCapacity(NatsSubscription sub) {
        String q = sub.queueOrNull();
        return 3 * (sub.subject().length() + (q == null ? 0 : q.length())) + 32;
    }

    // ---- drain

    /**
     * Live subscriptions of the application (the request inbox excluded).
     *
     * @return a snapshot
     */
    List<NatsSubscription> applicationSubscriptions() {
        List<NatsSubscription> list = new ArrayList<>(subs.values());
        list.removeIf(s -> s.mux != null);
        return list;
    }

    /** Marks each as draining (a reconnect will not subscribe it again) and sends its UNSUB. */
    void startDraining(List<NatsSubscription> list) {
        out.lock();
        try {
            for (NatsSubscription sub : list) {
                sub.draining = true;
                draining.add(sub);
                if (!sub.isClosed() && !closed.getAsBoolean()) {
                    unsubLocked(sub.sid, 0);
                }
            }
        } catch (NatsConnectionException closedMeanwhile) {
            // nothing more is sent; the drain delivers what is pending
        } finally {
            out.unlock();
        }
    }

    /** Everything the server sent before the UNSUB has arrived: no more messages are accepted. */
    void stopReceiving(List<NatsSubscription> list) {
        for (NatsSubscription sub : list) {
            subs.remove(sub.sid);
            sub.stopReceiving();
        }
    }

    /** The drain of these ended (done, timed out or failed). */
    void drained(List<NatsSubscription> list) {
        for (NatsSubscription sub : list) {
            sub.close();
            draining.remove(sub);
        }
    }

    /** On close: every subscription stops, pending messages are discarded, waiters released. */
    void closeAll() {
        for (NatsSubscription sub : subs.values()) {
            sub.close();
        }
        subs.clear();
        for (NatsSubscription sub : draining) {
            sub.close();
        }
        draining.clear();
    }

    // ---- what subscriptions report

    /** Submits a subscription's delivery task; false when the executor refused it. */
    boolean dispatch(Runnable task) {
        try {
            dispatcher.executor().execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            if (!closed.getAsBoolean()) {
                listeners.error("message dispatch", new NatsException("the message handler executor refused a delivery task", e));
            }
            return false;
        }
    }

    void dropped(NatsSubscription sub, boolean slowStarted) {
        counters.dropped.incrementAndGet();
        if (slowStarted) {
            listeners.slowConsumer(sub);
        }
    }

    void handlerFailed(NatsSubscription sub, Throwable t) {
        listeners.error("message handler", t);
    }

    boolean isClosed() {
        return closed.getAsBoolean();
    }

    int size() {
        return subs.size();
    }
}
