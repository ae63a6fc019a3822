package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JetStreamMessage;
import io.nats4j.jetstream.MessageMetadata;
import io.nats4j.protocol.NatsIllegalArgumentException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A consumed message: the core message, its lazily parsed metadata, and the acks. */
final class JsMessage implements JetStreamMessage {

    private static final byte[] ACK = "+ACK".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NAK = "-NAK".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TERM = "+TERM".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WPI = "+WPI".getBytes(StandardCharsets.US_ASCII);

    private final Message msg;
    private final Connection nc;
    private final AtomicBoolean done = new AtomicBoolean();
    private final long size;
    private volatile MessageMetadata metadata;

    JsMessage(Message msg, Connection nc) {
        this.msg = msg;
        this.nc = nc;
        this.size = serverSize(msg);
    }

    /**
     * The size the server counted for this message.
     *
     * @return the size in bytes
     */
    long size() {
        return size;
    }

    /**
     * The size the server counts against a pull request's max bytes: subject, reply, headers, payload.
     *
     * @param m the message
     * @return the size in bytes
     */
    static long serverSize(Message m) {
        return utf8Length(m.subject()) + utf8Length(m.replyTo().orElse("")) + m.headerSize() + m.data().length;
    }

    private static int utf8Length(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }

    @Override
    public String subject() {
        return msg.subject();
    }

    @Override
    public Headers headers() {
        return msg.headers();
    }

    @Override
    public byte[] data() {
        return msg.data();
    }

    @Override
    public Optional<String> replyTo() {
        return msg.replyTo();
    }

    @Override
    public MessageMetadata metadata() {
        MessageMetadata m = metadata;
        if (m == null) {
            m = parseMetadata(msg.replyTo().orElseThrow(() -> new JetStreamException(
                    "message on '" + msg.subject() + "' has no ack subject: not a JetStream message")));
            metadata = m;
        }
        return m;
    }

    /**
     * Parses an ack subject of either layout.
     *
     * @param reply the reply subject
     * @return the metadata
     * @throws JetStreamException when it is not an ack subject
     */
    static MessageMetadata parseMetadata(String reply) {
        String[] t = reply.split("\\.", -1);
        if (t.length < 9 || !t[0].equals("$JS") || !t[1].equals("ACK") || (t.length > 9 && t.length < 11)) {
            throw new JetStreamException("'" + reply + "' is not a JetStream ack subject");
        }
        int base;
        Optional<String> domain;
        if (t.length == 9) {
            base = 2;
            domain = Optional.empty();
        } else {
            base = 4; // $JS.ACK.<domain>.<account hash>.<stream>...; "_" means no domain
            domain = t[2].isEmpty() || t[2].equals("_") ? Optional.empty() : Optional.of(t[2]);
        }
        try {
            long nanos = Long.parseLong(t[base + 5]);
            return new MessageMetadata(t[base], t[base + 1], Long.parseLong(t[base + 3]), Long.parseLong(t[base + 4]),
                    Long.parseLong(t[base + 2]), Long.parseLong(t[base + 6]),
                    Instant.ofEpochSecond(0, nanos), domain);
        } catch (NumberFormatException e) {
            throw new JetStreamException("'" + reply + "' is not a JetStream ack subject: a number is malformed", e);
        }
    }

    private String ackSubject() {
        return msg.replyTo().orElseThrow(() -> new JetStreamException(
                "message on '" + msg.subject() + "' has no ack subject: not a JetStream message"));
    }

    private void terminal(byte[] body) {
        String reply = ackSubject();
        if (done.compareAndSet(false, true)) {
            nc.publish(reply, body);
        }
    }

    @Override
    public void ack() {
        terminal(ACK);
    }

    @Override
    public void ackSync(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        String reply = ackSubject();
        if (done.compareAndSet(false, true)) {
            try {
                nc.request(reply, ACK, timeout);
            } catch (RuntimeException e) {
                done.set(false); // not confirmed: the caller may try again
                throw e;
            }
        }
    }

    @Override
    public void nak() {
        terminal(NAK);
    }

    @Override
    public void nak(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new NatsIllegalArgumentException("nak delay must not be negative, was " + delay);
        }
        terminal(("-NAK {\"delay\": " + delay.toNanos() + "}").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void term() {
        terminal(TERM);
    }

    @Override
    public void term(String reason) {
        Objects.requireNonNull(reason, "reason");
        // servers before 2.10.4 take only an exact "+TERM": a reason would make it no ack at all
        boolean withReason = !reason.isEmpty() && ServerVersion.atLeast(nc, 2, 10, 4);
        terminal(withReason ? ("+TERM " + reason).getBytes(StandardCharsets.UTF_8) : TERM);
    }

    @Override
    public void inProgress() {
        String reply = ackSubject();
        if (!done.get()) {
            nc.publish(reply, WPI);
        }
    }

    @Override
    public String toString() {
        return "JetStreamMessage[subject=" + msg.subject() + ", " + msg.data().length + " bytes]";
    }
}
