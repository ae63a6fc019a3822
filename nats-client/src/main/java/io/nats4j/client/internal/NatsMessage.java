package io.nats4j.client.internal;

import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.Subscription;
import io.nats4j.protocol.internal.HeadersCodec;
import io.nats4j.protocol.NatsIllegalArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A received message: one copy of the payload, the header block kept raw and decoded on first use.
 */
final class NatsMessage implements Message {

    private static final byte[] EMPTY = new byte[0];

    private final String subject;
    private final String replyTo;
    private final byte[] headerBlock;
    private final byte[] data;
    private final NatsSubscription subscription;
    private HeadersCodec.Decoded decoded;
    private Headers headers;
    /** Next message in the subscription's pending queue; owned by that queue. */
    NatsMessage next;

    NatsMessage(String subject, String replyTo, byte[] headerBlock, byte[] data, NatsSubscription subscription) {
        this.subject = subject;
        this.replyTo = replyTo;
        this.headerBlock = headerBlock;
        this.data = data == null ? EMPTY : data;
        this.subscription = subscription;
    }

    int size() {
        return data.length + (headerBlock == null ? 0 : headerBlock.length);
    }

    @Override
    public String subject() {
        return subject;
    }

    @Override
    public Optional<String> replyTo() {
        return Optional.ofNullable(replyTo);
    }

    String replyToOrNull() {
        return replyTo;
    }

    private HeadersCodec.Decoded decoded() {
        if (decoded == null) {
            decoded = headerBlock == null
                    ? new HeadersCodec.Decoded(0, "", Map.of())
                    : HeadersCodec.decode(headerBlock, 0, headerBlock.length);
        }
        return decoded;
    }

    @Override
    public Headers headers() {
        if (headers == null) {
            headers = ClientAccess.headers(decoded().headers());
        }
        return headers;
    }

    @Override
    public byte[] data() {
        return data;
    }

    @Override
    public String dataAsString() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean isStatus() {
        return headerBlock != null && decoded().status() != 0;
    }

    @Override
    public int status() {
        return headerBlock == null ? 0 : decoded().status();
    }

    @Override
    public String statusDescription() {
        return headerBlock == null || decoded().status() == 0 ? "" : decoded().description();
    }

    @Override
    public int headerSize() {
        return headerBlock == null ? 0 : headerBlock.length;
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }

    @Override
    public void respond(byte[] reply) {
        if (replyTo == null) {
            throw new NatsIllegalArgumentException("message on '" + subject + "' has no reply subject to respond to");
        }
        subscription.connection().publish(replyTo, reply);
    }

    @Override
    public String toString() {
        return "Message[subject=" + subject + (replyTo == null ? "" : ", replyTo=" + replyTo)
                + ", " + data.length + " bytes" + (headerBlock == null ? "" : ", headers") + "]";
    }
}
