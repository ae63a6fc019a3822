package io.nats4j.jetstream.internal;

import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.jetstream.Consumer;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.PurgeOptions;
import io.nats4j.jetstream.StoredMessage;
import io.nats4j.jetstream.Stream;
import io.nats4j.jetstream.StreamInfo;
import io.nats4j.protocol.NatsIllegalArgumentException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/** A bound stream. Message reads use direct get ({@code DIRECT.GET}) when the stream allows it. */
final class StreamImpl implements Stream {

    private final JetStreamImpl js;
    private final String name;
    private volatile StreamInfo info;

    StreamImpl(JetStreamImpl js, String name, StreamInfo info) {
        this.js = js;
        this.name = name;
        this.info = info;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StreamInfo info() {
        info = js.streamInfo(name);
        return info;
    }

    @Override
    public StreamInfo cachedInfo() {
        return info;
    }

    @Override
    public long purge() {
        return purge(PurgeOptions.builder().build());
    }

    @Override
    public long purge(PurgeOptions options) {
        Objects.requireNonNull(options, "options");
        byte[] body = Json.encode(g -> {
            g.writeStartObject();
            if (options.subject().isPresent()) {
                g.writeStringField("filter", options.subject().get());
            }
            if (options.sequence() > 0) {
                g.writeNumberField("seq", options.sequence());
            }
            if (options.keep() > 0) {
                g.writeNumberField("keep", options.keep());
            }
            g.writeEndObject();
        });
        return js.api().request("STREAM.PURGE." + name, body).number("purged", 0);
    }

    @Override
    public Optional<StoredMessage> message(long sequence) {
        if (sequence < 1) {
            throw new NatsIllegalArgumentException("stream '" + name + "': sequence must be 1 or more, was " + sequence);
        }
        return get(sequence, null, false);
    }

    @Override
    public Optional<StoredMessage> lastMessage(String subject) {
        Objects.requireNonNull(subject, "subject");
        return get(0, subject, true);
    }

    @Override
    public Optional<StoredMessage> nextMessage(long sequence, String subject) {
        Objects.requireNonNull(subject, "subject");
        return get(Math.max(1, sequence), subject, false);
    }

    private Optional<StoredMessage> get(long seq, String subject, boolean last) {
        byte[] body = Json.encode(g -> {
            g.writeStartObject();
            if (last) {
                g.writeStringField("last_by_subj", subject);
            } else {
                g.writeNumberField("seq", seq);
                if (subject != null) {
                    g.writeStringField("next_by_subj", subject);
                }
            }
            g.writeEndObject();
        });
        return info.config().allowDirect() ? directGet(body) : apiGet(body);
    }

    private Optional<StoredMessage> apiGet(byte[] body) {
        try {
            JsonObject m = js.api().request("STREAM.MSG.GET." + name, body).object("message")
                    .orElseThrow(() -> new JetStreamException("stream '" + name + "': message get answer without a message"));
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] hdrs = b64.decode(m.string("hdrs", ""));
            byte[] data = b64.decode(m.string("data", ""));
            return Optional.of(new StoredMessage(m.string("subject", ""), m.number("seq", 0), HeaderBlock.parse(hdrs),
                    data, m.time("time").orElse(Instant.EPOCH)));
        } catch (JetStreamApiException e) {
            if (Api.isNotFound(e, JetStreamApiException.NO_MESSAGE_FOUND)) {
                return Optional.empty();
            }
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JetStreamException("stream '" + name + "': message get answer is not valid base64", e);
        }
    }

    private Optional<StoredMessage> directGet(byte[] body) {
        String subject = js.api().subject("DIRECT.GET." + name);
        Message m = js.connection().request(subject, body, js.api().timeout());
        if (m.isStatus()) {
            if (m.status() == 404) {
                return Optional.empty();
            }
            throw new JetStreamApiException(m.status(), 0, "direct get on stream '" + name + "': "
                    + m.statusDescription());
        }
        Headers h = m.headers();
        long seq;
        try {
            seq = Long.parseLong(h.first("Nats-Sequence").orElse("0"));
        } catch (NumberFormatException e) {
            throw new JetStreamException("direct get on stream '" + name + "': bad Nats-Sequence header", e);
        }
        String subj = h.first("Nats-Subject").orElse(m.subject());
        Instant time = JsonObject.parseTime(h.first("Nats-Time-Stamp").orElse(null)).orElse(Instant.EPOCH);
        Headers user = new Headers();
        for (String n : h.names()) {
            if (!n.equals("Nats-Stream") && !n.equals("Nats-Sequence") && !n.equals("Nats-Subject")
                    && !n.equals("Nats-Time-Stamp") && !n.equals("Nats-Last-Sequence")) {
                for (String v : h.values(n)) {
                    user.add(n, v);
                }
            }
        }
        return Optional.of(new StoredMessage(subj, seq, user, m.data(), time));
    }

    @Override
    public boolean deleteMessage(long sequence) {
        byte[] body = Json.encode(g -> {
            g.writeStartObject();
            g.writeNumberField("seq", sequence);
            g.writeBooleanField("no_erase", true);
            g.writeEndObject();
        });
        try {
            return js.api().request("STREAM.MSG.DELETE." + name, body).bool("success", false);
        } catch (JetStreamApiException e) {
            if (Api.isNotFound(e, JetStreamApiException.NO_MESSAGE_FOUND) || e.errorCode() == 10043) {
                return false; // 10043: sequence not found
            }
            throw e;
        }
    }

    @Override
    public Consumer consumer(String consumerName) {
        return js.consumer(name, consumerName);
    }

    @Override
    public String toString() {
        return "Stream[" + name + "]";
    }
}
