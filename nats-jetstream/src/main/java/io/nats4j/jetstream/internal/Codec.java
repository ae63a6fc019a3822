package io.nats4j.jetstream.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.nats4j.jetstream.AccountInfo;
import io.nats4j.jetstream.AckPolicy;
import io.nats4j.jetstream.ClusterInfo;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.DeliverPolicy;
import io.nats4j.jetstream.DiscardPolicy;
import io.nats4j.jetstream.RetentionPolicy;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.jetstream.StreamInfo;
import io.nats4j.jetstream.StreamState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** JSON of the JetStream API's configs and infos (field names as nats-server's stream.go / consumer.go). */
public final class Codec {

    private static final Set<String> STREAM_FIELDS = Set.of("name", "description", "subjects", "retention",
            "storage", "max_msgs", "max_bytes", "max_age", "max_msg_size", "max_msgs_per_subject", "discard",
            "num_replicas", "duplicate_window", "allow_direct", "allow_rollup_hdrs", "deny_delete", "deny_purge");

    private static final Set<String> CONSUMER_FIELDS = Set.of("durable_name", "name", "description",
            "filter_subject", "filter_subjects", "deliver_policy", "opt_start_seq", "opt_start_time", "ack_policy",
            "ack_wait", "max_deliver", "max_ack_pending", "max_waiting", "inactive_threshold", "num_replicas",
            "mem_storage", "headers_only");

    private Codec() {
    }

    // ---------------------------------------------------------------- stream

