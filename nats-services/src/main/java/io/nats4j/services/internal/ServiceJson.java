package io.nats4j.services.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nats4j.protocol.NatsProtocolException;
import io.nats4j.services.EndpointInfo;
import io.nats4j.services.EndpointStats;
import io.nats4j.services.ServiceIdentity;
import io.nats4j.services.ServiceInfo;
import io.nats4j.services.ServiceStats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery JSON of ADR-32: {@code io.nats.micro.v1.ping_response}, {@code info_response} and
 * {@code stats_response}, written and read with jackson-core's streaming API. Durations are integer
 * nanoseconds and {@code started} is RFC 3339 in UTC, as nats.go writes them.
 */
public final class ServiceJson {
    /** Type of a PING answer. */
    public static final String PING_TYPE = "io.nats.micro.v1.ping_response";
    /** Type of an INFO answer. */
    public static final String INFO_TYPE = "io.nats.micro.v1.info_response";
    /** Type of a STATS answer. */
    public static final String STATS_TYPE = "io.nats.micro.v1.stats_response";

    private static final JsonFactory JSON = new JsonFactory();

    private ServiceJson() {
    }

    static byte[] ping(ServiceIdentity who) {
        return write(g -> identity(g, PING_TYPE, who));
    }

    static byte[] info(ServiceInfo info) {
        return write(g -> {
            identity(g, INFO_TYPE, new ServiceIdentity(info.name(), info.id(), info.version(), info.metadata()));
            g.writeStringField("description", info.description());
            g.writeArrayFieldStart("endpoints");
            for (EndpointInfo e : info.endpoints()) {
                g.writeStartObject();
                g.writeStringField("name", e.name());
                g.writeStringField("subject", e.subject());
                g.writeStringField("queue_group", e.queueGroup().orElse(""));
                map(g, "metadata", e.metadata());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    static byte[] stats(ServiceStats stats, Map<String, String> metadata, List<EndpointInfo> infos) {
        return write(g -> {
            identity(g, STATS_TYPE, new ServiceIdentity(stats.name(), stats.id(), stats.version(), metadata));
            g.writeStringField("started", stats.started().toString());
            g.writeArrayFieldStart("endpoints");
            for (int i = 0; i < stats.endpoints().size(); i++) {
                EndpointStats e = stats.endpoints().get(i);
                g.writeStartObject();
                g.writeStringField("name", e.name());
                g.writeStringField("subject", e.subject());
                g.writeStringField("queue_group", infos.get(i).queueGroup().orElse(""));
                g.writeNumberField("num_requests", e.requests());
                g.writeNumberField("num_errors", e.errors());
                g.writeStringField("last_error", e.lastError().orElse(""));
                g.writeNumberField("processing_time", e.processingTime().toNanos());
                g.writeNumberField("average_processing_time", e.averageProcessingTime().toNanos());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private static void identity(JsonGenerator g, String type, ServiceIdentity who) throws IOException {
        g.writeStringField("type", type);
        g.writeStringField("name", who.name());
        g.writeStringField("id", who.id());
        g.writeStringField("version", who.version());
        map(g, "metadata", who.metadata());
    }

    private static void map(JsonGenerator g, String field, Map<String, String> values) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : values.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing service JSON to memory", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a PING answer.
     *
     * @param json the reply payload
     * @return the identity
     * @throws NatsProtocolException when it is not a ping response
     */
    public static ServiceIdentity parsePing(byte[] json) {
        Map<String, Object> o = object(json, PING_TYPE);
        return identity(o);
    }

    /**
     * Reads an INFO answer.
     *
     * @param json the reply payload
     * @return the info
     * @throws NatsProtocolException when it is not an info response
     */
    public static ServiceInfo parseInfo(byte[] json) {
        Map<String, Object> o = object(json, INFO_TYPE);
        List<EndpointInfo> endpoints = new ArrayList<>();
        for (Map<String, Object> e : objects(o.get("endpoints"))) {
            String queue = text(e, "queue_group");
            endpoints.add(new EndpointInfo(text(e, "name"), text(e, "subject"),
                    queue.isEmpty() ? Optional.empty() : Optional.of(queue), strings(e.get("metadata"))));
        }
        ServiceIdentity who = identity(o);
        return new ServiceInfo(who.name(), who.id(), who.version(), text(o, "description"), who.metadata(), endpoints);
    }

    /**
     * Reads a STATS answer.
     *
     * @param json the reply payload
     * @return the stats
     * @throws NatsProtocolException when it is not a stats response
     */
    public static ServiceStats parseStats(byte[] json) {
        Map<String, Object> o = object(json, STATS_TYPE);
        List<EndpointStats> endpoints = new ArrayList<>();
        for (Map<String, Object> e : objects(o.get("endpoints"))) {
            String last = text(e, "last_error");
            endpoints.add(new EndpointStats(text(e, "name"), text(e, "subject"), number(e, "num_requests"),
                    number(e, "num_errors"), Duration.ofNanos(number(e, "processing_time")),
                    Duration.ofNanos(number(e, "average_processing_time")),
                    last.isEmpty() ? Optional.empty() : Optional.of(last)));
        }
        ServiceIdentity who = identity(o);
        Instant started;
        try {
            started = Instant.parse(text(o, "started"));
        } catch (DateTimeParseException e) {
            throw new NatsProtocolException("service stats: 'started' is not an RFC 3339 time: " + text(o, "started"));
        }
        return new ServiceStats(who.name(), who.id(), who.version(), started, endpoints);
    }

    private static ServiceIdentity identity(Map<String, Object> o) {
        return new ServiceIdentity(text(o, "name"), text(o, "id"), text(o, "version"), strings(o.get("metadata")));
    }

    private static Map<String, Object> object(byte[] json, String type) {
        Object value;
        try (JsonParser p = JSON.createParser(json)) {
            value = read(p, p.nextToken());
        } catch (IOException e) {
            throw new NatsProtocolException("service reply is not JSON: " + e.getMessage(), e);
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new NatsProtocolException("service reply is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) value;
        if (!type.equals(o.get("type"))) {
            throw new NatsProtocolException("service reply has type '" + o.get("type") + "', expected " + type);
        }
        return o;
    }

    /** Reads one JSON value whose first token is {@code t} into maps, lists, strings, longs, doubles, booleans. */
    private static Object read(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new NatsProtocolException("service reply: unexpected end of JSON");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, read(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(read(p, n));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new NatsProtocolException("service reply: unexpected JSON token " + t);
        }
    }

    private static String text(Map<String, Object> o, String field) {
        Object v = o.get(field);
        return v == null ? "" : v.toString();
    }

    private static long number(Map<String, Object> o, String field) {
        Object v = o.get(field);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v == null) {
            return 0;
        }
        throw new NatsProtocolException("service reply: '" + field + "' is not a number: " + v);
    }

    private static Map<String, String> strings(Object v) {
        Map<String, String> m = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> map) {
            map.forEach((k, val) -> m.put(String.valueOf(k), String.valueOf(val)));
        }
        return m;
    }

    private static List<Map<String, Object>> objects(Object v) {
        List<Map<String, Object>> l = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?>) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) e;
                    l.add(m);
                }
            }
        }
        return l;
    }
}
