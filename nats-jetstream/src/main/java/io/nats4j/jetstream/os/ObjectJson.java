package io.nats4j.jetstream.os;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nats4j.client.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The object info JSON of ADR-20, field for field as nats.go writes it; {@code mtime} is never
 * stored (the message time is the modification time).
 */
final class ObjectJson {
    private static final JsonFactory JSON = new JsonFactory();

    private ObjectJson() {
    }

    static byte[] write(ObjectInfo info) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        ObjectMeta meta = info.meta();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("name", info.name());
            if (!meta.description().isEmpty()) {
                g.writeStringField("description", meta.description());
            }
            Headers h = meta.headers();
            if (!h.isEmpty()) {
                g.writeObjectFieldStart("headers");
                for (String n : h.names()) {
                    g.writeArrayFieldStart(n);
                    for (String v : h.values(n)) {
                        g.writeString(v);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            if (!meta.metadata().isEmpty()) {
                g.writeObjectFieldStart("metadata");
                for (Map.Entry<String, String> e : meta.metadata().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeObjectFieldStart("options");
            if (meta.link().isPresent()) {
                g.writeObjectFieldStart("link");
                g.writeStringField("bucket", meta.link().get().bucket());
                if (meta.link().get().name().isPresent()) {
                    g.writeStringField("name", meta.link().get().name().get());
                }
                g.writeEndObject();
            }
            g.writeNumberField("max_chunk_size", meta.chunkSize());
            g.writeEndObject();
            g.writeStringField("bucket", info.bucket());
            g.writeStringField("nuid", info.nuid());
            g.writeNumberField("size", info.size());
            g.writeNumberField("chunks", info.chunks());
            if (!info.digest().isEmpty()) {
                g.writeStringField("digest", info.digest());
            }
            if (info.deleted()) {
                g.writeBooleanField("deleted", true);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing object info JSON to memory", e);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static ObjectInfo parse(byte[] json, Instant modified) {
        Map<String, Object> o;
        try (JsonParser p = JSON.createParser(json)) {
            Object v = read(p, p.nextToken());
            if (!(v instanceof Map)) {
                throw new ObjectStoreException("object info is not a JSON object");
            }
            o = (Map<String, Object>) v;
        } catch (IOException e) {
            throw new ObjectStoreException("object info is not valid JSON: " + e.getMessage(), e);
        }
        Headers headers = new Headers();
        if (o.get("headers") instanceof Map<?, ?> hm) {
            for (Map.Entry<?, ?> e : hm.entrySet()) {
                if (e.getValue() instanceof List<?> values) {
                    for (Object v : values) {
                        headers.add(String.valueOf(e.getKey()), String.valueOf(v));
                    }
                }
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        if (o.get("metadata") instanceof Map<?, ?> mm) {
            mm.forEach((k, v) -> metadata.put(String.valueOf(k), String.valueOf(v)));
        }
        int chunkSize = ObjectMeta.DEFAULT_CHUNK_SIZE;
        Optional<ObjectLink> link = Optional.empty();
        if (o.get("options") instanceof Map<?, ?> opts) {
            if (opts.get("max_chunk_size") instanceof Number n && n.intValue() > 0) {
                chunkSize = n.intValue();
            }
            if (opts.get("link") instanceof Map<?, ?> l && l.get("bucket") != null) {
                Object name = l.get("name");
                link = Optional.of(new ObjectLink(String.valueOf(l.get("bucket")),
                        name == null || name.toString().isEmpty() ? Optional.empty() : Optional.of(name.toString())));
            }
        }
        String name = text(o, "name");
        ObjectMeta meta = new ObjectMeta(name, text(o, "description"), headers, metadata, chunkSize, link);
        return new ObjectInfo(text(o, "bucket"), name, text(o, "nuid"), number(o, "size"), (int) number(o, "chunks"),
                text(o, "digest"), modified, Boolean.TRUE.equals(o.get("deleted")), meta);
    }

    private static String text(Map<String, Object> o, String field) {
        Object v = o.get(field);
        return v == null ? "" : v.toString();
    }

    private static long number(Map<String, Object> o, String field) {
        return o.get(field) instanceof Number n ? n.longValue() : 0;
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new ObjectStoreException("object info JSON ends early");
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
                List<Object> l = new java.util.ArrayList<>();
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
                throw new ObjectStoreException("object info JSON: unexpected token " + t);
        }
    }
}