    static void writeStreamConfig(JsonGenerator g, StreamConfig c) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        if (!c.description().isEmpty()) {
            g.writeStringField("description", c.description());
        }
        if (!c.subjects().isEmpty()) {
            g.writeArrayFieldStart("subjects");
            for (String s : c.subjects()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        g.writeStringField("retention", c.retention().wireName());
        g.writeStringField("storage", c.storage().wireName());
        g.writeNumberField("max_msgs", c.maxMessages());
        g.writeNumberField("max_bytes", c.maxBytes());
        g.writeNumberField("max_age", c.maxAge().toNanos());
        g.writeNumberField("max_msg_size", c.maxMessageSize());
        g.writeNumberField("max_msgs_per_subject", c.maxMessagesPerSubject());
        g.writeStringField("discard", c.discard().wireName());
        g.writeNumberField("num_replicas", c.replicas());
        if (!c.duplicateWindow().isZero()) {
            g.writeNumberField("duplicate_window", c.duplicateWindow().toNanos());
        }
        g.writeBooleanField("allow_direct", c.allowDirect());
        g.writeBooleanField("allow_rollup_hdrs", c.allowRollup());
        g.writeBooleanField("deny_delete", c.denyDelete());
        g.writeBooleanField("deny_purge", c.denyPurge());
        writeUnknown(g, c.unknownFields(), STREAM_FIELDS);
        g.writeEndObject();
    }

    private static void writeUnknown(JsonGenerator g, Map<String, String> unknown, Set<String> known)
            throws IOException {
        for (Map.Entry<String, String> e : unknown.entrySet()) {
            if (!known.contains(e.getKey())) {
                g.writeFieldName(e.getKey());
                g.writeRawValue(e.getValue());
            }
        }
    }

    static StreamConfig readStreamConfig(JsonObject o) {
        return new StreamConfig(o.string("name", ""), o.string("description", ""), o.strings("subjects"),
                RetentionPolicy.fromWire(o.string("retention", "limits")).orElse(RetentionPolicy.LIMITS),
                StorageType.fromWire(o.string("storage", "file")).orElse(StorageType.FILE),
                o.number("max_msgs", -1), o.number("max_bytes", -1), o.nanos("max_age").orElse(Duration.ZERO),
                o.integer("max_msg_size", -1), o.number("max_msgs_per_subject", -1),
                DiscardPolicy.fromWire(o.string("discard", "old")).orElse(DiscardPolicy.OLD),
                Math.max(1, o.integer("num_replicas", 1)), o.nanos("duplicate_window").orElse(Duration.ZERO),
                o.bool("allow_direct", false), o.bool("allow_rollup_hdrs", false), o.bool("deny_delete", false),
                o.bool("deny_purge", false), o.unknown(STREAM_FIELDS));
    }

    static StreamInfo readStreamInfo(JsonObject o) {
        JsonObject cfg = o.object("config").orElseThrow(() -> new io.nats4j.jetstream.JetStreamException(
                "stream info without a config"));
        JsonObject st = o.object("state").orElse(new JsonObject(Map.of()));
        StreamState state = new StreamState(st.number("messages", 0), st.number("bytes", 0),
                st.number("first_seq", 0), st.number("last_seq", 0), st.integer("consumer_count", 0),
                st.number("num_deleted", 0), st.number("num_subjects", 0), st.time("first_ts"), st.time("last_ts"));
        return new StreamInfo(readStreamConfig(cfg), state, o.time("created").orElse(Instant.EPOCH),
                o.object("cluster").map(Codec::readCluster));
    }

    static ClusterInfo readCluster(JsonObject o) {
        List<ClusterInfo.PeerInfo> peers = new ArrayList<>();
        for (JsonObject p : o.objects("replicas")) {
            peers.add(new ClusterInfo.PeerInfo(p.string("name", ""), p.bool("current", false),
                    p.bool("offline", false), p.number("lag", 0)));
        }
        return new ClusterInfo(o.string("name", ""), o.optString("leader"), List.copyOf(peers));
    }

    // ---------------------------------------------------------------- consumer

    static void writeConsumerConfig(JsonGenerator g, ConsumerConfig c) throws IOException {
        g.writeStartObject();
        if (c.durable().isPresent()) {
            g.writeStringField("durable_name", c.durable().get());
        }
        if (c.effectiveName().isPresent()) {
            g.writeStringField("name", c.effectiveName().get());
        }
        if (!c.description().isEmpty()) {
            g.writeStringField("description", c.description());
        }
        if (c.filterSubject().isPresent()) {
            g.writeStringField("filter_subject", c.filterSubject().get());
        }
        if (!c.filterSubjects().isEmpty()) {
            g.writeArrayFieldStart("filter_subjects");
            for (String s : c.filterSubjects()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        g.writeStringField("deliver_policy", c.deliverPolicy().wireName());
        if (c.deliverPolicy() == DeliverPolicy.BY_START_SEQUENCE) {
            g.writeNumberField("opt_start_seq", c.startSequence());
        }
        if (c.deliverPolicy() == DeliverPolicy.BY_START_TIME && c.startTime().isPresent()) {
            g.writeStringField("opt_start_time", formatTime(c.startTime().get()));
        }
        g.writeStringField("ack_policy", c.ackPolicy().wireName());
        nanosField(g, "ack_wait", c.ackWait());
        if (c.maxDeliver() != 0) {
            g.writeNumberField("max_deliver", c.maxDeliver());
        }
        if (c.maxAckPending() != 0) {
            g.writeNumberField("max_ack_pending", c.maxAckPending());
        }
        if (c.maxWaiting() != 0) {
            g.writeNumberField("max_waiting", c.maxWaiting());
        }
        nanosField(g, "inactive_threshold", c.inactiveThreshold());
        if (c.replicas() != 0) {
            g.writeNumberField("num_replicas", c.replicas());
        }
        if (c.memoryStorage()) {
            g.writeBooleanField("mem_storage", true);
        }
        if (c.headersOnly()) {
            g.writeBooleanField("headers_only", true);
        }
        writeUnknown(g, c.unknownFields(), CONSUMER_FIELDS);
        g.writeEndObject();
    }

    private static void nanosField(JsonGenerator g, String name, Duration d) throws IOException {
        if (!d.isZero()) {
            g.writeNumberField(name, d.toNanos());
        }
    }

    static String formatTime(Instant t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }

    static ConsumerConfig readConsumerConfig(JsonObject o) {
        DeliverPolicy dp = DeliverPolicy.fromWire(o.string("deliver_policy", "all")).orElse(DeliverPolicy.ALL);
        long startSeq = o.number("opt_start_seq", 0);
        Optional<Instant> startTime = o.time("opt_start_time");
        if (dp == DeliverPolicy.BY_START_SEQUENCE && startSeq <= 0 || dp == DeliverPolicy.BY_START_TIME
                && startTime.isEmpty()) {
            dp = DeliverPolicy.ALL; // an inconsistent server answer must not make the info unreadable
        }
        Optional<String> durable = o.optString("durable_name");
        Optional<String> name = o.optString("name");
        if (durable.isPresent() && name.isPresent() && !durable.equals(name)) {
            name = durable;
        }
        return new ConsumerConfig(durable, name, o.string("description", ""), o.optString("filter_subject"),
                o.strings("filter_subjects"), dp, startSeq, startTime,
                AckPolicy.fromWire(o.string("ack_policy", "explicit")).orElse(AckPolicy.EXPLICIT),
                o.nanos("ack_wait").orElse(Duration.ZERO), o.integer("max_deliver", 0),
                o.integer("max_ack_pending", 0), o.integer("max_waiting", 0),
                o.nanos("inactive_threshold").orElse(Duration.ZERO),
                Math.max(0, Math.min(5, o.integer("num_replicas", 0))), o.bool("mem_storage", false),
                o.bool("headers_only", false), o.unknown(CONSUMER_FIELDS));
    }

    static ConsumerInfo readConsumerInfo(JsonObject o) {
        JsonObject cfg = o.object("config").orElse(new JsonObject(Map.of()));
        JsonObject delivered = o.object("delivered").orElse(new JsonObject(Map.of()));
        JsonObject ackFloor = o.object("ack_floor").orElse(new JsonObject(Map.of()));
        return new ConsumerInfo(o.string("stream_name", ""), o.string("name", ""), readConsumerConfig(cfg),
                o.number("num_pending", 0), o.number("num_ack_pending", 0), o.number("num_redelivered", 0),
                delivered.number("stream_seq", 0), delivered.number("consumer_seq", 0),
                ackFloor.number("stream_seq", 0), o.integer("num_waiting", 0),
                o.time("created").orElse(Instant.EPOCH), o.object("cluster").map(Codec::readCluster));
    }

    // ---------------------------------------------------------------- account

    static AccountInfo readAccountInfo(JsonObject o) {
        JsonObject l = o.object("limits").orElse(new JsonObject(Map.of()));
        JsonObject api = o.object("api").orElse(new JsonObject(Map.of()));
        return new AccountInfo(o.number("memory", 0), o.number("storage", 0), o.integer("streams", 0),
                o.integer("consumers", 0), new AccountInfo.AccountLimits(l.number("max_memory", -1),
                        l.number("max_storage", -1), l.integer("max_streams", -1), l.integer("max_consumers", -1),
                        l.integer("max_ack_pending", -1)),
                o.optString("domain"), api.number("total", 0), api.number("errors", 0));
    }
}
